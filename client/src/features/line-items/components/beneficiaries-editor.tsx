import { useInstitutions } from '../../../api/reference/get-institutions';
import { FormField } from '../../../components/form-field';
import { describedBy, FieldProblem, fieldClass, problemId } from '../../../components/form-problem';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { addsUp, rowsTotal, type BeneficiaryRow } from '../utils/beneficiary-rows';

/** The ids of the editor's parts. */
const idsOf = (baseId: string) => ({
  group: baseId,
  institution: (index: number) => `${baseId}-${index}-institution`,
  share: (index: number) => `${baseId}-${index}-share`,
});

/**
 * The problem paths of the list and of each row, as the server names them
 * (`beneficiaries`, `beneficiaries.2.share`), and the id of the input each belongs to: where the
 * cursor goes to correct it.
 */
export function beneficiaryFieldIds(baseId: string, rows: readonly BeneficiaryRow[]): Record<string, string> {
  const ids = idsOf(baseId);
  const entries: [string, string][] = [
    ['beneficiaries', ids.group],
    ...rows.flatMap((_, index): [string, string][] => [
      [`beneficiaries.${index}.institutionCode`, ids.institution(index)],
      [`beneficiaries.${index}.share`, ids.share(index)],
    ]),
  ];
  return Object.fromEntries(entries);
}

interface BeneficiariesEditorProps {
  baseId: string;
  label: string;
  rows: readonly BeneficiaryRow[];
  onChange: (rows: BeneficiaryRow[]) => void;
  /** The server's words for the list (`beneficiaries`) and for each row's fields, by path. */
  problems: Partial<Record<string, string>>;
}

/**
 * A central item's beneficiaries: an institution and its share in per cent on each row, rows
 * added and removed, the sum shown as it is typed. What is wrong with a row the server says
 * beside that row.
 */
export function BeneficiariesEditor({ baseId, label, rows, onChange, problems }: BeneficiariesEditorProps) {
  const { t, language, localize } = useI18n();
  const institutions = useInstitutions();
  const ids = idsOf(baseId);
  const options = (institutions.data ?? []).filter((institution) => institution.active);
  const total = rowsTotal(rows);
  const listProblem = problems.beneficiaries;
  const change = (index: number, row: Partial<BeneficiaryRow>) =>
    onChange(rows.map((other, at) => (at === index ? { ...other, ...row } : other)));

  return (
    <fieldset
      id={ids.group}
      className={fieldClass(listProblem, 'field beneficiaries')}
      tabIndex={-1}
      aria-describedby={describedBy(`${baseId}-hint`, listProblem && problemId(baseId))}
    >
      <legend className="field__label">{label}</legend>
      <p id={`${baseId}-hint`} className="field__hint">
        {t('item.hint.beneficiaries')}
      </p>
      <FieldProblem inputId={baseId} message={listProblem} />
      {rows.map((row, index) => {
        const number = index + 1;
        const institutionProblem = problems[`beneficiaries.${index}.institutionCode`];
        const shareProblem = problems[`beneficiaries.${index}.share`];
        const known = row.institutionCode === '' || options.some((option) => option.code === row.institutionCode);
        return (
          <div key={index} className="field-row beneficiaries__row">
            <FormField
              id={ids.institution(index)}
              label={t('item.beneficiary.institution', { number })}
              message={institutionProblem}
            >
              {(control) => (
                <select
                  {...control}
                  className="field__input"
                  value={row.institutionCode}
                  onChange={(event) => change(index, { institutionCode: event.target.value })}
                >
                  <option value="">{t('item.beneficiary.choose')}</option>
                  {!known && <option value={row.institutionCode}>{row.institutionCode}</option>}
                  {options.map((option) => (
                    <option key={option.code} value={option.code}>
                      {option.code} — {localize(option.nameLv, option.nameEn)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={ids.share(index)} label={t('item.beneficiary.share', { number })} message={shareProblem}>
              {(control) => (
                <input
                  {...control}
                  value={row.share}
                  onChange={(event) => change(index, { share: event.target.value })}
                  className="field__input field__input--short"
                  inputMode="decimal"
                  autoComplete="off"
                />
              )}
            </FormField>
            <button
              type="button"
              className="button button--quiet beneficiaries__remove"
              onClick={() => onChange(rows.filter((_, at) => at !== index))}
            >
              {t('item.beneficiary.remove', { number })}
            </button>
          </div>
        );
      })}
      <div className="beneficiaries__footer">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onChange([...rows, { institutionCode: '', share: '' }])}
        >
          {t('item.beneficiary.add')}
        </button>
        {rows.length > 0 && (
          <p className={addsUp(total) ? 'beneficiaries__total' : 'beneficiaries__total field__warn'} role="status">
            {total === undefined
              ? t('item.beneficiary.totalUnreadable')
              : t('item.beneficiary.total', { total: formatDecimal(total.toFixed(), language) })}
            {total !== undefined && !addsUp(total) && <> {t('item.beneficiary.notHundred')}</>}
          </p>
        )}
      </div>
    </fieldset>
  );
}
