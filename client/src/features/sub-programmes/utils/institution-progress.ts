import type { Consolidation } from '@ikt/shared/consolidation.schema';
import { SUB_PROGRAMME_STATUSES, type SubProgrammeStatus } from '@ikt/shared/domain';
import { isHandedIn } from '@ikt/shared/editability';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';

export interface InstitutionProgress {
  institutionCode: string;
  /** The institution's name as the consolidation words it (in the UI language), else its code. */
  name: string;
  counts: Record<SubProgrammeStatus, number>;
  subProgrammeCount: number;
  /** Sub-programmes ITC has in hand or has accepted. */
  doneCount: number;
  /** First fiscal year, last year's approved figure and the change: straight from the consolidation. */
  firstYear: string;
  previousYear: string | null;
  change: string | null;
  changePercent: string | null;
}

const emptyCounts = (): Record<SubProgrammeStatus, number> =>
  Object.fromEntries(SUB_PROGRAMME_STATUSES.map((status) => [status, 0])) as Record<SubProgrammeStatus, number>;

/**
 * Where every institution stands in the cycle: how many of its sub-programmes are in each status
 * and its total against last year. Figures are never re-added here; they come from the
 * consolidation by institution, so they agree to the cent with every other total.
 */
export function institutionProgress(
  subProgrammes: readonly SubProgramme[],
  consolidation: Consolidation | undefined,
): InstitutionProgress[] {
  const firstYear = consolidation ? String(consolidation.fiscalYears[0]) : undefined;
  const rows = new Map<string, InstitutionProgress>();
  const rowFor = (code: string) => {
    let row = rows.get(code);
    if (!row) {
      row = {
        institutionCode: code,
        name: code,
        counts: emptyCounts(),
        subProgrammeCount: 0,
        doneCount: 0,
        firstYear: '0.00',
        previousYear: null,
        change: null,
        changePercent: null,
      };
      rows.set(code, row);
    }
    return row;
  };
  for (const subProgramme of subProgrammes) {
    const row = rowFor(subProgramme.institutionCode);
    row.counts[subProgramme.status] += 1;
    row.subProgrammeCount += 1;
    if (isHandedIn(subProgramme.status)) row.doneCount += 1;
  }
  for (const figure of consolidation?.rows ?? []) {
    if (figure.key === '') continue;
    const row = rowFor(figure.key);
    row.name = figure.label;
    row.firstYear = (firstYear && figure.amounts[firstYear]) || '0.00';
    row.previousYear = figure.previousYear;
    row.change = figure.change;
    row.changePercent = figure.changePercent;
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'lv'));
}
