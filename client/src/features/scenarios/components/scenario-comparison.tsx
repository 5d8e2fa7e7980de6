import type { CycleStatus } from '@ikt/shared/domain';
import { PRIORITY_LABELS } from '@ikt/shared/labels';
import type { ScenarioComparison } from '@ikt/shared/scenario.schema';
import { parseMoney, toMoneyString } from '@ikt/shared/money';
import { useId, useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { ConfirmDialog } from '../../../components/form-actions';
import { Money, MoneyCell } from '../../../components/money';
import { formatDateTime, formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { useAdoptScenario } from '../api/adopt-scenario';
import type { ScenarioSummary } from '../api/get-scenarios';

type Side = 'left' | 'right';

/** Both methods side by side: what each achieves, whom it hits, and what each cut would stop. */
export function ScenarioComparisonView({
  comparison,
  canAdopt,
  cycleStatus,
}: {
  comparison: ScenarioComparison;
  canAdopt: boolean;
  cycleStatus: CycleStatus;
}) {
  const { t, language } = useI18n();
  const sides: Side[] = ['left', 'right'];
  const methodName = (scenario: ScenarioSummary) => t(`scenarios.method.${scenario.method}`);
  const target = (scenario: ScenarioSummary) =>
    scenario.target.kind === 'percent' ? `${formatDecimal(scenario.target.value, language)}\u00a0%` : undefined;
  const adoptable = canAdopt && (cycleStatus === 'review' || cycleStatus === 'consolidated');
  const impactsHeadingId = useId();

  return (
    <>
      <DataTable caption={t('scenarios.summaryCaption', { year: comparison.fiscalYear })} className="scenario-summary">
        <thead>
          <tr>
            <td />
            {sides.map((side) => (
              <th key={side} scope="col">
                {methodName(comparison[side])}
                <span className="muted"> — {comparison[side].name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('scenarios.target')}</th>
            {sides.map((side) => (
              <td key={side} className="num">
                <Money value={comparison[side].targetAmount} />
                {target(comparison[side]) && <span className="muted"> ({target(comparison[side])})</span>}
              </td>
            ))}
          </tr>
          <MoneyRow label={t('scenarios.achieved')} values={sides.map((side) => comparison[side].achieved)} />
          <MoneyRow label={t('scenarios.overshoot')} values={sides.map((side) => comparison[side].overshoot)} />
          <MoneyRow
            label={t('scenarios.before', { year: comparison.fiscalYear })}
            values={sides.map((side) => comparison[side].yearTotalBefore)}
          />
          <MoneyRow
            label={t('scenarios.after', { year: comparison.fiscalYear })}
            values={sides.map((side) => comparison[side].yearTotalAfter)}
          />
          <tr>
            <th scope="row">{t('scenarios.itemsHit')}</th>
            {sides.map((side) => (
              <td key={side} className="num">
                {comparison.institutions.reduce(
                  (count, institution) =>
                    count + (side === 'left' ? institution.leftItems.length : institution.rightItems.length),
                  0,
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('scenarios.state')}</th>
            {sides.map((side) => (
              <td key={side}>
                {comparison[side].adoptedAt ? (
                  <span className="badge badge--ok">
                    {t('scenarios.adoptedAt', { when: formatDateTime(comparison[side].adoptedAt, language) })}
                  </span>
                ) : comparison[side].stale ? (
                  <span className="badge badge--warn">{t('scenarios.stale')}</span>
                ) : (
                  <span className="badge badge--info">{t('scenarios.current')}</span>
                )}
                {adoptable && !comparison[side].adoptedAt && !comparison[side].stale && (
                  <AdoptButton scenario={comparison[side]} />
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </DataTable>
      {canAdopt && !adoptable && <p className="hint">{t('scenarios.adoptWhen')}</p>}

      <DataTable caption={t('scenarios.institutionsCaption')} className="scenario-institutions">
        <thead>
          <tr>
            <th scope="col">{t('subProgramme.institution')}</th>
            <th scope="col" className="num">
              {t('scenarios.beforeShort')}
            </th>
            {sides.map((side) => (
              <th key={side} scope="col" className="num">
                {t('scenarios.afterBy', { method: methodName(comparison[side]) })}
              </th>
            ))}
            {sides.map((side) => (
              <th key={`${side}-cut`} scope="col" className="num">
                {t('scenarios.cutBy', { method: methodName(comparison[side]) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.institutions.map((institution) => (
            <tr key={institution.institutionCode}>
              <th scope="row" className="code">
                {institution.institutionCode}
              </th>
              <MoneyCell value={institution.before} />
              <MoneyCell value={institution.leftAfter} />
              <MoneyCell value={institution.rightAfter} />
              <MoneyCell value={toMoneyString(parseMoney(institution.before).minus(institution.leftAfter))} />
              <MoneyCell value={toMoneyString(parseMoney(institution.before).minus(institution.rightAfter))} />
            </tr>
          ))}
        </tbody>
      </DataTable>

      <section aria-labelledby={impactsHeadingId}>
        <h2 id={impactsHeadingId}>{t('scenarios.impactsHeading')}</h2>
        <div className="side-by-side">
          {sides.map((side) => {
            const hit = comparison.institutions.filter(
              (institution) => (side === 'left' ? institution.leftItems : institution.rightItems).length > 0,
            );
            return (
              <section key={side} className="panel side-by-side__column" aria-label={methodName(comparison[side])}>
                <h3>{methodName(comparison[side])}</h3>
                {hit.length === 0 && <p>{t('scenarios.noItemsHit')}</p>}
                {hit.map((institution) => (
                  <div key={institution.institutionCode}>
                    <h4 className="code">{institution.institutionCode}</h4>
                    <ImpactList items={side === 'left' ? institution.leftItems : institution.rightItems} />
                  </div>
                ))}
              </section>
            );
          })}
        </div>
      </section>
    </>
  );
}

/** Adopting, after the council member confirms it: the cuts are applied to the items (audited). */
export function AdoptButton({ scenario }: { scenario: ScenarioSummary }) {
  const { t } = useI18n();
  const adopt = useAdoptScenario();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="button button--secondary adopt-button" onClick={() => setConfirming(true)}>
        {t('scenarios.adopt')}
        <span className="visually-hidden"> {scenario.name}</span>
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('scenarios.adoptTitle')}
        onClose={() => setConfirming(false)}
        error={adopt.error}
        confirmLabel={t('scenarios.adoptYes')}
        confirmClassName="button button--warn"
        pending={adopt.isPending}
        onConfirm={() => adopt.mutate(scenario.id, { onSuccess: () => setConfirming(false) })}
      >
        <p>{t('scenarios.adoptConfirm', { name: scenario.name })}</p>
      </ConfirmDialog>
    </>
  );
}

/** A row of the summary: what it is, and each side's amount. */
function MoneyRow({ label, values }: { label: string; values: readonly string[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {values.map((value, index) => (
        <MoneyCell key={index} value={value} />
      ))}
    </tr>
  );
}

type ComparedItem = ScenarioComparison['institutions'][number]['leftItems'][number];

/** How many items of an institution are listed before the rest is folded away (a uniform cut hits them all). */
const SHOWN_ITEMS = 10;

function ImpactList({ items }: { items: readonly ComparedItem[] }) {
  const { tn } = useI18n();
  const [first, rest] = [items.slice(0, SHOWN_ITEMS), items.slice(SHOWN_ITEMS)];
  return (
    <>
      <ul className="impact-list">
        {first.map((item) => (
          <ImpactEntry key={item.lineItemId} item={item} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details className="impact-more">
          <summary>{tn('scenarios.moreItems', rest.length)}</summary>
          <ul className="impact-list">
            {rest.map((item) => (
              <ImpactEntry key={item.lineItemId} item={item} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function ImpactEntry({ item }: { item: ComparedItem }) {
  const { t, language } = useI18n();
  return (
    <li>
      <p className="impact-list__head">
        <strong>{item.title}</strong> <span className="muted">({PRIORITY_LABELS[item.priority][language]})</span>{' '}
        <span className="num">
          −<Money value={item.cut} />
        </span>
      </p>
      <p className="impact-list__impact">
        <span className="visually-hidden">{t('item.field.impactIfCut')}: </span>
        {item.impactIfCut || t('item.notGiven')}
      </p>
    </li>
  );
}
