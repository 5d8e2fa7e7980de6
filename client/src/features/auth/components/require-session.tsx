import { useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { useT } from '../../../i18n/i18n-context';
import { useMe } from '../../../api/auth/get-me';
import { loginPath, type LoginPageState } from '../../../utils/login-redirect';

/**
 * Lets its routes render only for a signed-in user. Without a session (never signed in, signed
 * out, or expired — any 401 sets the session to null) it sends the user to the sign-in page,
 * which brings them back to this very address afterwards.
 */
export function RequireSession() {
  const t = useT();
  const me = useMe();
  const location = useLocation();
  // Whether this screen has had a user: then a missing one means the session ran out.
  const hadUser = useRef(false);
  useEffect(() => {
    if (me.data) hadUser.current = true;
  }, [me.data]);

  if (me.data) return <Outlet />;
  if (me.data === null) {
    const state: LoginPageState | undefined = hadUser.current ? { sessionEnded: true } : undefined;
    return <Navigate to={loginPath(location)} replace state={state} />;
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <p className="state" role="status">
      {t('session.checking')}
    </p>
  );
}
