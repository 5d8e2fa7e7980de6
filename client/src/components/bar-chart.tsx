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
  /** The value in two parts (own items and what is allocated): the first filled, the rest outlined. */
  parts?: readonly [string, string] | undefined;
}

interface BarChartProps {
  caption: string;
  valueLabel: string;
  compareLabel?: string | undefined;
  /** The names of the two parts of a value, when the rows give them (the legend then shows the parts). */
  partLabels?: readonly [string, string] | undefined;
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
 * (last year), drawn as a thinner outlined bar so it differs in shape, not only in colour, or its
 * value in two stacked parts (the second lighter and outlined). The
 * chart is an image with a text alternative; the table beside it holds the same figures.
 */
export function BarChart({
  caption,
  valueLabel,
  compareLabel,
  partLabels,
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
    rows.flatMap((row) => [row.value, hasCompare ? (row.compare ?? null) : null, row.parts?.[0] ?? null]),
    BAR_AREA,
  );
  const legend: [string, string][] = partLabels
    ? [
        ['value', partLabels[0]],
        ['rest', partLabels[1]],
      ]
    : [['value', valueLabel]];
  if (hasCompare) legend.push(['compare', compareLabel]);
  const describe = (row: BarChartRow) => {
    if (partLabels && row.parts) {
      return `${row.label}: ${format(row.value)} (${partLabels[0]} ${format(row.parts[0])}, ${partLabels[1]} ${format(row.parts[1])})`;
    }
    return hasCompare && row.compare
      ? `${row.label}: ${format(row.value)} (${compareLabel} ${format(row.compare)})`
      : `${row.label}: ${format(row.value)}`;
  };
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__caption">
        {caption}
      </figcaption>
      <ul className="chart__legend" aria-hidden="true">
        {legend.map(([kind, label]) => (
          <li key={kind}>
            <span className={`chart__swatch chart__swatch--${kind}`} /> {label}
          </li>
        ))}
      </ul>
      <p id={descId} className="visually-hidden">
        {t('chart.description', { rows: rows.map(describe).join('; ') })}
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
          const valueLength = lengths[index * 3] ?? 0;
          const compareLength = lengths[index * 3 + 1] ?? 0;
          const partLength = row.parts ? (lengths[index * 3 + 2] ?? 0) : valueLength;
          const label = row.label.length > maxLabel ? `${row.label.slice(0, maxLabel - 2)}…` : row.label;
          return (
            <g key={row.key}>
              <text x={LABEL_WIDTH - 10} y={y + 15} textAnchor="end" className="chart__label">
                {label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={Math.max(partLength, 1)} height={16} className="chart__bar" />
              {row.parts && (
                <rect
                  x={LABEL_WIDTH + partLength}
                  y={y + 3}
                  width={Math.max(valueLength - partLength, 0)}
                  height={16}
                  className="chart__bar chart__bar--rest"
                />
              )}
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
