import {
  DIRECT_DRIVER,
  type ServiceConsumptionRow,
  type ServiceDriverInput,
  type ServiceDrivers,
} from '@ikt/shared/full-cost.schema';
import { Decimal } from '@ikt/shared/money';
import { parseQuantityInput, quantityEditText, type QuantityInputProblem } from '../../../utils/quantity-input';

/**
 * The allocation basis as the page edits it: what was typed, over what the server has, turned
 * into the PUT bodies. Each body row remembers the cell or service it came from, so a problem
 * the server names by row (`body.3.quantity`) is shown where it was typed.
 */

/** One cell of the consumption grid: a service, an institution, a fiscal year. */
export const cellKey = (serviceCode: string, institutionCode: string, fiscalYear: number) =>
  `${serviceCode}|${institutionCode}|${fiscalYear}`;

/** What was typed, by cell; a cell not typed in shows the server's quantity. */
export type QuantityEdits = Readonly<Record<string, string>>;

export function savedQuantities(rows: readonly ServiceConsumptionRow[]): Map<string, string> {
  return new Map(rows.map((row) => [cellKey(row.serviceCode, row.institutionCode, row.fiscalYear), row.quantity]));
}

/** The text a cell shows: what was typed, or the saved quantity with a decimal comma. */
export function cellText(key: string, saved: ReadonlyMap<string, string>, edits: QuantityEdits): string {
  return edits[key] ?? quantityEditText(saved.get(key) ?? null);
}

const same = (a: string | undefined, b: string | null) =>
  a === undefined || b === null ? (a ?? null) === b : new Decimal(a).equals(new Decimal(b));

/** The cells whose typed quantity differs from the saved one (a problem counts as a change). */
export function changedCells(saved: ReadonlyMap<string, string>, edits: QuantityEdits): string[] {
  return Object.entries(edits)
    .filter(([key, text]) => {
      const parsed = parseQuantityInput(text);
      return !parsed.ok || !same(saved.get(key), parsed.value);
    })
    .map(([key]) => key);
}

export interface ConsumptionBody {
  rows: ServiceConsumptionRow[];
  /** The cell each body row came from, by index. */
  cells: string[];
  /** Cells whose text is not a quantity: nothing is sent while there are any. */
  problems: Record<string, QuantityInputProblem>;
}

/**
 * Every quantity of every year, with the edits applied: the PUT replaces all of a service's
 * quantities, so the years not on screen go back as they were. A cell emptied where a quantity
 * was becomes 0 — the server keeps a service nobody sends, so leaving the row out would keep it.
 * A directly attributed service takes no quantities: its rows are not sent.
 */
export function consumptionBody(
  rows: readonly ServiceConsumptionRow[],
  edits: QuantityEdits,
  direct: ReadonlySet<string>,
): ConsumptionBody {
  const quantities = savedQuantities(rows.filter((row) => !direct.has(row.serviceCode)));
  const problems: Record<string, QuantityInputProblem> = {};
  for (const [key, text] of Object.entries(edits)) {
    const parsed = parseQuantityInput(text);
    if (!parsed.ok) problems[key] = parsed.problem;
    else if (parsed.value !== null) quantities.set(key, parsed.value);
    else if (quantities.has(key)) quantities.set(key, '0');
  }
  const cells = [...quantities.keys()];
  return {
    rows: cells.map((key) => {
      const [serviceCode = '', institutionCode = '', year = ''] = key.split('|');
      return { serviceCode, institutionCode, fiscalYear: Number(year), quantity: quantities.get(key)! };
    }),
    cells,
    problems,
  };
}

/** Pasted text (a column or a block from Excel) laid from a cell down and to the right. */
export function pastedEdits(
  table: readonly (readonly string[])[],
  from: { row: number; column: number },
  grid: { rows: readonly string[]; columns: readonly string[] },
  keyOf: (row: string, column: string) => string,
): Record<string, string> {
  const edits: Record<string, string> = {};
  table.forEach((cells, down) => {
    const row = grid.rows[from.row + down];
    cells.forEach((text, across) => {
      const column = grid.columns[from.column + across];
      if (row !== undefined && column !== undefined) edits[keyOf(row, column)] = text.trim();
    });
  });
  return edits;
}

/** A service's driver as the form edits it. */
export interface DriverText {
  unitLv: string;
  unitEn: string;
  direct: boolean;
}

export function driverTexts(drivers: ServiceDrivers): Record<string, DriverText> {
  return Object.fromEntries(
    drivers.services.map((service) => [
      service.serviceCode,
      {
        unitLv: service.direct ? '' : (service.unitLv ?? ''),
        unitEn: service.direct ? '' : (service.unitEn ?? ''),
        direct: service.direct,
      },
    ]),
  );
}

export interface DriversBody {
  drivers: ServiceDriverInput[];
  /** The service each body row is, by index. */
  services: string[];
  /** Services with one unit name but not the other. */
  problems: string[];
}

/**
 * The drivers to PUT: a direct service, or one with both unit names; a service with neither has
 * no driver (its cost stays unallocated, as the full cost page says).
 */
export function driversBody(texts: Readonly<Record<string, DriverText>>): DriversBody {
  const body: DriversBody = { drivers: [], services: [], problems: [] };
  for (const [serviceCode, text] of Object.entries(texts)) {
    const unitLv = text.unitLv.trim();
    const unitEn = text.unitEn.trim();
    if (text.direct) {
      body.drivers.push({ serviceCode, unitLv: DIRECT_DRIVER, unitEn: DIRECT_DRIVER });
    } else if (unitLv !== '' && unitEn !== '') {
      body.drivers.push({ serviceCode, unitLv, unitEn });
    } else {
      if (unitLv !== '' || unitEn !== '') body.problems.push(serviceCode);
      continue;
    }
    body.services.push(serviceCode);
  }
  return body;
}
