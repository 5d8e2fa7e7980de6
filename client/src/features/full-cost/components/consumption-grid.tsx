import type { ServiceConsumption, ServiceDrivers } from '@ikt/shared/full-cost.schema';
import type { Institution } from '@ikt/shared/reference.schema';
import { useId, useMemo, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { formProblems } from '../../../api/problem-fields';
import { useUnsavedChanges } from '../../../hooks/use-unsaved-changes';
import { useI18n } from '../../../i18n/i18n-context';
import { parseClipboardTable } from '../../../utils/clipboard-table';
import { quantityProblemMessage } from '../../../utils/quantity-input';
import { useSaveServiceConsumption } from '../api/allocation-basis';
import {
  cellKey,
  cellText,
  changedCells,
  consumptionBody,
  pastedEdits,
  savedQuantities,
  type QuantityEdits,
} from '../utils/allocation-basis';
import { BasisSave } from './basis-save';

interface ConsumptionGridProps {
  drivers: ServiceDrivers;
  consumption: ServiceConsumption;
  institutions: readonly Institution[];
  fiscalYear: number;
}

/** Which way a key moves from a cell (row, column), or undefined when it edits the text. */
function moveOf(event: KeyboardEvent<HTMLInputElement>): [number, number] | undefined {
  const input = event.currentTarget;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length;
  switch (event.key) {
    case 'ArrowDown':
      return [1, 0];
    case 'ArrowUp':
      return [-1, 0];
    case 'Enter':
      return [event.shiftKey ? -1 : 1, 0];
    case 'ArrowLeft':
      return atStart ? [0, -1] : undefined;
    case 'ArrowRight':
      return atEnd ? [0, 1] : undefined;
    default:
      return undefined;
  }
}

/**
 * The quantities each institution consumes of each counted service in one fiscal year, as a
 * sheet: arrows and Enter move between cells as in Excel, and a column or block copied from Excel
 * pastes from the cell down and across. Nothing is sent while a cell holds no quantity; a
 * problem (ours or the server's) marks its cell and is listed above the sheet.
 */
export function ConsumptionGrid({ drivers, consumption, institutions, fiscalYear }: ConsumptionGridProps) {
  const { t, language } = useI18n();
  const save = useSaveServiceConsumption(consumption.cycleId);
  const [edits, setEdits] = useState<QuantityEdits>({});
  const [checked, setChecked] = useState(false);
  const sheet = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const problemsId = useId();

  const services = drivers.services.filter((service) => service.unitLv !== null && !service.direct);
  const direct = useMemo(
    () => new Set(drivers.services.filter((service) => service.direct).map((service) => service.serviceCode)),
    [drivers],
  );
  const rows = institutions.filter((institution) => institution.active).map((institution) => institution.code);
  const columns = services.map((service) => service.serviceCode);
  const saved = useMemo(() => savedQuantities(consumption.rows), [consumption]);
  const dirty = changedCells(saved, edits).length > 0;
  useUnsavedChanges(dirty);

  const body = consumptionBody(consumption.rows, edits, direct);
  const refusal = formProblems(save.error, {
    paths: Object.fromEntries(body.cells.map((key, index) => [String(index), key])),
  });
  const problems: Partial<Record<string, string>> = { ...refusal.fields };
  if (checked) {
    for (const [key, problem] of Object.entries(body.problems)) problems[key] = t(quantityProblemMessage(problem));
  }
  const problemList = Object.entries(problems);
  const keyAt = (institutionCode: string, serviceCode: string) => cellKey(serviceCode, institutionCode, fiscalYear);

  function focusCell(row: number, column: number) {
    sheet.current?.querySelector<HTMLInputElement>(`[data-cell="${row}:${column}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    const move = moveOf(event);
    if (!move) return;
    event.preventDefault();
    focusCell(row + move[0], column + move[1]);
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, column: number) {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text)) return;
    event.preventDefault();
    const table = parseClipboardTable(text);
    setEdits((current) => ({ ...current, ...pastedEdits(table.rows, { row, column }, { rows, columns }, keyAt) }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const first = Object.keys(body.problems)[0];
    if (first !== undefined) {
      const [serviceCode = '', institutionCode = ''] = first.split('|');
      focusCell(rows.indexOf(institutionCode), columns.indexOf(serviceCode));
      return;
    }
    if (save.isPending) return;
    save.mutate(
      { input: body.rows, version: consumption.version },
      {
        onSuccess: () => {
          setEdits({});
          setChecked(false);
        },
      },
    );
  }

  if (columns.length === 0) return <p className="state">{t('basis.noCountedServices')}</p>;
  return (
    <form onSubmit={submit} noValidate>
      {problemList.length > 0 && (
        <div className="error-state" role="alert" id={problemsId}>
          <p className="error-state__title">{t('basis.cellProblems')}</p>
          <ul>
            {problemList.map(([key, message]) => {
              const [serviceCode = '', institutionCode = '', year = ''] = key.split('|');
              return (
                <li key={key} id={`${problemsId}-${key}`}>
                  {`${institutionCode} · ${serviceCode} · ${year}: ${message}`}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p className="hint">{t('basis.gridHint')}</p>
      <div className="table-scroll" role="region" aria-labelledby={captionId}>
        <table className="data-table basis-grid" ref={sheet}>
          <caption id={captionId}>{t('basis.consumptionCaption', { year: fiscalYear })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fullCost.institution')}</th>
              {services.map((service) => (
                <th scope="col" key={service.serviceCode} className="num" title={service.name}>
                  <span className="code">{service.serviceCode}</span>
                  <span className="basis-grid__unit">{language === 'lv' ? service.unitLv : service.unitEn}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((institutionCode, row) => {
              const institution = institutions.find((i) => i.code === institutionCode)!;
              return (
                <tr key={institutionCode}>
                  <th scope="row">
                    <span className="code">{institutionCode}</span>{' '}
                    {language === 'lv' ? institution.nameLv : institution.nameEn}
                  </th>
                  {services.map((service, column) => {
                    const key = keyAt(institutionCode, service.serviceCode);
                    const problem = problems[key];
                    return (
                      <td
                        key={service.serviceCode}
                        className={problem ? 'basis-grid__cell is-invalid' : 'basis-grid__cell'}
                      >
                        <input
                          data-cell={`${row}:${column}`}
                          className="basis-grid__input num"
                          inputMode="decimal"
                          aria-label={`${institutionCode}, ${service.serviceCode} (${
                            (language === 'lv' ? service.unitLv : service.unitEn) ?? ''
                          })`}
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? `${problemsId}-${key}` : undefined}
                          value={cellText(key, saved, edits)}
                          onChange={(event) => setEdits((current) => ({ ...current, [key]: event.target.value }))}
                          onKeyDown={(event) => onKeyDown(event, row, column)}
                          onPaste={(event) => onPaste(event, row, column)}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <BasisSave mutation={save} refusal={refusal} dirty={dirty} label={t('basis.saveConsumption')} />
    </form>
  );
}
