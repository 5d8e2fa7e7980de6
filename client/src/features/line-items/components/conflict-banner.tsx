import { useEffect, useRef } from 'react';
import { BusyButton } from '../../../components/form-actions';
import { useBusy } from '../../../hooks/use-busy';
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
  const [busy, run] = useBusy();
  useEffect(() => ref.current?.focus(), [conflict]);
  const fields = Object.keys(conflict.changes).flatMap((field) =>
    field === 'amounts'
      ? Object.keys(conflict.changes.amounts ?? {}).map((year) => t('history.amountOf', { year }))
      : [tOptional(`item.field.${field}`) ?? field],
  );
  return (
    <div ref={ref} className="conflict" role="alert" tabIndex={-1}>
      <p className="conflict__title">{t('conflict.title', { title: conflict.title })}</p>
      <p>{t('conflict.text')}</p>
      {fields.length > 0 && <p>{t('conflict.yourChange', { fields: fields.join(', ') })}</p>}
      <div className="form-actions">
        {fields.length > 0 && (
          <BusyButton busy={busy} onClick={() => run(onReapply)}>
            {t('conflict.reapply')}
          </BusyButton>
        )}
        <BusyButton className="button button--secondary" busy={busy} onClick={() => run(onDiscard)}>
          {fields.length > 0 ? t('conflict.discard') : t('conflict.reload')}
        </BusyButton>
      </div>
    </div>
  );
}
