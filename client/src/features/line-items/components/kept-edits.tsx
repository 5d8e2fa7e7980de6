import { useId } from 'react';
import { BusyButton } from '../../../components/form-actions';
import { useBusy } from '../../../hooks/use-busy';
import { useI18n } from '../../../i18n/i18n-context';
import { useFieldText } from '../../../hooks/use-field-text';
import type { KeptEdit } from '../hooks/use-item-editor';

/** The value a kept edit sets its field to (`amounts.2027` is one year of `amounts`). */
function valueOf(edit: KeptEdit): unknown {
  const year = /^amounts\.(\d{4})$/.exec(edit.field)?.[1];
  if (year) return edit.changes.amounts?.[year];
  return (edit.changes as Record<string, unknown>)[edit.field];
}

/**
 * Grid edits the server never took because the session had ended: after signing in again they
 * are offered back — saved now (a change made meanwhile by someone else becomes the usual
 * conflict to decide) or dropped.
 */
export function KeptEdits({
  edits,
  onSave,
  onDrop,
}: {
  edits: readonly KeptEdit[];
  onSave: () => Promise<unknown>;
  onDrop: () => void;
}) {
  const { t } = useI18n();
  const { fieldName, valueText } = useFieldText();
  const headingId = useId();
  const [busy, run] = useBusy();
  if (edits.length === 0) return null;
  return (
    <section className="notice kept-edits" aria-labelledby={headingId}>
      <h2 id={headingId} className="kept-edits__title">
        {t('kept.title')}
      </h2>
      <p>{t('kept.text')}</p>
      <ul>
        {edits.map((edit) => (
          <li key={`${edit.itemId}:${edit.field}`}>
            {edit.title}: {fieldName(edit.field)} — {valueText(edit.field, valueOf(edit))}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <BusyButton busy={busy} onClick={() => run(onSave)}>
          {t('kept.save')}
        </BusyButton>
        <button type="button" className="button button--secondary" onClick={onDrop}>
          {t('kept.drop')}
        </button>
      </div>
    </section>
  );
}
