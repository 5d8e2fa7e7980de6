import type { Cycle } from '@ikt/shared/cycle.schema';
import { CYCLE_STATUS_LABELS } from '@ikt/shared/labels';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/i18n-context';

/** Chooses which cycle a page shows; the choice lives in `?cycle=` so it can be linked. */
export function CyclePicker({ cycles, current }: { cycles: readonly Cycle[]; current: Cycle }) {
  const { t, language } = useI18n();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  if (cycles.length < 2) return null;
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('cycle.choose')}</label>
      <select
        id={id}
        value={current.id}
        onChange={(event) => {
          const next = new URLSearchParams(searchParams);
          next.set('cycle', event.target.value);
          setSearchParams(next, { replace: true });
        }}
      >
        {cycles.map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {cycle.title} ({CYCLE_STATUS_LABELS[cycle.status][language]})
          </option>
        ))}
      </select>
    </div>
  );
}
