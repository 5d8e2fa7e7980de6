/** Every sub-programme query key comes from here. */
export const subProgrammeKeys = {
  all: ['sub-programmes'] as const,
  lists: () => [...subProgrammeKeys.all, 'list'] as const,
  list: (cycleId: number) => [...subProgrammeKeys.lists(), cycleId] as const,
  detail: (id: number) => [...subProgrammeKeys.all, 'detail', id] as const,
  changes: (id: number) => [...subProgrammeKeys.all, 'changes', id] as const,
  comments: (id: number) => [...subProgrammeKeys.all, 'comments', id] as const,
  /** Every item's comments of one sub-programme; `itemComments()` alone matches all of them. */
  itemComments: (id?: number) =>
    id === undefined
      ? ([...subProgrammeKeys.all, 'item-comments'] as const)
      : ([...subProgrammeKeys.all, 'item-comments', id] as const),
};
