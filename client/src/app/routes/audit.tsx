import { can } from '@ikt/shared/permissions';
import { useUser } from '../../hooks/use-user';
import { AuditLog } from '../../features/audit/components/audit-log';
import { useT } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

/** The audit trail (ITC finance and administrators; the server answers everyone else 403). */
export function AuditRoute() {
  const t = useT();
  const user = useUser();
  useDocumentTitle(t('audit.title'));
  return (
    <div className="page-wide">
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      {can(user, { action: 'audit.read' }) ? <AuditLog /> : <p className="notice">{t('audit.forbidden')}</p>}
    </div>
  );
}
