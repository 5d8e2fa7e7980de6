import { can } from '@ikt/shared/permissions';
import type { Cycle } from '@ikt/shared/cycle.schema';
import type { User } from '@ikt/shared/auth.schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { CycleSummary } from '../../features/cycles/components/cycle-summary';
import { CycleTransitions } from '../../features/cycles/components/cycle-transitions';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { useConsolidation } from '../../features/consolidation/api/get-consolidation';
import { useSubProgrammes } from '../../api/sub-programmes/get-sub-programmes';
import { FullCostSummary } from '../../features/full-cost/components/full-cost-summary';
import { CreateSubProgrammeButton } from '../../features/sub-programmes/components/create-sub-programme-dialog';
import { InstitutionProgressTable } from '../../features/sub-programmes/components/institution-progress-table';
import { SubProgrammeTable } from '../../features/sub-programmes/components/sub-programme-table';
import { useT } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

export function HomeRoute() {
  const t = useT();
  const user = useUser();
  const { query, cycle, cycles } = useCurrentCycle();
  const cycleHeadingId = useId();
  useDocumentTitle(undefined);

  return (
    <>
      <h1>{t('app.name')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <QueryView query={query} isEmpty={(list) => list.length === 0}>
        {() =>
          cycle ? (
            <>
              <section className="panel" aria-labelledby={cycleHeadingId}>
                <div className="panel__header">
                  <h2 id={cycleHeadingId}>{cycle.title}</h2>
                  <CyclePicker cycles={cycles} current={cycle} />
                </div>
                <CycleSummary cycle={cycle} />
                <CycleTransitions user={user} cycle={cycle} />
              </section>
              <MySubProgrammes user={user} cycle={cycle} />
              {user.role === 'institution_lead' &&
                can(user, {
                  action: 'fullCost.read',
                  cycleStatus: cycle.status,
                  institutionId: user.institutionId ?? undefined,
                }) && <FullCostSummary cycle={cycle} />}
              {(user.role === 'itc_finance' || user.role === 'council') && <Progress cycle={cycle} />}
              <RoleLinks user={user} cycle={cycle} />
            </>
          ) : null
        }
      </QueryView>
      {query.data?.length === 0 && <p className="notice">{t('home.noCycles')}</p>}
    </>
  );
}

/** A sector lead's own sub-programmes; for ITC, the central one it owns. */
function MySubProgrammes({ user, cycle }: { user: User; cycle: Cycle }) {
  const t = useT();
  const headingId = useId();
  const query = useSubProgrammes(cycle.id);
  if (user.role !== 'institution_lead' && user.role !== 'itc_finance') return null;
  const mine = (query.data ?? []).filter((subProgramme) =>
    can(user, {
      action: 'subProgramme.edit',
      scope: { institutionId: subProgramme.institutionId, kind: subProgramme.kind, cycleStatus: cycle.status },
    }),
  );
  const mayCreate =
    (cycle.status === 'draft' || cycle.status === 'open') &&
    (user.role === 'itc_finance' || user.institutionId !== null);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId}>{t('home.mySubProgrammes')}</h2>
        {mayCreate && <CreateSubProgrammeButton user={user} cycle={cycle} />}
      </div>
      <QueryView query={query} isEmpty={() => mine.length === 0}>
        {() => (
          <SubProgrammeTable
            caption={<span className="visually-hidden">{t('home.mySubProgrammes')}</span>}
            subProgrammes={mine}
            fiscalYears={cycle.fiscalYears}
          />
        )}
      </QueryView>
    </section>
  );
}

/** Every institution's progress and total against last year (ITC and the council). */
function Progress({ cycle }: { cycle: Cycle }) {
  const t = useT();
  const headingId = useId();
  const subProgrammes = useSubProgrammes(cycle.id);
  const consolidation = useConsolidation({ cycleId: cycle.id, by: 'institution' });
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.progressHeading')}</h2>
      <QueryView query={subProgrammes}>
        {(list) => <InstitutionProgressTable subProgrammes={list} consolidation={consolidation.data} />}
      </QueryView>
    </section>
  );
}

function RoleLinks({ user, cycle }: { user: User; cycle: Cycle }) {
  const t = useT();
  const headingId = useId();
  const links: { to: string; label: string }[] = [];
  if (
    can(user, {
      action: 'subProgramme.review',
      scope: { institutionId: 0, kind: 'institution', cycleStatus: cycle.status },
    })
  ) {
    links.push({ to: `/review?cycle=${cycle.id}`, label: t('nav.review') });
  }
  if (user.role === 'council') links.push({ to: `/decision?cycle=${cycle.id}`, label: t('nav.decision') });
  // A lead's consolidation is its own institution's.
  if (
    can(user, {
      action: 'consolidation.read',
      cycleStatus: cycle.status,
      institutionId: user.institutionId ?? undefined,
    })
  ) {
    links.push({ to: `/consolidation?cycle=${cycle.id}`, label: t('nav.consolidation') });
  }
  if (can(user, { action: 'scenario.read', cycleStatus: cycle.status })) {
    links.push({ to: `/scenarios?cycle=${cycle.id}`, label: t('nav.scenarios') });
  }
  if (user.role !== 'institution_lead') links.push({ to: `/indicators?cycle=${cycle.id}`, label: t('nav.indicators') });
  if (can(user, { action: 'allocationBasis.manage' })) {
    links.push({ to: `/allocation-basis?cycle=${cycle.id}`, label: t('nav.allocationBasis') });
  }
  if (can(user, { action: 'audit.read' })) links.push({ to: '/audit', label: t('nav.audit') });
  if (user.role === 'admin' || user.role === 'itc_finance') links.push({ to: '/admin', label: t('nav.admin') });
  links.push({ to: '/reference', label: t('nav.reference') });
  return (
    <nav className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.linksHeading')}</h2>
      <ul className="link-list">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
