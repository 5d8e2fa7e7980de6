import { COST_NATURES, PRIORITIES, REVIEW_STATUSES } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS, REVIEW_STATUS_LABELS } from '@ikt/shared/labels';
import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { NO_FILTER, isFiltered, type GridFilter } from '../utils/grid-model';

/** Narrows the grid; the totals row then adds up what is shown, and says so. */
export function GridFilterBar({ filter, onChange }: { filter: GridFilter; onChange: (filter: GridFilter) => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const set = <K extends keyof GridFilter>(key: K, value: GridFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="filter-bar" role="search" aria-label={t('filter.label')}>
      <div className="inline-field">
        <label htmlFor={`${id}-text`}>{t('filter.text')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          autoComplete="off"
          onChange={(event) => set('text', event.target.value)}
        />
      </div>
      <div className="inline-field">
        <label htmlFor={`${id}-nature`}>{t('grid.column.costNature')}</label>
        <select
          id={`${id}-nature`}
          value={filter.costNature}
          onChange={(event) => set('costNature', event.target.value as GridFilter['costNature'])}
        >
          <option value="">{t('common.all')}</option>
          {COST_NATURES.map((code) => (
            <option key={code} value={code}>
              {COST_NATURE_LABELS[code][language]}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={`${id}-priority`}>{t('grid.column.priority')}</label>
        <select
          id={`${id}-priority`}
          value={filter.priority}
          onChange={(event) => set('priority', event.target.value as GridFilter['priority'])}
        >
          <option value="">{t('common.all')}</option>
          {PRIORITIES.map((code) => (
            <option key={code} value={code}>
              {PRIORITY_LABELS[code][language]}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={`${id}-status`}>{t('grid.column.reviewStatus')}</label>
        <select
          id={`${id}-status`}
          value={filter.reviewStatus}
          onChange={(event) => set('reviewStatus', event.target.value as GridFilter['reviewStatus'])}
        >
          <option value="">{t('common.all')}</option>
          {REVIEW_STATUSES.map((code) => (
            <option key={code} value={code}>
              {REVIEW_STATUS_LABELS[code][language]}
            </option>
          ))}
        </select>
      </div>
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
