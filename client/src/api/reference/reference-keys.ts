/** Every reference query key comes from here, so one `invalidateQueries({ queryKey: referenceKeys.all })` refreshes them all. */
export const referenceKeys = {
  all: ['reference'] as const,
  institutions: () => [...referenceKeys.all, 'institutions'] as const,
  ekkCodes: () => [...referenceKeys.all, 'ekk-codes'] as const,
  goals: () => [...referenceKeys.all, 'goals'] as const,
  actionDirections: () => [...referenceKeys.all, 'action-directions'] as const,
  ictServices: () => [...referenceKeys.all, 'ict-services'] as const,
  informationSystems: () => [...referenceKeys.all, 'information-systems'] as const,
  benchmarks: () => [...referenceKeys.all, 'benchmarks'] as const,
};

/** Reference data changes a few times a year, by an admin; refetching it on every visit is waste. */
export const REFERENCE_STALE_TIME_MS = 10 * 60 * 1000;
