import { useSearchParams } from 'react-router';
import { Tabs } from '../../components/tabs';
import { useUser } from '../../hooks/use-user';
import {
  EkkAdmin,
  IctServicesAdmin,
  InformationSystemsAdmin,
  InstitutionsAdmin,
  TbmAdmin,
} from '../../features/reference/components/catalogue-admin';
import { CyclesAdmin } from '../../features/cycles/components/cycles-admin';
import { UsersAdmin } from '../../features/admin/components/users-admin';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages/lv';
import { useDocumentTitle } from '../../i18n/use-document-title';

type AdminTab = 'cycles' | 'users' | 'institutions' | 'ekk' | 'services' | 'systems' | 'tbmCostPools' | 'tbmTowers';

const TAB_LABELS: Record<AdminTab, MessageKey> = {
  cycles: 'admin.tab.cycles',
  users: 'admin.tab.users',
  institutions: 'tab.institutions',
  ekk: 'tab.ekkCodes',
  services: 'tab.ictServices',
  systems: 'tab.informationSystems',
  tbmCostPools: 'admin.tab.tbmCostPools',
  tbmTowers: 'admin.tab.tbmTowers',
};

/** Cycles and their transitions (ITC and administrators); users and reference data (administrators). */
export function AdminRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.title'));
  const user = useUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs: AdminTab[] =
    user.role === 'admin'
      ? ['cycles', 'users', 'institutions', 'ekk', 'services', 'systems', 'tbmCostPools', 'tbmTowers']
      : ['cycles'];
  const requested = searchParams.get('tab');
  const selected = tabs.find((tab) => tab === requested) ?? 'cycles';
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{user.role === 'admin' ? t('admin.introAdmin') : t('admin.introItc')}</p>
      <Tabs
        label={t('admin.tabsLabel')}
        idPrefix="admin"
        items={tabs.map((tab) => ({ id: tab, label: t(TAB_LABELS[tab]) }))}
        selected={selected}
        onSelect={(tab) => setSearchParams({ tab }, { replace: true, preventScrollReset: true })}
        renderPanel={(tab) => {
          switch (tab) {
            case 'cycles':
              return <CyclesAdmin user={user} />;
            case 'users':
              return <UsersAdmin />;
            case 'institutions':
              return <InstitutionsAdmin />;
            case 'ekk':
              return <EkkAdmin />;
            case 'services':
              return <IctServicesAdmin />;
            case 'systems':
              return <InformationSystemsAdmin />;
            case 'tbmCostPools':
              return <TbmAdmin list="costPools" />;
            case 'tbmTowers':
              return <TbmAdmin list="towers" />;
          }
        }}
      />
    </>
  );
}
