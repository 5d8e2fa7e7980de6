import type { CostNature, CycleStatus, Priority, ReviewStatus, Role, SubProgrammeStatus } from './domain';
import type { Language } from './messages';

/** The domain's closed vocabularies as people read them (domain/README.md vocabulary). */
type Labels<K extends string> = Record<K, Record<Language, string>>;

export const COST_NATURE_LABELS: Labels<CostNature> = {
  maintenance: { lv: 'Uzturēšana', en: 'Maintenance' },
  development: { lv: 'Attīstība', en: 'Development' },
  implementation: { lv: 'Ieviešana', en: 'Implementation' },
};

export const PRIORITY_LABELS: Labels<Priority> = {
  mandatory: { lv: 'Obligāta', en: 'Mandatory' },
  high: { lv: 'Augsta', en: 'High' },
  medium: { lv: 'Vidēja', en: 'Medium' },
  low: { lv: 'Zema', en: 'Low' },
};

export const REVIEW_STATUS_LABELS: Labels<ReviewStatus> = {
  draft: { lv: 'Melnraksts', en: 'Draft' },
  submitted: { lv: 'Iesniegta', en: 'Submitted' },
  accepted: { lv: 'Pieņemta', en: 'Accepted' },
  returned: { lv: 'Atgriezta', en: 'Returned' },
  cut: { lv: 'Izslēgta (samazinājums)', en: 'Cut' },
};

export const CYCLE_STATUS_LABELS: Labels<CycleStatus> = {
  draft: { lv: 'Sagatavošanā', en: 'Draft' },
  open: { lv: 'Atvērts', en: 'Open' },
  review: { lv: 'Izskatīšanā', en: 'In review' },
  consolidated: { lv: 'Konsolidēts', en: 'Consolidated' },
  approved: { lv: 'Apstiprināts', en: 'Approved' },
  closed: { lv: 'Slēgts', en: 'Closed' },
};

export const SUB_PROGRAMME_STATUS_LABELS: Labels<SubProgrammeStatus> = {
  draft: { lv: 'Melnraksts', en: 'Draft' },
  submitted: { lv: 'Iesniegta', en: 'Submitted' },
  returned: { lv: 'Atgriezta', en: 'Returned' },
  accepted: { lv: 'Pieņemta', en: 'Accepted' },
};

export const ROLE_LABELS: Labels<Role> = {
  institution_lead: { lv: 'Nozares IKT vadītājs', en: 'Sector ICT lead' },
  itc_finance: { lv: 'ITC finanses', en: 'ITC finance' },
  finance_viewer: { lv: 'Finanšu departaments', en: 'Finance Department' },
  council: { lv: 'IKT attīstības padome', en: 'ICT development council' },
  admin: { lv: 'Administrators', en: 'Administrator' },
};

export const NOT_SPECIFIED_LABEL: Record<Language, string> = { lv: '(nav norādīts)', en: '(not specified)' };
/** The row of a TBM view that the EKK / service crosswalk does not reach. */
export const NOT_MAPPED_LABEL: Record<Language, string> = { lv: '(nav piesaistīts TBM)', en: '(not mapped to TBM)' };
