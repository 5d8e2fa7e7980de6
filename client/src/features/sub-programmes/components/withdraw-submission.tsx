import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/form-actions';
import { useI18n } from '../../../i18n/i18n-context';
import { useWithdrawSubProgramme } from '../api/withdraw-sub-programme';

/**
 * A submitted sub-programme goes back to draft at its lead's word, while ITC has not started the
 * review; once it has, the server refuses and the dialog says why.
 */
export function WithdrawSubmission({
  subProgramme,
  onWithdrawn,
}: {
  subProgramme: SubProgramme;
  onWithdrawn?: () => void;
}) {
  const { t } = useI18n();
  const withdraw = useWithdrawSubProgramme();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="submit-panel">
      <div className="submit-panel__bar">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            withdraw.reset();
            setConfirming(true);
          }}
        >
          {t('withdraw.button')}
        </button>
        <span className="submit-panel__status">{t('withdraw.hint')}</span>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('withdraw.confirmTitle')}
        onClose={() => setConfirming(false)}
        error={withdraw.error}
        confirmLabel={t('withdraw.confirm')}
        confirmClassName="button button--warn"
        pending={withdraw.isPending}
        onConfirm={() =>
          withdraw.mutate(subProgramme.id, {
            onSuccess: () => {
              setConfirming(false);
              onWithdrawn?.();
            },
          })
        }
      >
        <p>{t('withdraw.confirmText', { code: subProgramme.code })}</p>
      </ConfirmDialog>
    </div>
  );
}
