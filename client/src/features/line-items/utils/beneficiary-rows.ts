import { BENEFICIARY_SHARES_TOTAL, isShare, sharesTotal, type Beneficiary } from '@ikt/shared/line-item.schema';
import { Decimal } from '@ikt/shared/money';

/**
 * A central item's beneficiaries as the form holds them: each row an institution and its share as
 * typed (`12,5`, `12.5 %`), read into the API's form only when saved. No number passes through a
 * float: shares are decimal strings, summed with decimal.js.
 */
export interface BeneficiaryRow {
  institutionCode: string;
  share: string;
}

/** A share from the API ("75.0000") as the form starts from it ("75"). */
export function shareText(share: string): string {
  return new Decimal(share).toFixed();
}

export function beneficiaryRowsOf(beneficiaries: readonly Beneficiary[]): BeneficiaryRow[] {
  return beneficiaries.map((beneficiary) => ({
    institutionCode: beneficiary.institutionCode,
    share: shareText(beneficiary.share),
  }));
}

/** A share as typed, in the API's form: spaces and a per cent sign dropped, a decimal comma made a dot. */
export function readShare(text: string): string {
  return text.replace(/\s|%/g, '').replace(',', '.');
}

/** The rows as the API takes them (the server checks them and names each row's problem). */
export function beneficiariesInput(rows: readonly BeneficiaryRow[]): Beneficiary[] {
  return rows.map((row) => ({ institutionCode: row.institutionCode, share: readShare(row.share) }));
}

/** The sum of the shares typed, exact; undefined while a share cannot be read. */
export function rowsTotal(rows: readonly BeneficiaryRow[]): Decimal | undefined {
  const input = beneficiariesInput(rows);
  return input.every((beneficiary) => isShare(beneficiary.share)) ? sharesTotal(input) : undefined;
}

/** Whether a sum of the shares typed is exactly 100. */
export const addsUp = (total: Decimal | undefined) => total !== undefined && total.equals(BENEFICIARY_SHARES_TOTAL);

/** Whether the rows say what the item names already: the same institutions with the same shares, in any order. */
export function sameAsItem(rows: readonly BeneficiaryRow[], beneficiaries: readonly Beneficiary[]): boolean {
  const shares = new Map(beneficiaries.map((beneficiary) => [beneficiary.institutionCode, beneficiary.share]));
  return (
    rows.length === beneficiaries.length &&
    beneficiariesInput(rows).every((row) => {
      const share = shares.get(row.institutionCode);
      return share !== undefined && isShare(row.share) && new Decimal(row.share).equals(share);
    })
  );
}
