import { formatMoney } from '../utils/money-input';
import { MissingValue } from './missing-value';

/** An amount in the Latvian form (`1 234,56 €`), right-aligned with equal-width digits by `.num`. */
export function Money({ value, className }: { value: string; className?: string }) {
  return <span className={className ? `money ${className}` : 'money'}>{formatMoney(value)}</span>;
}

interface MoneyCellProps {
  /** The amount; `null` where there is none. */
  value: string | null;
  /** Words for a screen reader where there is no amount. */
  missing?: string;
  className?: string;
}

/** A table cell of an amount, right-aligned; a dash (and `missing` for the ear) where there is none. */
export function MoneyCell({ value, missing = '', className }: MoneyCellProps) {
  return (
    <td className={className ? `num ${className}` : 'num'}>
      {value === null ? <MissingValue label={missing} /> : <Money value={value} />}
    </td>
  );
}
