import type { ServiceDrivers } from '@ikt/shared/full-cost.schema';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { formProblems } from '../../../api/problem-fields';
import { DataTable } from '../../../components/data-table';
import { useUnsavedChanges } from '../../../hooks/use-unsaved-changes';
import { useI18n } from '../../../i18n/i18n-context';
import { useSaveServiceDrivers } from '../api/allocation-basis';
import { driversBody, driverTexts, type DriverText } from '../utils/allocation-basis';
import { BasisSave } from './basis-save';

/**
 * Each ICT service's driver: the unit its consumption is counted in (in Latvian and English), or
 * "direct" when its items name their beneficiaries. What is typed stays over the saved drivers
 * until it is saved, also when someone else's change is loaded meanwhile.
 */
export function DriversForm({ drivers }: { drivers: ServiceDrivers }) {
  const { t } = useI18n();
  const save = useSaveServiceDrivers(drivers.cycleId);
  const saved = useMemo(() => driverTexts(drivers), [drivers]);
  const [edits, setEdits] = useState<Record<string, DriverText>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const idPrefix = useId();
  const texts = { ...saved, ...edits };
  const dirty = Object.keys(edits).length > 0;
  useUnsavedChanges(dirty);

  const body = driversBody(texts);
  const problems = formProblems(save.error, {
    paths: Object.fromEntries(body.services.map((code, index) => [String(index), code])),
  });

  const edit = (code: string, change: Partial<DriverText>) =>
    setEdits((current) => ({ ...current, [code]: { ...texts[code]!, ...change } }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(body.problems);
    if (body.problems.length > 0 || save.isPending) return;
    save.mutate({ input: body.drivers, version: drivers.version }, { onSuccess: () => setEdits({}) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <DataTable
        caption={t('basis.driversCaption')}
        head={[t('fullCost.service'), t('basis.unitLv'), t('basis.unitEn'), t('basis.direct')]}
      >
        <tbody>
          {drivers.services.map((service) => {
            const text = texts[service.serviceCode]!;
            const problem = missing.includes(service.serviceCode)
              ? t('basis.bothUnits')
              : problems.fields[service.serviceCode];
            const id = `${idPrefix}-${service.serviceCode}`;
            const name = `${service.serviceCode} ${service.name}`;
            return (
              <tr key={service.serviceCode} className={problem ? 'row--error' : undefined}>
                <th scope="row" id={`${id}-name`}>
                  <span className="code">{service.serviceCode}</span> {service.name}
                  {problem && (
                    <p id={`${id}-problem`} className="field__error">
                      {problem}
                    </p>
                  )}
                </th>
                {(['unitLv', 'unitEn'] as const).map((field) => (
                  <td key={field}>
                    <input
                      className="field__input"
                      aria-label={`${name}: ${t(field === 'unitLv' ? 'basis.unitLv' : 'basis.unitEn')}`}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${id}-problem` : undefined}
                      value={text[field]}
                      disabled={text.direct}
                      maxLength={80}
                      onChange={(event) => edit(service.serviceCode, { [field]: event.target.value })}
                    />
                  </td>
                ))}
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${name}: ${t('basis.direct')}`}
                    checked={text.direct}
                    onChange={(event) => edit(service.serviceCode, { direct: event.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <BasisSave mutation={save} refusal={problems} dirty={dirty} label={t('basis.saveDrivers')} />
    </form>
  );
}
