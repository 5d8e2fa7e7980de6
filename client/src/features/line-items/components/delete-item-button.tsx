import type { LineItem } from '@ikt/shared/line-item.schema';
import { useState } from 'react';
import { isStaleVersion } from '../../../api/client';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { useI18n } from '../../../i18n/i18n-context';
import { useDeleteLineItem } from '../api/delete-line-item';

/** Deleting asks first, and is refused (412) if someone changed the item since it was shown. */
export function DeleteItemButton({
  item,
  onDeleted,
  onStale,
}: {
  item: LineItem;
  onDeleted: () => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteLineItem();
  return (
    <div className="item-panel__danger">
      <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
        {t('item.delete')}
      </button>
      <Dialog open={confirming} title={t('item.deleteTitle')} onClose={() => setConfirming(false)}>
        <p>{t('item.deleteConfirm', { title: item.title })}</p>
        {remove.isError && !isStaleVersion(remove.error) && <ErrorState error={remove.error} />}
        <div className="form-actions">
          <button
            type="button"
            className="button button--danger"
            aria-disabled={remove.isPending || undefined}
            onClick={() => {
              if (remove.isPending) return;
              remove.mutate(item, {
                onSuccess: () => {
                  setConfirming(false);
                  onDeleted();
                },
                onError: (error) => {
                  if (isStaleVersion(error)) {
                    setConfirming(false);
                    onStale();
                  }
                },
              });
            }}
          >
            {remove.isPending ? t('common.saving') : t('item.deleteYes')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
