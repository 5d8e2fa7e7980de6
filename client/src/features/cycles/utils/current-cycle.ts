import type { Cycle } from '@ikt/shared/cycle.schema';

/**
 * The cycle people are working on: the newest one that is not closed (a draft being set up
 * counts — ITC prepares it while last year's is still being approved), else the newest of all.
 * A `?cycle=` choice in the address wins when it names a cycle the user can read.
 */
export function pickCurrentCycle(cycles: readonly Cycle[], chosenId?: number): Cycle | undefined {
  if (chosenId !== undefined) {
    const chosen = cycles.find((cycle) => cycle.id === chosenId);
    if (chosen) return chosen;
  }
  const newestFirst = [...cycles].sort((a, b) => b.year - a.year);
  return (
    newestFirst.find((cycle) => cycle.status !== 'closed' && cycle.status !== 'draft') ??
    newestFirst.find((cycle) => cycle.status !== 'closed') ??
    newestFirst[0]
  );
}

/** Reads `?cycle=12` into an id, ignoring anything that is not one. */
export function cycleIdParam(value: string | null): number | undefined {
  return value !== null && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}
