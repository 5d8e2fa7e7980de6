import { fiscalYearsOf } from '@ikt/shared/domain';
import type { Amounts, LineItem } from '@ikt/shared/line-item.schema';
import { parseMoney, toMoneyString } from '@ikt/shared/money';
import type { LineItemRecord } from './line-item.repository';

/** Every fiscal year of the cycle, "0.00" where nothing is stored. */
export function completeAmounts(stored: Record<string, string> | null, cycleYear: number): Amounts {
  return Object.fromEntries(fiscalYearsOf(cycleYear).map((year) => [String(year), stored?.[String(year)] ?? '0.00']));
}

/** A stage's amounts, every fiscal year; null while the stage has not been reached. */
function stageAmounts(stored: Record<string, string> | null, cycleYear: number): Amounts | null {
  return stored === null ? null : completeAmounts(stored, cycleYear);
}

export function toLineItem(record: LineItemRecord, cycleYear: number): LineItem {
  const amounts = completeAmounts(record.amounts, cycleYear);
  return {
    id: record.id,
    subProgrammeId: record.sub_programme_id,
    title: record.title,
    description: record.description,
    ekkCode: record.ekk_code,
    costNature: record.cost_nature,
    ictServiceCode: record.ict_service_code,
    informationSystemCode: record.information_system_code,
    goalCodes: record.goal_codes,
    actionDirectionCode: record.action_direction_code,
    priority: record.priority,
    rank: record.rank,
    quantity: record.quantity,
    unit: record.unit,
    unitPrice: record.unit_price,
    businessNeed: record.business_need,
    legalBasis: record.legal_basis,
    impactIfCut: record.impact_if_cut,
    calculationBasis: record.calculation_basis,
    beneficiaries: record.beneficiaries,
    reviewStatus: record.review_status,
    carriedFromId: record.carried_from_id,
    version: record.version,
    amounts,
    stages: {
      request: amounts,
      proposal: stageAmounts(record.stages.proposal, cycleYear),
      adopted: stageAmounts(record.stages.adopted, cycleYear),
      current: stageAmounts(record.stages.current, cycleYear),
      proposalReason:
        record.proposal_reason_code === null
          ? null
          : { reasonCode: record.proposal_reason_code, comment: record.proposal_comment ?? '' },
    },
    previousYear: record.previous_year === null ? null : toMoneyString(parseMoney(record.previous_year)),
    createdAt: record.created_at.toISOString(),
    updatedAt: record.updated_at.toISOString(),
  };
}
