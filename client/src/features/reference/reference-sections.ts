import type { MessageKey } from '../../i18n/messages/lv';

/** The lists on the reference page, in the order shown; the id is also the `?tab=` value in links. */
export const REFERENCE_SECTIONS = [
  { id: 'institutions', labelKey: 'tab.institutions' },
  { id: 'ekk-codes', labelKey: 'tab.ekkCodes' },
  { id: 'goals', labelKey: 'tab.goals' },
  { id: 'ict-services', labelKey: 'tab.ictServices' },
  { id: 'information-systems', labelKey: 'tab.informationSystems' },
  { id: 'tbm-cost-pools', labelKey: 'tab.tbmCostPools' },
  { id: 'tbm-towers', labelKey: 'tab.tbmTowers' },
  { id: 'benchmarks', labelKey: 'tab.benchmarks' },
] as const satisfies readonly { id: string; labelKey: MessageKey }[];

export type ReferenceSectionId = (typeof REFERENCE_SECTIONS)[number]['id'];

export const DEFAULT_REFERENCE_SECTION: ReferenceSectionId = 'institutions';

export function isReferenceSectionId(value: string | null): value is ReferenceSectionId {
  return REFERENCE_SECTIONS.some((section) => section.id === value);
}

export function referenceSectionPath(id: ReferenceSectionId): string {
  return `/reference?tab=${id}`;
}
