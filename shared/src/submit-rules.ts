import type { Language } from './messages';
import { sharesAddUp, type LineItem } from './line-item.schema';
import { parseMoney } from './money';

/**
 * What an item needs before its sub-programme can be submitted: a business need and the impact if
 * cut; a legal basis when mandatory; a goal for development and implementation; some amount above
 * zero; in the central sub-programme, its ICT service or beneficiaries whose shares add up to
 * 100 % (what the full cost allocates it by). Shared so the client can show the same list before
 * the user presses "submit".
 */
export interface SubmitRuleProblem {
  field: 'businessNeed' | 'impactIfCut' | 'legalBasis' | 'goalCodes' | 'amounts' | 'ictServiceCode';
  message: Record<Language, string>;
}

export type SubmitRuleInput = Pick<
  LineItem,
  | 'businessNeed'
  | 'impactIfCut'
  | 'legalBasis'
  | 'priority'
  | 'costNature'
  | 'goalCodes'
  | 'amounts'
  | 'ictServiceCode'
  | 'beneficiaries'
> & {
  /** Whether the item is in the central (ITC) sub-programme. */
  central: boolean;
};

export function submitRuleProblems(item: SubmitRuleInput): SubmitRuleProblem[] {
  const problems: SubmitRuleProblem[] = [];
  if (item.businessNeed.trim() === '') {
    problems.push({
      field: 'businessNeed',
      message: { lv: 'Nav norādīta biznesa vajadzība', en: 'The business need is missing' },
    });
  }
  if (item.impactIfCut.trim() === '') {
    problems.push({
      field: 'impactIfCut',
      message: { lv: 'Nav norādīta ietekme, ja netiek finansēts', en: 'The impact if not funded is missing' },
    });
  }
  if (item.priority === 'mandatory' && item.legalBasis.trim() === '') {
    problems.push({
      field: 'legalBasis',
      message: { lv: 'Obligātai pozīcijai jānorāda tiesiskais pamats', en: 'A mandatory item needs its legal basis' },
    });
  }
  if ((item.costNature === 'development' || item.costNature === 'implementation') && item.goalCodes.length === 0) {
    problems.push({
      field: 'goalCodes',
      message: {
        lv: 'Attīstības un ieviešanas pozīcijai jānorāda vismaz viens mērķis',
        en: 'A development or implementation item needs at least one goal',
      },
    });
  }
  if (!Object.values(item.amounts).some((amount) => parseMoney(amount).greaterThan(0))) {
    problems.push({
      field: 'amounts',
      message: { lv: 'Nevienā gadā nav norādīta summa', en: 'No year has an amount' },
    });
  }
  if (item.central && !item.ictServiceCode && !sharesAddUp(item.beneficiaries)) {
    problems.push({
      field: 'ictServiceCode',
      message: {
        lv: 'Centrālajai pozīcijai jānorāda IKT pakalpojums vai labuma guvēji, kuru daļas kopā ir 100 %',
        en: 'A central item needs its ICT service or beneficiaries whose shares add up to 100 %',
      },
    });
  }
  return problems;
}
