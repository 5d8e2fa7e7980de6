import type { CostNature, CycleStatus, Priority, ReviewStatus, Role, SubProgrammeStatus } from './domain';
import type { Language } from './messages';

/** The domain's closed vocabularies as people read them (domain/README.md vocabulary). */
type Labels<K extends string> = Record<K, Record<Language, string>>;

/** The vocabularies, by the name their labels' keys start with. */
interface Vocabularies {
  costNature: CostNature;
  priority: Priority;
  reviewStatus: ReviewStatus;
  cycleStatus: CycleStatus;
  subProgrammeStatus: SubProgrammeStatus;
  role: Role;
}
type LabelKey = { [V in keyof Vocabularies]: `${V}.${Vocabularies[V]}` }[keyof Vocabularies];

/** Every label as [Latvian, English], keyed `<vocabulary>.<value>` (every value of every vocabulary, no other). */
const TEXTS: Record<LabelKey, readonly [lv: string, en: string]> = {
  'costNature.maintenance': ['Uzturēšana', 'Maintenance'],
  'costNature.development': ['Attīstība', 'Development'],
  'costNature.implementation': ['Ieviešana', 'Implementation'],
  'priority.mandatory': ['Obligāta', 'Mandatory'],
  'priority.high': ['Augsta', 'High'],
  'priority.medium': ['Vidēja', 'Medium'],
  'priority.low': ['Zema', 'Low'],
  'reviewStatus.draft': ['Melnraksts', 'Draft'],
  'reviewStatus.submitted': ['Iesniegta', 'Submitted'],
  'reviewStatus.accepted': ['Pieņemta', 'Accepted'],
  'reviewStatus.returned': ['Atgriezta', 'Returned'],
  'reviewStatus.cut': ['Izslēgta (samazinājums)', 'Cut'],
  'cycleStatus.draft': ['Sagatavošanā', 'Draft'],
  'cycleStatus.open': ['Atvērts', 'Open'],
  'cycleStatus.review': ['Izskatīšanā', 'In review'],
  'cycleStatus.consolidated': ['Konsolidēts', 'Consolidated'],
  'cycleStatus.approved': ['Apstiprināts', 'Approved'],
  'cycleStatus.closed': ['Slēgts', 'Closed'],
  'subProgrammeStatus.draft': ['Melnraksts', 'Draft'],
  'subProgrammeStatus.submitted': ['Iesniegta', 'Submitted'],
  'subProgrammeStatus.returned': ['Atgriezta', 'Returned'],
  'subProgrammeStatus.accepted': ['Pieņemta', 'Accepted'],
  'role.institution_lead': ['Nozares IKT vadītājs', 'Sector ICT lead'],
  'role.itc_finance': ['ITC finanses', 'ITC finance'],
  'role.finance_viewer': ['Finanšu departaments', 'Finance Department'],
  'role.council': ['IKT attīstības padome', 'ICT development council'],
  'role.admin': ['Administrators', 'Administrator'],
};

/** One vocabulary's labels, by value. */
function labels<V extends keyof Vocabularies>(vocabulary: V): Labels<Vocabularies[V]> {
  const prefix = `${vocabulary}.`;
  const entries = Object.entries<readonly [string, string]>(TEXTS)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, [lv, en]]) => [key.slice(prefix.length), { lv, en }]);
  return Object.fromEntries(entries) as Labels<Vocabularies[V]>;
}

export const COST_NATURE_LABELS = labels('costNature');
export const PRIORITY_LABELS = labels('priority');
export const REVIEW_STATUS_LABELS = labels('reviewStatus');
export const CYCLE_STATUS_LABELS = labels('cycleStatus');
export const SUB_PROGRAMME_STATUS_LABELS = labels('subProgrammeStatus');
export const ROLE_LABELS = labels('role');

export const NOT_SPECIFIED_LABEL: Record<Language, string> = { lv: '(nav norādīts)', en: '(not specified)' };
/** The row of a TBM view that the EKK / service crosswalk does not reach. */
export const NOT_MAPPED_LABEL: Record<Language, string> = { lv: '(nav piesaistīts TBM)', en: '(not mapped to TBM)' };
