/** Every cycle query key comes from here. */
export const cycleKeys = {
  all: ['cycles'] as const,
  list: () => [...cycleKeys.all, 'list'] as const,
  detail: (id: number) => [...cycleKeys.all, 'detail', id] as const,
};
