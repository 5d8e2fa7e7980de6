import type { LineItem } from '@ikt/shared/line-item.schema';
import { useState } from 'react';
import { isStaleVersion } from '../../../api/client';
import { ConfirmDialog } from '../../../components/form-actions';
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
      <ConfirmDialog
        open={confirming}
        title={t('item.deleteTitle')}
        onClose={() => setConfirming(false)}
        error={!isStaleVersion(remove.error) && remove.error}
        confirmLabel={t('item.deleteYes')}
        confirmClassName="button button--danger"
        pending={remove.isPending}
        onConfirm={() =>
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
          })
        }
      >
        <p>{t('item.deleteConfirm', { title: item.title })}</p>
      </ConfirmDialog>
    </div>
  );
}
