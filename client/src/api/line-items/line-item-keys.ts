/** Every line item query key comes from here. */
export const lineItemKeys = {
  all: ['line-items'] as const,
  list: (subProgrammeId: number) => [...lineItemKeys.all, 'list', subProgrammeId] as const,
  detail: (id: number) => [...lineItemKeys.all, 'detail', id] as const,
  comments: (id: number) => [...lineItemKeys.all, 'comments', id] as const,
  history: (id: number) => [...lineItemKeys.all, 'history', id] as const,
};
