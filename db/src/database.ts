import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  CommentKind,
  CostNature,
  CycleStatus,
  Priority,
  ReviewStatus,
  Role,
  ScenarioMethod,
  ScenarioTargetKind,
  SubProgrammeKind,
  SubProgrammeStatus,
} from '@ikt/shared/domain';
import type { ProposalReasonCode } from '@ikt/shared/stage.schema';

/**
 * The Kysely view of the schema in migrations/. NUMERIC comes back as a string from both pg and
 * PGlite and goes in as a string: a float can never slip into a money column.
 */
export type Money = ColumnType<string, string, string>;
export type NullableMoney = ColumnType<string | null, string | null | undefined, string | null>;
/** A timestamptz the database fills in (`DEFAULT now()`) unless given. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamptz every insert must give. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** DATE columns are read as 'YYYY-MM-DD' strings (no time-zone drift); see create-db.ts. */
type DateString = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface InstitutionTable {
  id: Generated<number>;
  code: string;
  name_lv: string;
  name_en: string;
  is_itc: Generated<boolean>;
  active: Generated<boolean>;
}

export interface EkkCodeTable {
  code: string;
  parent_code: string | null;
  name_lv: string;
  name_en: string;
  selectable: Generated<boolean>;
  verified: Generated<boolean>;
  retired_at: NullableTimestamp;
  /** The TBM cost pool the code's spending belongs to; NULL: the nearest mapped ancestor's, or unmapped. */
  tbm_cost_pool_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface GoalTable {
  code: string;
  group_lv: string;
  group_en: string;
  name_lv: string;
  name_en: string;
}

export interface ActionDirectionTable {
  code: string;
  name_lv: string;
  name_en: string;
}

export interface GoalActionDirectionTable {
  goal_code: string;
  action_direction_code: string;
}

export interface IctServiceTable {
  code: string;
  name_lv: string;
  name_en: string;
  basis: Generated<string>;
  active: Generated<boolean>;
  /** The TBM technology resource tower the service belongs to; NULL: unmapped. */
  tbm_tower_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InformationSystemTable {
  code: string;
  name: string;
  function_lv: string;
  function_en: string;
  kind: string;
  active: Generated<boolean>;
}

export interface BenchmarkTable {
  indicator: string;
  riga_2015: NullableMoney;
  peer_average: NullableMoney;
  unit: string;
  source: string;
}

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  institution_id: number | null;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
  ip: string | null;
  user_agent: string | null;
  /** What the user sees and ends a session by; `id` (the token's hash) never leaves the server. */
  public_id: Generated<string>;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  email: string;
  ip: string;
  attempted_at: Timestamp;
  /** Reserved, its password not yet checked; counts against the limits like a failure. */
  pending: Generated<boolean>;
}

export interface BudgetCycleTable {
  id: Generated<number>;
  year: number;
  title: string;
  submission_deadline: DateString;
  base_cycle_id: number | null;
  status: Generated<CycleStatus>;
  municipal_budget_total: NullableMoney;
  ict_users: number | null;
  computers: number | null;
  it_staff: number | null;
  /** Versions the cycle's service drivers and consumption together (their If-Match). */
  allocation_version: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SubProgrammeTable {
  id: Generated<number>;
  cycle_id: number;
  code: string;
  name: string;
  kind: SubProgrammeKind;
  institution_id: number;
  status: Generated<SubProgrammeStatus>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LineItemTable {
  id: Generated<number>;
  sub_programme_id: number;
  title: string;
  description: Generated<string>;
  ekk_code: string;
  cost_nature: CostNature;
  ict_service_code: string | null;
  information_system_code: string | null;
  action_direction_code: string | null;
  priority: Priority;
  rank: number;
  /** NUMERIC(14,3): a quantity, not money, but exact all the same. */
  quantity: ColumnType<string | null, string | null | undefined, string | null>;
  unit: string | null;
  unit_price: NullableMoney;
  business_need: Generated<string>;
  legal_basis: Generated<string>;
  impact_if_cut: Generated<string>;
  calculation_basis: Generated<string>;
  review_status: Generated<ReviewStatus>;
  carried_from_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  updated_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Why ITC's proposal is what it is (stage.schema's PROPOSAL_REASON_CODES); null until it proposes. */
  proposal_reason_code: ColumnType<
    ProposalReasonCode | null,
    ProposalReasonCode | null | undefined,
    ProposalReasonCode | null
  >;
  proposal_comment: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LineItemGoalTable {
  line_item_id: number;
  goal_code: string;
}

export interface LineItemAmountTable {
  line_item_id: number;
  fiscal_year: number;
  amount: Money;
}

/** The later stages of an item's figure for one fiscal year (the request is line_item_amount); null until reached. */
export interface LineItemStageTable {
  line_item_id: number;
  fiscal_year: number;
  proposal: NullableMoney;
  adopted: NullableMoney;
  current: NullableMoney;
}

export interface ReviewCommentTable {
  id: Generated<number>;
  line_item_id: number | null;
  sub_programme_id: number | null;
  author_id: number | null;
  kind: Generated<CommentKind>;
  body: string;
  created_at: Timestamp;
}

export interface SubmissionSnapshotTable {
  id: Generated<number>;
  sub_programme_id: number;
  submitted_by: number | null;
  submitted_at: Timestamp;
  items: Json;
}

export interface ScenarioTable {
  id: Generated<number>;
  cycle_id: number;
  name: string;
  fiscal_year: number;
  method: ScenarioMethod;
  target_kind: ScenarioTargetKind;
  target_value: Money;
  target_amount: Money;
  achieved: Money;
  overshoot: Money;
  max_reduction: Money;
  year_total_before: Money;
  /** [{institutionCode, before, after, cut}] when computed. */
  institution_effects: Json;
  /** md5 over the cycle's item ids and versions when computed: a later change makes it stale. */
  data_fingerprint: string;
  created_by: number | null;
  created_at: Timestamp;
  adopted_by: number | null;
  adopted_at: NullableTimestamp;
}

export interface ScenarioCutTable {
  scenario_id: number;
  line_item_id: number;
  before: Money;
  cut: Money;
  after: Money;
  whole_item: boolean;
}

/** A TBM cost pool or technology resource tower (reference data). */
export interface TbmCategoryTable {
  code: string;
  name_lv: string;
  name_en: string;
  active: Generated<boolean>;
  /** Moves on with every admin edit (If-Match). */
  version: Generated<number>;
}

/** What one ICT service's consumption is counted in, in a cycle; unit_en 'direct': its items name beneficiaries. */
export interface ServiceDriverTable {
  cycle_id: number;
  service_code: string;
  unit_lv: string;
  unit_en: string;
}

export interface ServiceConsumptionTable {
  cycle_id: number;
  service_code: string;
  institution_id: number;
  fiscal_year: number;
  /** NUMERIC(14,3), ≥ 0: exact like an item's quantity. */
  quantity: ColumnType<string, string, string>;
}

export interface LineItemBeneficiaryTable {
  line_item_id: number;
  institution_id: number;
  /** NUMERIC(7,4): per cent of the item's amount; an item's shares add up to 100. */
  share: ColumnType<string, string, string>;
}

export interface AuditEventTable {
  /** BIGINT: read as a string from both drivers (see create-db.ts). */
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: NullableJson;
  after: NullableJson;
  request_id: string | null;
}

export interface Database {
  institution: InstitutionTable;
  ekk_code: EkkCodeTable;
  goal: GoalTable;
  action_direction: ActionDirectionTable;
  goal_action_direction: GoalActionDirectionTable;
  ict_service: IctServiceTable;
  information_system: InformationSystemTable;
  benchmark: BenchmarkTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  budget_cycle: BudgetCycleTable;
  sub_programme: SubProgrammeTable;
  line_item: LineItemTable;
  line_item_goal: LineItemGoalTable;
  line_item_amount: LineItemAmountTable;
  line_item_stage: LineItemStageTable;
  review_comment: ReviewCommentTable;
  submission_snapshot: SubmissionSnapshotTable;
  scenario: ScenarioTable;
  scenario_cut: ScenarioCutTable;
  audit_event: AuditEventTable;
  tbm_cost_pool: TbmCategoryTable;
  tbm_tower: TbmCategoryTable;
  service_driver: ServiceDriverTable;
  service_consumption: ServiceConsumptionTable;
  line_item_beneficiary: LineItemBeneficiaryTable;
}

export type InstitutionRow = Selectable<InstitutionTable>;
export type NewInstitutionRow = Insertable<InstitutionTable>;
export type EkkCodeRow = Selectable<EkkCodeTable>;
export type NewEkkCodeRow = Insertable<EkkCodeTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUserRow = Insertable<AppUserTable>;
export type BudgetCycleRow = Selectable<BudgetCycleTable>;
export type NewBudgetCycleRow = Insertable<BudgetCycleTable>;
export type BudgetCycleUpdate = Updateable<BudgetCycleTable>;
export type SubProgrammeRow = Selectable<SubProgrammeTable>;
export type NewSubProgrammeRow = Insertable<SubProgrammeTable>;
export type LineItemRow = Selectable<LineItemTable>;
export type NewLineItemRow = Insertable<LineItemTable>;
export type LineItemUpdate = Updateable<LineItemTable>;
export type NewLineItemAmountRow = Insertable<LineItemAmountTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;
export type NewScenarioRow = Insertable<ScenarioTable>;
