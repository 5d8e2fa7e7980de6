import { useT } from '../i18n/i18n-context';

export function ActiveStatus({ active }: { active: boolean }) {
  const t = useT();
  return active ? <>{t('common.active')}</> : <span className="badge badge--danger">{t('common.inactive')}</span>;
}
