import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import type { EditConflict } from '../hooks/use-item-editor';

/**
 * Someone else changed an item while the user was editing it (412). Says so plainly, keeps the
 * user's change, and offers to apply it again to the latest version — or to drop it.
 */
export function ConflictBanner({
  conflict,
  onReapply,
  onDiscard,
}: {
  conflict: EditConflict;
  onReapply: () => Promise<unknown>;
  onDiscard: () => Promise<unknown>;
}) {
  const { t, tOptional } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.focus(), [conflict]);
  const fields = Object.keys(conflict.changes).flatMap((field) =>
    field === 'amounts'
      ? Object.keys(conflict.changes.amounts ?? {}).map((year) => t('history.amountOf', { year }))
      : [tOptional(`item.field.${field}`) ?? field],
  );
  const run = (action: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return (
    <div ref={ref} className="conflict" role="alert" tabIndex={-1}>
      <p className="conflict__title">{t('conflict.title', { title: conflict.title })}</p>
      <p>{t('conflict.text')}</p>
      {fields.length > 0 && <p>{t('conflict.yourChange', { fields: fields.join(', ') })}</p>}
      <div className="form-actions">
        {fields.length > 0 && (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => run(onReapply)}>
            {t('conflict.reapply')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={busy || undefined}
          onClick={() => run(onDiscard)}
        >
          {fields.length > 0 ? t('conflict.discard') : t('conflict.reload')}
        </button>
      </div>
    </div>
  );
}
