import { can } from '@ikt/shared/permissions';
import { Link } from 'react-router';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { useFullCost } from '../../features/full-cost/api/get-full-cost';
import { FullCostView } from '../../features/full-cost/components/full-cost-view';
import { useI18n } from '../../i18n/i18n-context';
import { FullCostPage, type CycleYear } from './full-cost-page';

/** The full cost of ICT per institution: the central sub-programme attributed to those who use it. */
export function FullCostRoute() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <FullCostPage
      title={t('fullCost.title')}
      intro={t('fullCost.intro')}
      actions={({ cycle, fiscalYear }) =>
        can(user, { action: 'allocationBasis.manage' }) && (
          <Link to={`/allocation-basis?cycle=${cycle.id}&year=${fiscalYear}`}>{t('nav.allocationBasis')}</Link>
        )
      }
    >
      {(scope) => <FullCostOfYear {...scope} />}
    </FullCostPage>
  );
}

function FullCostOfYear({ cycle, fiscalYear }: CycleYear) {
  const fullCost = useFullCost(cycle.id, fiscalYear);
  return (
    <QueryView query={fullCost} isEmpty={() => false}>
      {(data) => <FullCostView fullCost={data} />}
    </QueryView>
  );
}
