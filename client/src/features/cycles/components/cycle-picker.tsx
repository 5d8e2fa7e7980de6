import type { Cycle } from '@ikt/shared/cycle.schema';
import { CYCLE_STATUS_LABELS } from '@ikt/shared/labels';
import { SearchParamSelect } from '../../../components/inline-field';
import { useI18n } from '../../../i18n/i18n-context';

/** Chooses which cycle a page shows; the choice lives in `?cycle=` so it can be linked. */
export function CyclePicker({ cycles, current }: { cycles: readonly Cycle[]; current: Cycle }) {
  const { t, language } = useI18n();
  if (cycles.length < 2) return null;
  return (
    <SearchParamSelect label={t('cycle.choose')} param="cycle" value={current.id}>
      {cycles.map((cycle) => (
        <option key={cycle.id} value={cycle.id}>
          {cycle.title} ({CYCLE_STATUS_LABELS[cycle.status][language]})
        </option>
      ))}
    </SearchParamSelect>
  );
}
