import { Decimal, formatMoneyLv, toMoneyString, type MoneyString } from '@ikt/shared/money';

/**
 * Money as people type it and as Excel shows it, turned into the API's decimal string — never
 * through a JavaScript number. Both forms are accepted: `1234.56`, `1 234,56`, `1,234.56`,
 * `1234,5`, with or without `€`/`EUR`. A form that could mean two amounts a thousand times apart
 * (`1,234`, `1.234`) is refused as ambiguous rather than guessed.
 */
export type MoneyInputProblem = 'empty' | 'invalid' | 'negative' | 'tooManyDecimals' | 'ambiguous' | 'tooLarge';

export type MoneyInputResult = { ok: true; value: MoneyString } | { ok: false; problem: MoneyInputProblem };

/** Any kind of space a keyboard, Excel or a web page puts between thousands. */
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const HAS_SPACE = /[\s\u00a0\u202f\u2009\u2007]/;
const CURRENCY = /^(?:€|eur)\s*|\s*(?:€|eur)$/i;
const MAX_INTEGER_DIGITS = 12;

/** `1`, `12`, `123` then groups of exactly three: the only shape a grouped integer may have. */
function isGrouped(groups: string[]): boolean {
  const [first, ...rest] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first) || rest.length === 0) return false;
  return rest.every((group) => /^\d{3}$/.test(group));
}

type Parts = { integer: string; fraction: string } | { problem: MoneyInputProblem };

/** `1 234,56` or `1 234.56`: spaces group the thousands, so a single mark is the decimal mark. */
function splitSpaced(value: string): Parts {
  const marks = value.match(/[.,]/g) ?? [];
  if (marks.length > 1) return { problem: 'invalid' };
  const [head = '', tail = ''] = value.split(/[.,]/);
  if (!isGrouped(head.trim().split(SPACES)) || HAS_SPACE.test(tail)) return { problem: 'invalid' };
  return { integer: head.replace(SPACES, ''), fraction: tail };
}

/** No spaces: the marks themselves say which is the decimal mark, or the shape is ambiguous. */
function splitCompact(value: string): Parts {
  if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) return { problem: 'invalid' };
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const decimalMark = lastComma > lastDot ? ',' : '.';
    const groupMark = decimalMark === ',' ? '.' : ',';
    const at = value.lastIndexOf(decimalMark);
    const head = value.slice(0, at);
    if (head.includes(decimalMark) || !isGrouped(head.split(groupMark))) return { problem: 'invalid' };
    return { integer: head.split(groupMark).join(''), fraction: value.slice(at + 1) };
  }
  if (lastComma < 0 && lastDot < 0) return { integer: value, fraction: '' };
  const parts = value.split(lastComma >= 0 ? ',' : '.');
  if (parts.length > 2) {
    // Several of the same mark can only be thousands groups (1.234.567 or 1,234,567).
    return isGrouped(parts) ? { integer: parts.join(''), fraction: '' } : { problem: 'invalid' };
  }
  const [head = '', tail = ''] = parts;
  if (tail === '') return head === '' ? { problem: 'invalid' } : { integer: head, fraction: '' };
  // `1,234` is 1.234 to a Latvian reader and 1234 to an English one: ask rather than guess.
  if (tail.length === 3 && /^[1-9]\d{0,2}$/.test(head)) return { problem: 'ambiguous' };
  return { integer: head === '' ? '0' : head, fraction: tail };
}

function fail(problem: MoneyInputProblem): MoneyInputResult {
  return { ok: false, problem };
}

export function parseMoneyInput(text: string): MoneyInputResult {
  let value = text.trim();
  for (let i = 0; i < 2; i += 1) value = value.replace(CURRENCY, '').trim();
  if (value === '') return fail('empty');
  // Excel's accounting format shows a zero as a lone dash.
  if (/^[-–—]$/.test(value)) return { ok: true, value: '0.00' };
  if (/^[-−–]|^\(.*\)$/.test(value)) return /\d/.test(value) ? fail('negative') : fail('invalid');

  const parsed = HAS_SPACE.test(value) ? splitSpaced(value) : splitCompact(value);
  if ('problem' in parsed) return fail(parsed.problem);
  const { integer, fraction } = parsed;

  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return fail('invalid');
  if (fraction.length > 2 && !/^0+$/.test(fraction.slice(2))) return fail('tooManyDecimals');
  const digits = integer.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_INTEGER_DIGITS) return fail('tooLarge');
  return { ok: true, value: toMoneyString(new Decimal(`${digits}.${fraction.slice(0, 2) || '0'}`)) };
}

/** `1 234,56 €`: how money is shown everywhere, in either UI language. */
export function formatMoney(value: string): string {
  return formatMoneyLv(value);
}

/** The text an editor starts from: no grouping, no currency, a decimal comma (`1234,56`). */
export function moneyEditText(value: string): string {
  return toMoneyString(new Decimal(value)).replace('.', ',');
}
