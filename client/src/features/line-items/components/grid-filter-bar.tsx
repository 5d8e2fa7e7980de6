import { COST_NATURES, PRIORITIES, REVIEW_STATUSES } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS, REVIEW_STATUS_LABELS } from '@ikt/shared/labels';
import { InlineField } from '../../../components/inline-field';
import { LabelOptions } from '../../../components/options';
import { useI18n } from '../../../i18n/i18n-context';
import { NO_FILTER, isFiltered, type GridFilter } from '../utils/grid-model';

/** Narrows the grid; the totals row then adds up what is shown, and says so. */
export function GridFilterBar({ filter, onChange }: { filter: GridFilter; onChange: (filter: GridFilter) => void }) {
  const { t } = useI18n();
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
      <InlineField label={t('grid.column.costNature')}>
        {(id) => (
          <select
            id={id}
            value={filter.costNature}
            onChange={(event) => set('costNature', event.target.value as GridFilter['costNature'])}
          >
            <option value="">{t('common.all')}</option>
            <LabelOptions codes={COST_NATURES} labels={COST_NATURE_LABELS} />
          </select>
        )}
      </InlineField>
      <InlineField label={t('grid.column.priority')}>
        {(id) => (
          <select
            id={id}
            value={filter.priority}
            onChange={(event) => set('priority', event.target.value as GridFilter['priority'])}
          >
            <option value="">{t('common.all')}</option>
            <LabelOptions codes={PRIORITIES} labels={PRIORITY_LABELS} />
          </select>
        )}
      </InlineField>
      <InlineField label={t('grid.column.reviewStatus')}>
        {(id) => (
          <select
            id={id}
            value={filter.reviewStatus}
            onChange={(event) => set('reviewStatus', event.target.value as GridFilter['reviewStatus'])}
          >
            <option value="">{t('common.all')}</option>
            <LabelOptions codes={REVIEW_STATUSES} labels={REVIEW_STATUS_LABELS} />
          </select>
        )}
      </InlineField>
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
