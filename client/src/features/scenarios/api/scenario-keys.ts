/** Every scenario query key comes from here. */
export const scenarioKeys = {
  all: ['scenarios'] as const,
  list: (cycleId: number) => [...scenarioKeys.all, 'list', cycleId] as const,
  detail: (id: number) => [...scenarioKeys.all, 'detail', id] as const,
  comparison: (id: number, otherId: number) => [...scenarioKeys.all, 'compare', id, otherId] as const,
};
