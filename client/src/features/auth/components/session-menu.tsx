import type { User } from '@ikt/shared/auth.schema';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context';
import { useConfirmLeave } from '../../../hooks/use-unsaved-changes';
import { useSignOut } from '../hooks/use-sign-out';

/**
 * Who is signed in, in what role (and for a sector lead, which institution), their own account
 * (password, sessions) and the way out.
 */
export function SessionMenu({ user }: { user: User }) {
  const t = useT();
  const { signOut, isPending, isError } = useSignOut();
  // Unsaved work on the page is asked about first (signing out would drop it).
  const confirmLeave = useConfirmLeave();
  const showInstitution = user.role === 'institution_lead' && user.institutionCode !== null;

  return (
    <div className="session">
      <p className="session__user">
        <span className="visually-hidden">{t('session.signedInAs')} </span>
        <span className="session__name">{user.name}</span>
        <span className="session__role">
          {t(`role.${user.role}`)}
          {showInstitution && (
            <>
              {', '}
              <span className="visually-hidden">{t('session.institution')} </span>
              {user.institutionCode}
            </>
          )}
        </span>
      </p>
      <Link to="/account" className="session__account">
        {t('session.account')}
      </Link>
      <button
        type="button"
        className="session__sign-out"
        aria-disabled={isPending}
        onClick={() => {
          if (isPending) return;
          void confirmLeave().then((leave) => {
            if (leave) signOut();
          });
        }}
      >
        {t('session.signOut')}
      </button>
      {isError && (
        <p className="session__error" role="alert">
          {t('session.signOutFailed')}
        </p>
      )}
    </div>
  );
}
