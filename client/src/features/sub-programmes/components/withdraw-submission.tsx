import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
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
      <Dialog open={confirming} title={t('withdraw.confirmTitle')} onClose={() => setConfirming(false)}>
        <p>{t('withdraw.confirmText', { code: subProgramme.code })}</p>
        {withdraw.isError && <ErrorState error={withdraw.error} />}
        <div className="form-actions">
          <button
            type="button"
            className="button button--warn"
            aria-disabled={withdraw.isPending || undefined}
            onClick={() => {
              if (withdraw.isPending) return;
              withdraw.mutate(subProgramme.id, {
                onSuccess: () => {
                  setConfirming(false);
                  onWithdrawn?.();
                },
              });
            }}
          >
            {withdraw.isPending ? t('common.saving') : t('withdraw.confirm')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
