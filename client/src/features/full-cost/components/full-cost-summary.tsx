import type { Cycle } from '@ikt/shared/cycle.schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { ChangePercent } from '../../../components/change-percent';
import { Money } from '../../../components/money';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { useFullCost } from '../api/get-full-cost';
import { billPath } from '../utils/bill-link';
import { Facts, MoneyOrNone } from './figures';

/**
 * A lead's own full cost of ICT in the cycle's first fiscal year, against last year, with the way
 * to its bill of IT (the server answers a lead its own institution's row only).
 */
export function FullCostSummary({ cycle }: { cycle: Cycle }) {
  const { t } = useI18n();
  const headingId = useId();
  const year = cycle.fiscalYears[0];
  const query = useFullCost(cycle.id, year);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.fullCostHeading', { year: year ?? '' })}</h2>
      <QueryView query={query} isEmpty={(data) => data.institutions.length === 0}>
        {(data) =>
          data.institutions.map((row) => (
            <div key={row.institutionCode}>
              <Facts
                facts={[
                  [
                    t('fullCost.full'),
                    <strong key="full">
                      <Money value={row.full} />
                    </strong>,
                  ],
                  [t('fullCost.previousYear'), <MoneyOrNone key="previous" value={row.previousYearFull} />],
                  [
                    t('fullCost.change'),
                    <span key="change">
                      <MoneyOrNone value={row.change} /> (<ChangePercent percent={row.changePercent} />)
                    </span>,
                  ],
                ]}
              />
              <p>
                <Link to={billPath(row.institutionCode, data.cycleId, data.fiscalYear)}>{t('home.openBill')}</Link>
              </p>
            </div>
          ))
        }
      </QueryView>
    </section>
  );
}
