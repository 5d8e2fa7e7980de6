import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { barLengths } from '../utils/bar-scale';
import { formatMoney } from '../utils/money-input';

export interface BarChartRow {
  key: string;
  label: string;
  /** Amounts as decimal strings. */
  value: string;
  compare?: string | null | undefined;
}

interface BarChartProps {
  caption: string;
  valueLabel: string;
  compareLabel?: string | undefined;
  rows: readonly BarChartRow[];
  /** Format of the value labels; money by default. */
  format?: (value: string) => string;
  size?: keyof typeof SIZES;
}

/** Chart units; the SVG scales to its box, so a narrow chart uses a narrower drawing to keep text legible. */
const SIZES = {
  wide: { width: 900, label: 300, value: 130 },
  narrow: { width: 520, label: 180, value: 110 },
} as const;
const ROW_HEIGHT = 36;

/**
 * Horizontal bars, simple enough to read at a glance. Each row can carry a comparison figure
 * (last year), drawn as a thinner outlined bar so it differs in shape, not only in colour. The
 * chart is an image with a text alternative; the table beside it holds the same figures.
 */
export function BarChart({
  caption,
  valueLabel,
  compareLabel,
  rows,
  format = formatMoney,
  size = 'wide',
}: BarChartProps) {
  const { width: WIDTH, label: LABEL_WIDTH, value: VALUE_WIDTH } = SIZES[size];
  const BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
  const maxLabel = size === 'wide' ? 36 : 22;
  const { t } = useI18n();
  const titleId = useId();
  const descId = useId();
  const hasCompare = compareLabel !== undefined && rows.some((row) => row.compare);
  const lengths = barLengths(
    rows.flatMap((row) => [row.value, hasCompare ? (row.compare ?? null) : null]),
    BAR_AREA,
  );
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__caption">
        {caption}
      </figcaption>
      <ul className="chart__legend" aria-hidden="true">
        <li>
          <span className="chart__swatch chart__swatch--value" /> {valueLabel}
        </li>
        {hasCompare && (
          <li>
            <span className="chart__swatch chart__swatch--compare" /> {compareLabel}
          </li>
        )}
      </ul>
      <p id={descId} className="visually-hidden">
        {t('chart.description', {
          rows: rows
            .map((row) =>
              hasCompare && row.compare
                ? `${row.label}: ${format(row.value)} (${compareLabel} ${format(row.compare)})`
                : `${row.label}: ${format(row.value)}`,
            )
            .join('; '),
        })}
      </p>
      <svg
        className={`chart__svg chart__svg--${size}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        preserveAspectRatio="xMinYMin meet"
      >
        {rows.map((row, index) => {
          const y = index * ROW_HEIGHT + 4;
          const valueLength = lengths[index * 2] ?? 0;
          const compareLength = lengths[index * 2 + 1] ?? 0;
          const label = row.label.length > maxLabel ? `${row.label.slice(0, maxLabel - 2)}…` : row.label;
          return (
            <g key={row.key}>
              <text x={LABEL_WIDTH - 10} y={y + 15} textAnchor="end" className="chart__label">
                {label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={Math.max(valueLength, 1)} height={16} className="chart__bar" />
              {hasCompare && row.compare && (
                <rect
                  x={LABEL_WIDTH}
                  y={y + 22}
                  width={Math.max(compareLength, 1)}
                  height={8}
                  className="chart__bar chart__bar--compare"
                />
              )}
              <text x={LABEL_WIDTH + valueLength + 8} y={y + 15} className="chart__value">
                {format(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
