import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Decimal } from 'decimal.js';

/** What the spreadsheet tests share: opening workbooks as a user's tools would, and a formula check. */

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The XML of a sheet, found by its name through workbook.xml and its relationships. */
export async function sheetXml(buffer: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const sheet = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const target = new RegExp(`Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return zip.file(`xl/${target!.replace(/^\/?xl\//, '')}`)!.async('string');
}

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipartFile(
  file: Buffer,
  filename = 'import.xlsx',
  contentType = XLSX,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ikt${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A cell's number: a plain number or a formula's cached result. */
export function numberOf(cell: ExcelJS.Cell): number {
  const value = cell.value;
  if (typeof value === 'number') return value;
  // `cell.value` of a formula leaves out a result of 0; `cell.result` keeps it.
  if (value && typeof value === 'object' && 'formula' in value && typeof cell.result === 'number') return cell.result;
  throw new Error(`${cell.address} holds no number: ${JSON.stringify(value)}`);
}

export const cents = (value: number | string | Decimal) => new Decimal(String(value)).toFixed(2);

export function formulaOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  return value && typeof value === 'object' && 'formula' in value ? (value.formula ?? null) : null;
}

/**
 * Evaluates the formulas the exports write (SUM, SUMIFS with text/wildcard criteria, cell
 * references across sheets, + and -) from the cells they refer to, in decimals — an
 * independent check that each formula computes what its cached result says.
 */
export function evaluate(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, formula: string): Decimal {
  const tokens = tokenize(formula);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++]!;

  type Value = Decimal | string | null | Ref;
  interface Ref {
    sheet: ExcelJS.Worksheet;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  const isRef = (v: Value): v is Ref => typeof v === 'object' && v !== null && 'sheet' in v;
  const cellsOf = (ref: Ref) => {
    const cells: unknown[] = [];
    for (let r = ref.from.row; r <= ref.to.row; r++) {
      for (let c = ref.from.col; c <= ref.to.col; c++) cells.push(plain(ref.sheet.getCell(r, c)));
    }
    return cells;
  };
  const scalar = (v: Value): Decimal | string | null => {
    if (!isRef(v)) return v;
    const value = plain(v.sheet.getCell(v.from.row, v.from.col));
    return typeof value === 'number' ? new Decimal(String(value)) : (value as string | null);
  };
  const number = (v: Value) => {
    const s = scalar(v);
    return s instanceof Decimal ? s : new Decimal(0);
  };

  const primary = (): Value => {
    const token = take();
    if (token.kind === 'number') return new Decimal(token.text);
    if (token.kind === 'string') return token.text;
    if (token.kind === 'ref') return parseRef(workbook, sheet, token.text);
    if (token.kind === 'name') {
      expect('(');
      const args: Value[] = [];
      if (peek()?.text !== ')') {
        args.push(expression());
        while (peek()?.text === ',') {
          take();
          args.push(expression());
        }
      }
      expect(')');
      if (token.text === 'SUM') {
        return args.reduce<Decimal>(
          (sum, arg) =>
            sum.plus(
              isRef(arg)
                ? cellsOf(arg).reduce<Decimal>(
                    (s, c) => (typeof c === 'number' ? s.plus(String(c)) : s),
                    new Decimal(0),
                  )
                : number(arg),
            ),
          new Decimal(0),
        );
      }
      if (token.text === 'SUMIFS') {
        const [sumRange, ...pairs] = args as [Ref, ...Value[]];
        const values = cellsOf(sumRange);
        let total = new Decimal(0);
        values.forEach((value, index) => {
          for (let p = 0; p < pairs.length; p += 2) {
            const range = cellsOf(pairs[p] as Ref);
            if (!matches(range[index], scalar(pairs[p + 1]!))) return;
          }
          if (typeof value === 'number') total = total.plus(String(value));
        });
        return total;
      }
      throw new Error(`function ${token.text} not supported`);
    }
    if (token.text === '(') {
      const value = expression();
      expect(')');
      return value;
    }
    throw new Error(`unexpected ${token.text} in ${formula}`);
  };
  const concat = (): Value => {
    let value = primary();
    while (peek()?.text === '&') {
      take();
      const right = primary();
      value = `${text(scalar(value))}${text(scalar(right))}`;
    }
    return value;
  };
  const expression = (): Value => {
    let value = concat();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = take().text;
      const right = concat();
      value = op === '+' ? number(value).plus(number(right)) : number(value).minus(number(right));
    }
    return value;
  };
  const expect = (text: string) => {
    const token = take();
    if (token.text !== text) throw new Error(`expected ${text}, got ${token.text} in ${formula}`);
  };
  const result = expression();
  if (at !== tokens.length) throw new Error(`unparsed rest of ${formula}`);
  return number(result);
}

function text(value: Decimal | string | null): string {
  return value === null ? '' : value instanceof Decimal ? value.toString() : value;
}

function plain(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value && typeof value === 'object' && 'formula' in value) {
    const result = cell.result as unknown;
    return result === '' || result === undefined ? null : result;
  }
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return value ?? null;
}

/** Excel's criteria: `<>x`, `=x`, `x` with * and ? wildcards, case-insensitive; "" matches blanks. */
function matches(cell: unknown, criterion: Decimal | string | null): boolean {
  if (criterion instanceof Decimal) return typeof cell === 'number' && criterion.equals(String(cell));
  const raw = criterion ?? '';
  const negate = raw.startsWith('<>');
  const pattern = negate ? raw.slice(2) : raw.startsWith('=') ? raw.slice(1) : raw;
  const value = cell === null || cell === undefined ? '' : String(cell);
  const regex = new RegExp(
    `^${pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    'i',
  );
  const hit = pattern === '' ? value === '' : regex.test(value);
  return negate ? !hit : hit;
}

interface Token {
  kind: 'number' | 'string' | 'ref' | 'name' | 'op';
  text: string;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(?<ref>(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(?<name>[A-Z]+)(?=\()|(?<number>\d+(?:\.\d+)?)|"(?<string>(?:[^"]|"")*)"|(?<op><>|[+\-&,()=<>*/]))/y;
  let index = 0;
  while (formula.slice(index).trim() !== '') {
    pattern.lastIndex = index;
    const match = pattern.exec(formula);
    if (!match) throw new Error(`cannot read ${formula} at ${index}`);
    index = pattern.lastIndex;
    const groups = match.groups!;
    if (groups.ref) tokens.push({ kind: 'ref', text: groups.ref });
    else if (groups.name) tokens.push({ kind: 'name', text: groups.name });
    else if (groups.number) tokens.push({ kind: 'number', text: groups.number });
    else if (groups.string !== undefined) tokens.push({ kind: 'string', text: groups.string.replaceAll('""', '"') });
    else tokens.push({ kind: 'op', text: groups.op! });
  }
  return tokens;
}

function parseRef(workbook: ExcelJS.Workbook, current: ExcelJS.Worksheet, text: string) {
  const bang = text.lastIndexOf('!');
  const sheetName = bang < 0 ? null : text.slice(0, bang).replace(/^'|'$/g, '').replaceAll("''", "'");
  const sheet = sheetName === null ? current : workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const [from, to] = text
    .slice(bang + 1)
    .replaceAll('$', '')
    .split(':')
    .map((address) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return { row: Number(m[2]), col };
    });
  return { sheet, from: from!, to: to ?? from! };
}
