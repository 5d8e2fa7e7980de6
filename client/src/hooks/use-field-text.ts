import type { CostNature, Priority, ReviewStatus } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS, REVIEW_STATUS_LABELS } from '@ikt/shared/labels';
import type { Beneficiary } from '@ikt/shared/line-item.schema';
import { Decimal } from '@ikt/shared/money';
import { formatDecimal } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../utils/money-input';

/**
 * Words for a line item field and its values, as the history and the review's list of changes
 * show them: `amounts.2027` is "2027 amount", money in the Latvian form, vocabularies by label.
 */
/** A recorded value as text: strings, numbers and booleans as they are, anything else as JSON. */
function plainText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function useFieldText() {
  const { t, tOptional, language } = useI18n();
  const fieldName = (field: string) => {
    const year = /^amounts\.(\d{4})$/.exec(field)?.[1];
    if (year) return t('history.amountOf', { year });
    return tOptional(`item.field.${field}`) ?? field;
  };
  const valueText = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('history.empty');
    if (field.startsWith('amounts.') || field === 'unitPrice') return formatMoney(plainText(value));
    if (field === 'amounts' && typeof value === 'object') {
      return Object.entries(value as Record<string, string>)
        .map(([year, amount]) => `${year}: ${formatMoney(amount)}`)
        .join('; ');
    }
    if (field === 'costNature') return COST_NATURE_LABELS[value as CostNature]?.[language] ?? plainText(value);
    if (field === 'priority') return PRIORITY_LABELS[value as Priority]?.[language] ?? plainText(value);
    if (field === 'reviewStatus') return REVIEW_STATUS_LABELS[value as ReviewStatus]?.[language] ?? plainText(value);
    if (field === 'beneficiaries' && Array.isArray(value) && value.length > 0) {
      return (value as Beneficiary[])
        .map((b) => `${b.institutionCode} ${formatDecimal(new Decimal(b.share).toFixed(), language)} %`)
        .join(', ');
    }
    if (Array.isArray(value)) return value.length === 0 ? t('history.empty') : value.join(', ');
    return plainText(value);
  };
  return { fieldName, valueText };
}
