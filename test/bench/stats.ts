/** Timing helpers shared by the sections. Figures are milliseconds, rounded to 0.01. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}

/** Runs `fn` once; answers its result and how long it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/**
 * Round `round` of two measurements taken in turns: `a` first in even rounds, `b` first in odd
 * ones, so neither always runs on a warmer cache. Each one's milliseconds go to its `ms`.
 */
export async function interleaved<A, B>(
  round: number,
  a: { run: () => Promise<A>; ms: number[] },
  b: { run: () => Promise<B>; ms: number[] },
): Promise<[A, B]> {
  const measure = async <T>(which: { run: () => Promise<T>; ms: number[] }) => {
    const { ms, result } = await timed(which.run);
    which.ms.push(ms);
    return result;
  };
  if (round % 2 === 0) return [await measure(a), await measure(b)];
  const second = await measure(b);
  return [await measure(a), second];
}

/** A plain-text table of rows with the same keys, numbers right-aligned. */
export function formatTable(rows: readonly Record<string, string | number | null>[]): string {
  if (rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => cell(row[c]).length)));
  const line = (values: (string | number | null | undefined)[], numeric: boolean[]) =>
    values
      .map((value, i) => (numeric[i] ? cell(value).padStart(widths[i]!) : cell(value).padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const numeric = columns.map((c) => rows.every((row) => typeof row[c] === 'number' || row[c] === null));
  return [
    line(columns, numeric),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((row) =>
      line(
        columns.map((c) => row[c]),
        numeric,
      ),
    ),
  ].join('\n');
}
