import { COST_NATURES, PRIORITIES, REVIEW_STATUSES } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS, REVIEW_STATUS_LABELS } from '@ikt/shared/labels';
import { InlineField } from '../../../components/inline-field';
import { LabelOptions } from '../../../components/options';
import { useI18n } from '../../../i18n/i18n-context';
import type { Language } from '../../../i18n/language';
import { NO_FILTER, isFiltered, type GridFilter } from '../utils/grid-model';

/** Narrows the grid; the totals row then adds up what is shown, and says so. */
export function GridFilterBar({ filter, onChange }: { filter: GridFilter; onChange: (filter: GridFilter) => void }) {
  const { t } = useI18n();
  const bar = { filter, onChange };
  const set = <K extends keyof GridFilter>(key: K, value: GridFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="filter-bar" role="search" aria-label={t('filter.label')}>
      <InlineField label={t('filter.text')}>
        {(id) => (
          <input
            id={id}
            type="search"
            value={filter.text}
            autoComplete="off"
            onChange={(event) => set('text', event.target.value)}
          />
        )}
      </InlineField>
      <CodeFilter field="costNature" codes={COST_NATURES} labels={COST_NATURE_LABELS} {...bar} />
      <CodeFilter field="priority" codes={PRIORITIES} labels={PRIORITY_LABELS} {...bar} />
      <CodeFilter field="reviewStatus" codes={REVIEW_STATUSES} labels={REVIEW_STATUS_LABELS} {...bar} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filter.onlyProblems}
          onChange={(event) => set('onlyProblems', event.target.checked)}
        />{' '}
        {t('filter.onlyProblems')}
      </label>
      {isFiltered(filter) && (
        <button type="button" className="button button--quiet" onClick={() => onChange(NO_FILTER)}>
          {t('filter.clear')}
        </button>
      )}
    </div>
  );
}

type CodeField = 'costNature' | 'priority' | 'reviewStatus';
type CodeOf<K extends CodeField> = Exclude<GridFilter[K], ''>;

interface CodeFilterProps<K extends CodeField> {
  field: K;
  codes: readonly CodeOf<K>[];
  labels: Record<CodeOf<K>, Record<Language, string>>;
  filter: GridFilter;
  onChange: (filter: GridFilter) => void;
}

/** One closed vocabulary to narrow by, "all" (`''`) first; the column's heading names it. */
function CodeFilter<K extends CodeField>({ field, codes, labels, filter, onChange }: CodeFilterProps<K>) {
  const { t } = useI18n();
  return (
    <InlineField label={t(`grid.column.${field}`)}>
      {(id) => (
        <select
          id={id}
          value={filter[field]}
          onChange={(event) => onChange({ ...filter, [field]: event.target.value as GridFilter[K] })}
        >
          <LabelOptions all={t('common.all')} codes={codes} labels={labels} />
        </select>
      )}
    </InlineField>
  );
}
