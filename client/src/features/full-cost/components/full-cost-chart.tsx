import type { FullCostInstitution } from '@ikt/shared/full-cost.schema';
import { Decimal } from '@ikt/shared/money';
import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { barLengths } from '../../../utils/bar-scale';
import { formatMoney } from '../../../utils/money-input';

const WIDTH = 900;
const LABEL = 260;
const AMOUNT = 130;
const BAR_AREA = WIDTH - LABEL - AMOUNT - 20;
const ROW = 30;

/**
 * Each institution's full cost as one bar: its own items, then what it is allocated of the
 * central services, largest first. The two parts differ in fill and outline, not only colour;
 * the chart is an image whose description (and the table beside it) holds the same figures.
 */
export function FullCostChart({ institutions, year }: { institutions: readonly FullCostInstitution[]; year: number }) {
  const { t } = useI18n();
  const titleId = useId();
  const descId = useId();
  const rows = [...institutions].sort((a, b) => new Decimal(b.full).comparedTo(new Decimal(a.full)));
  // One scale for both parts: the largest full cost is the whole bar.
  const lengths = barLengths([...rows.map((row) => row.full), ...rows.map((row) => row.own)], BAR_AREA);
  const height = rows.length * ROW + 8;
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__caption">
        {t('fullCost.chartCaption', { year })}
      </figcaption>
      <ul className="chart__legend" aria-hidden="true">
        <li>
          <span className="chart__swatch chart__swatch--value" /> {t('fullCost.own')}
        </li>
        <li>
          <span className="chart__swatch chart__swatch--allocated" /> {t('fullCost.allocated')}
        </li>
      </ul>
      <p id={descId} className="visually-hidden">
        {t('chart.description', {
          rows: rows
            .map(
              (row) =>
                `${row.name}: ${formatMoney(row.full)} (${t('fullCost.own')} ${formatMoney(row.own)}, ${t(
                  'fullCost.allocated',
                )} ${formatMoney(row.allocated)})`,
            )
            .join('; '),
        })}
      </p>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        preserveAspectRatio="xMinYMin meet"
      >
        {rows.map((row, index) => {
          const y = index * ROW + 4;
          const full = lengths[index] ?? 0;
          const own = lengths[rows.length + index] ?? 0;
          return (
            <g key={row.institutionCode}>
              <text x={LABEL - 10} y={y + 15} textAnchor="end" className="chart__label">
                {row.institutionCode}
              </text>
              <rect x={LABEL} y={y + 3} width={own} height={16} className="chart__bar" />
              <rect
                x={LABEL + own}
                y={y + 3}
                width={Math.max(full - own, 0)}
                height={16}
                className="chart__bar chart__bar--allocated"
              />
              <text x={LABEL + full + 8} y={y + 15} className="chart__value">
                {formatMoney(row.full)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
