import { readFile } from 'node:fs/promises';

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) into records. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...records] = rows.filter((r) => r.some((cell) => cell !== ''));
  if (!header) return [];
  return records.map((cells) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV row has ${cells.length} fields, header has ${header.length}: ${cells.join(',')}`);
    }
    return Object.fromEntries(header.map((name, index) => [name, cells[index] ?? '']));
  });
}

/** Reads one of the reference files copied into seeds/data (never ../shared at run time). */
export async function readSeedCsv(name: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(new URL(`../data/${name}`, import.meta.url), 'utf8'));
}
