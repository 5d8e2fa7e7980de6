import { CYCLE_STATUSES } from '@ikt/shared/domain';
import { can } from '@ikt/shared/permissions';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataTable, numeric } from '../../components/data-table';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { useScenarioComparison } from '../../features/scenarios/api/compare-scenarios';
import { useScenarios } from '../../features/scenarios/api/get-scenarios';
import { ScenarioFigureCells } from '../../features/scenarios/components/scenario-figures';
import { ScenarioComparisonView } from '../../features/scenarios/components/scenario-comparison';
import { ScenarioForm } from '../../features/scenarios/components/scenario-form';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

const idParam = (value: string | null) => (value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined);

/**
 * Cut scenarios: a target, both methods side by side with their impacts, and adoption by the
 * council. They name every institution's items: a role that may see them in no cycle (a lead) is
 * told so, with the way to its own figures, rather than met by the server's "not found".
 */
export function ScenariosRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('scenarios.title'));
  const user = useUser();
  const readsAny = CYCLE_STATUSES.some((cycleStatus) => can(user, { action: 'scenario.read', cycleStatus }));
  return (
    <>
      <h1>{t('scenarios.title')}</h1>
      <p className="lead">{t('scenarios.intro')}</p>
      {readsAny ? (
        <Scenarios />
      ) : (
        <p className="notice">
          {t('scenarios.notForRole')} {t('scenarios.ownBudget')}{' '}
          <Link to="/consolidation">{t('nav.consolidation')}</Link>.
        </p>
      )}
    </>
  );
}

function Scenarios() {
  const { t, language } = useI18n();
  const user = useUser();
  const { query, cycle, cycles } = useCurrentCycle();
  const [searchParams, setSearchParams] = useSearchParams();
  const readable = cycle !== undefined && can(user, { action: 'scenario.read', cycleStatus: cycle.status });
  const scenarios = useScenarios(readable ? cycle.id : undefined);
  const left = idParam(searchParams.get('left'));
  const right = idParam(searchParams.get('right'));
  const comparison = useScenarioComparison(left && right ? [left, right] : undefined);
  const formHeadingId = useId();
  const listHeadingId = useId();
  const comparisonHeadingId = useId();
  // Set by a compare (a scenario just computed, or picked from the list): once the comparison is on
  // the page, it is brought to the top of the screen with the focus on its heading.
  const [revealComparison, setRevealComparison] = useState(false);

  useEffect(() => {
    if (!revealComparison || !left || !right) return;
    const heading = document.getElementById(comparisonHeadingId);
    if (!heading) return;
    setRevealComparison(false);
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [revealComparison, left, right, comparisonHeadingId]);

  const compare = (leftId: number, rightId: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('left', String(leftId));
    next.set('right', String(rightId));
    // The page stays where it is (no scroll to the top as for a new page): the effect above scrolls.
    setSearchParams(next, { replace: true, preventScrollReset: true });
    setRevealComparison(true);
  };

  return (
    <QueryView query={query}>
      {() =>
        cycle && (
          <>
            <div className="filter-bar">
              <CyclePicker cycles={cycles} current={cycle} />
            </div>
            {!readable ? (
              <p className="notice">{t('scenarios.notForCycle')}</p>
            ) : (
              <>
                {can(user, { action: 'scenario.create' }) && (
                  <section className="panel" aria-labelledby={formHeadingId}>
                    <h2 id={formHeadingId}>{t('scenarios.newHeading')}</h2>
                    <ScenarioForm cycle={cycle} onCreated={([a, b]) => compare(a.id, b.id)} />
                  </section>
                )}
                {left && right && (
                  <section className="panel" aria-labelledby={comparisonHeadingId}>
                    <h2 id={comparisonHeadingId} tabIndex={-1}>
                      {t('scenarios.comparisonHeading')}
                    </h2>
                    <QueryView query={comparison} isEmpty={() => false}>
                      {(data) => (
                        <ScenarioComparisonView
                          comparison={data}
                          canAdopt={can(user, { action: 'scenario.adopt' })}
                          cycleStatus={cycle.status}
                        />
                      )}
                    </QueryView>
                  </section>
                )}
                <section className="panel" aria-labelledby={listHeadingId}>
                  <h2 id={listHeadingId}>{t('scenarios.listHeading')}</h2>
                  <QueryView query={scenarios}>
                    {(list) => (
                      <DataTable
                        caption={t('scenarios.listCaption', { cycle: cycle.title })}
                        head={[
                          t('scenarios.name'),
                          t('scenarios.fiscalYear'),
                          t('scenarios.methodHeading'),
                          numeric(t('scenarios.target')),
                          numeric(t('scenarios.achieved')),
                          t('scenarios.created'),
                          t('scenarios.state'),
                          t('scenarios.compareWith'),
                        ]}
                      >
                        <tbody>
                          {list.map((scenario) => {
                            // Its counterpart: the other method for the same year and target.
                            const partner = list.find(
                              (other) =>
                                other.id !== scenario.id &&
                                other.method !== scenario.method &&
                                other.fiscalYear === scenario.fiscalYear &&
                                other.target.kind === scenario.target.kind &&
                                other.target.value === scenario.target.value,
                            );
                            return (
                              <tr key={scenario.id}>
                                <th scope="row">{scenario.name}</th>
                                <td className="num">{scenario.fiscalYear}</td>
                                <td>{t(`scenarios.method.${scenario.method}`)}</td>
                                <ScenarioFigureCells scenario={scenario} />
                                <td>{formatDateTime(scenario.createdAt, language)}</td>
                                <td>
                                  {scenario.adoptedAt ? (
                                    <span className="badge badge--ok">{t('scenarios.adopted')}</span>
                                  ) : scenario.stale ? (
                                    <span className="badge badge--warn">{t('scenarios.stale')}</span>
                                  ) : (
                                    <span className="badge badge--info">{t('scenarios.current')}</span>
                                  )}
                                </td>
                                <td>
                                  {partner && (
                                    <button
                                      type="button"
                                      className="button button--quiet"
                                      onClick={() =>
                                        scenario.method === 'priority'
                                          ? compare(scenario.id, partner.id)
                                          : compare(partner.id, scenario.id)
                                      }
                                    >
                                      {t('scenarios.compareButton')}
                                      <span className="visually-hidden"> {scenario.name}</span>
                                    </button>
                                  )}
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </DataTable>
                    )}
                  </QueryView>
                </section>
              </>
            )}
          </>
        )
      }
    </QueryView>
  );
}
