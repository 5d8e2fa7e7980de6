import type { Cycle } from '@ikt/shared/cycle.schema';
import type { ReactNode } from 'react';
import { QueryView } from '../../components/query-view';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { FiscalYearPicker } from '../../features/full-cost/components/fiscal-year-picker';
import { useFiscalYear } from '../../features/full-cost/hooks/use-fiscal-year';
import { useDocumentTitle } from '../../i18n/use-document-title';

/** What a full-cost page shows: a cycle and one of its fiscal years (`?cycle=`, `?year=`). */
export interface CycleYear {
  cycle: Cycle;
  fiscalYear: number;
}

interface FullCostPageProps {
  title: string;
  intro: string;
  /** Beside the pickers: a link, a download. */
  actions?: (scope: CycleYear) => ReactNode;
  children: (scope: CycleYear) => ReactNode;
}

/** The frame of the full cost, the bill of IT and the allocation basis: heading, cycle and year. */
export function FullCostPage({ title, intro, actions, children }: FullCostPageProps) {
  useDocumentTitle(title);
  const { query, cycle, cycles } = useCurrentCycle();
  const fiscalYear = useFiscalYear(cycle);
  const scope = cycle && fiscalYear !== undefined ? { cycle, fiscalYear } : undefined;
  const body = (shown: CycleYear) => (
    <>
      <div className="filter-bar">
        <CyclePicker cycles={cycles} current={shown.cycle} />
        <FiscalYearPicker years={shown.cycle.fiscalYears} value={shown.fiscalYear} />
        {actions?.(shown)}
      </div>
      {children(shown)}
    </>
  );
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      <QueryView query={query}>{() => scope && body(scope)}</QueryView>
    </>
  );
}
