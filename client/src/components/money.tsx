import { formatMoney } from '../utils/money-input';

/** An amount in the Latvian form (`1 234,56 €`), right-aligned with equal-width digits by `.num`. */
export function Money({ value, className }: { value: string; className?: string }) {
  return <span className={className ? `money ${className}` : 'money'}>{formatMoney(value)}</span>;
}
