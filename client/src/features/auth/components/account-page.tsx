import { useId } from 'react';
import { useT } from '../../../i18n/i18n-context';
import { useDocumentTitle } from '../../../i18n/use-document-title';
import { useUser } from '../../../hooks/use-user';
import { ChangePasswordForm } from './change-password-form';
import { SessionList } from './session-list';

/** The signed-in user's own account: a new password, and the sessions they have open. */
export function AccountPage() {
  const t = useT();
  useDocumentTitle(t('account.title'));
  const user = useUser();
  const passwordHeadingId = useId();
  const sessionsHeadingId = useId();
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p className="lead">
        {user.name} ({user.email})
      </p>

      <section aria-labelledby={passwordHeadingId}>
        <h2 id={passwordHeadingId}>{t('account.password.heading')}</h2>
        <p>{t('account.password.intro')}</p>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby={sessionsHeadingId}>
        <h2 id={sessionsHeadingId}>{t('account.sessions.heading')}</h2>
        <p>{t('account.sessions.intro')}</p>
        <SessionList />
      </section>
    </>
  );
}
