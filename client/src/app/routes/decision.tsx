import type { User } from '@ikt/shared/auth.schema';
import type { Cycle } from '@ikt/shared/cycle.schema';
import { CYCLE_STATUS_LABELS } from '@ikt/shared/labels';
import { can } from '@ikt/shared/permissions';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, numeric } from '../../components/data-table';
import { Money, MoneyCell } from '../../components/money';
import { QueryView } from '../../components/query-view';
import { CycleStatusBadge } from '../../components/status-badge';
import { useUser } from '../../hooks/use-user';
import { useConsolidation } from '../../features/consolidation/api/get-consolidation';
import { ConsolidationTable } from '../../features/consolidation/components/consolidation-table';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { CycleTransitionDialog } from '../../features/cycles/components/cycle-transition-dialog';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { DownloadButton } from '../../features/exports/components/download-button';
import { useScenarios } from '../../features/scenarios/api/get-scenarios';
import { ScenarioFigureCells } from '../../features/scenarios/components/scenario-figures';
import { ScenarioAdoption } from '../../features/scenarios/components/scenario-adoption';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

/**
 * The council's page: the consolidated budget it decides on, its approval, and the cut scenarios
 * it may adopt first — each with what can be done now, or why not.
 */
export function DecisionRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('decision.title'));
  const user = useUser();
  const { query, cycle, cycles } = useCurrentCycle();

  return (
    <div className="page-wide">
      <h1>{t('decision.title')}</h1>
      <p className="lead">{t('decision.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle &&
          (can(user, { action: 'consolidation.read', cycleStatus: cycle.status }) ? (
            <>
              <div className="filter-bar">
                <CyclePicker cycles={cycles} current={cycle} />
              </div>
              <Approval user={user} cycle={cycle} />
              <Totals cycle={cycle} />
              {can(user, { action: 'scenario.read', cycleStatus: cycle.status }) && (
                <Scenarios user={user} cycle={cycle} />
              )}
            </>
          ) : (
            <p className="notice">{t('decision.notForRole')}</p>
          ))
        }
      </QueryView>
    </div>
  );
}

function Approval({ user, cycle }: { user: User; cycle: Cycle }) {
  const { t, language } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const approves = can(user, { action: 'cycle.transition', from: 'consolidated', to: 'approved' });
  const approved = cycle.status === 'approved' || cycle.status === 'closed';

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('decision.approvalHeading')}
        </h2>
        <CycleStatusBadge status={cycle.status} />
      </div>
      {approved ? (
        <>
          <p className="notice notice--ok">{t('decision.approved')}</p>
          <div className="toolbar">
            <DownloadButton
              url={`/api/cycles/${cycle.id}/open-data.zip`}
              fallbackName={`IKT-budzets-${cycle.year}-atvertie-dati.zip`}
              label={t('consolidation.openData')}
            />
          </div>
        </>
      ) : cycle.status !== 'consolidated' ? (
        <p className="notice">{t('decision.notYet', { status: CYCLE_STATUS_LABELS[cycle.status][language] })}</p>
      ) : approves ? (
        <>
          <p>{t('decision.approveHint')}</p>
          <p>
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              {t('decision.approve')}
            </button>
          </p>
        </>
      ) : (
        <p className="notice">{t('decision.councilApproves')}</p>
      )}
      <CycleTransitionDialog
        move={confirming ? { cycle, to: 'approved' } : null}
        onClose={() => setConfirming(false)}
        wording={{
          title: t('decision.confirmTitle'),
          text: t('decision.confirmText', { cycle: cycle.title }),
          confirm: t('decision.confirmYes'),
        }}
        // The button that opened the dialog is gone: the reader goes on from the section's heading.
        onMoved={() => requestAnimationFrame(() => headingRef.current?.focus())}
      />
    </section>
  );
}

function Totals({ cycle }: { cycle: Cycle }) {
  const { t } = useI18n();
  const headingId = useId();
  const consolidation = useConsolidation({ cycleId: cycle.id, by: 'institution' });
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId}>{t('decision.totalsHeading')}</h2>
        <Link to={`/consolidation?cycle=${cycle.id}`}>{t('decision.openConsolidation')}</Link>
      </div>
      <QueryView query={consolidation} isEmpty={() => false}>
        {(data) => (
          <>
            <dl className="facts">
              {data.fiscalYears.map((year) => (
                <div key={year}>
                  <dt>{t('decision.yearTotal', { year })}</dt>
                  <dd className="num">
                    <Money value={data.total.amounts[String(year)] ?? '0'} />
                  </dd>
                </div>
              ))}
              {data.cut.itemCount > 0 && (
                <div>
                  <dt>{t('consolidation.cut')}</dt>
                  <dd className="num">
                    <Money value={data.cut.amounts[String(data.fiscalYears[0])] ?? '0'} />
                  </dd>
                </div>
              )}
            </dl>
            <ConsolidationTable
              caption={t('decision.totalsCaption', { cycle: cycle.title })}
              consolidation={data}
              renderLabel={(row) => row.label}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}

function Scenarios({ user, cycle }: { user: User; cycle: Cycle }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const scenarios = useScenarios(cycle.id);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__header">
        <h2 id={headingId}>{t('decision.scenariosHeading')}</h2>
        <Link to={`/scenarios?cycle=${cycle.id}`}>{t('decision.openScenarios')}</Link>
      </div>
      <QueryView query={scenarios} isEmpty={() => false}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('decision.noScenarios')}</p>
          ) : (
            <DataTable
              caption={t('scenarios.listCaption', { cycle: cycle.title })}
              className="decision-scenarios"
              head={[
                t('scenarios.name'),
                t('scenarios.methodHeading'),
                numeric(t('scenarios.target')),
                numeric(t('scenarios.achieved')),
                numeric(t('decision.yearAfter')),
                t('scenarios.created'),
                t('decision.scenarioAction'),
              ]}
            >
              <tbody>
                {list.map((scenario) => (
                  <tr key={scenario.id}>
                    <th scope="row">
                      {scenario.name} <span className="muted">({scenario.fiscalYear})</span>
                    </th>
                    <td>{t(`scenarios.method.${scenario.method}`)}</td>
                    <ScenarioFigureCells scenario={scenario} />
                    <MoneyCell value={scenario.yearTotalAfter} />
                    <td>{formatDateTime(scenario.createdAt, language)}</td>
                    <td>
                      <ScenarioAdoption scenario={scenario} user={user} cycleStatus={cycle.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </QueryView>
    </section>
  );
}
