import type { Session } from '@ikt/shared/auth.schema';
import { DataTable } from '../../../components/data-table';
import { ErrorState } from '../../../components/error-state';
import { MissingValue } from '../../../components/missing-value';
import { QueryView } from '../../../components/query-view';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { useEndSession } from '../api/end-session';
import { useSessions } from '../api/get-sessions';

/** Where the user is signed in: each browser's session, when it began and was last used, and a way to end it. */
export function SessionList() {
  const { t, language } = useI18n();
  const sessions = useSessions();
  const end = useEndSession();
  const ending = end.isPending ? end.variables : undefined;

  const describe = (session: Session) => session.userAgent ?? t('account.sessions.unknownBrowser');

  return (
    <>
      {end.isError && <ErrorState error={end.error} />}
      <QueryView query={sessions}>
        {(list) => (
          <DataTable
            caption={t('account.sessions.caption')}
            head={[
              t('account.sessions.browser'),
              t('account.sessions.ip'),
              t('account.sessions.created'),
              t('account.sessions.lastSeen'),
              t('account.sessions.action'),
            ]}
          >
            <tbody>
              {list.map((session) => (
                <tr key={session.id}>
                  <th scope="row">{describe(session)}</th>
                  <td>{session.ip ?? <MissingValue label={t('common.none')} />}</td>
                  <td>{formatDateTime(session.createdAt, language)}</td>
                  <td>{formatDateTime(session.lastSeenAt, language)}</td>
                  <td>
                    {session.current ? (
                      <strong>{t('account.sessions.current')}</strong>
                    ) : (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-disabled={ending !== undefined}
                        onClick={() => {
                          if (ending === undefined) end.mutate(session.id);
                        }}
                      >
                        {ending === session.id ? t('account.sessions.ending') : t('account.sessions.end')}
                        <span className="visually-hidden">
                          {' '}
                          {t('account.sessions.endWhich', {
                            browser: describe(session),
                            time: formatDateTime(session.lastSeenAt, language),
                          })}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
    </>
  );
}
