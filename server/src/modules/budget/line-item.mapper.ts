import { fiscalYearsOf } from '@ikt/shared/domain';
import type { Amounts, LineItem } from '@ikt/shared/line-item.schema';
import { parseMoney, toMoneyString } from '@ikt/shared/money';
import type { LineItemRecord } from './line-item.repository';

/** Every fiscal year of the cycle, "0.00" where nothing is stored. */
export function completeAmounts(stored: Record<string, string> | null, cycleYear: number): Amounts {
  return Object.fromEntries(fiscalYearsOf(cycleYear).map((year) => [String(year), stored?.[String(year)] ?? '0.00']));
}

export function toLineItem(record: LineItemRecord, cycleYear: number): LineItem {
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
    amounts: completeAmounts(record.amounts, cycleYear),
    previousYear: record.previous_year === null ? null : toMoneyString(parseMoney(record.previous_year)),
    createdAt: record.created_at.toISOString(),
    updatedAt: record.updated_at.toISOString(),
  };
}
