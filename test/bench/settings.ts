/**
 * A positive whole number from the environment (BENCH_…, SCALE_ITEMS): the fallback when unset,
 * a clear error when set to anything else, so a typo does not quietly measure the default.
 */
export function positiveSetting(name: string): number | undefined;
export function positiveSetting(name: string, fallback: number): number;
export function positiveSetting(name: string, fallback?: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}
