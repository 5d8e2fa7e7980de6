import { MoneyCell } from '../../../components/money';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import type { ScenarioSummary } from '../api/get-scenarios';

/** A scenario's target (a percent as asked, else the amount) and what its cuts achieve: a cell each. */
export function ScenarioFigureCells({ scenario }: { scenario: ScenarioSummary }) {
  const { language } = useI18n();
  return (
    <>
      {scenario.target.kind === 'percent' ? (
        <td className="num">{`${formatDecimal(scenario.target.value, language)}\u00a0%`}</td>
      ) : (
        <MoneyCell value={scenario.targetAmount} />
      )}
      <MoneyCell value={scenario.achieved} />
    </>
  );
}
