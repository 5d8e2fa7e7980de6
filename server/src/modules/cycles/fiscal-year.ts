import type { Cycle } from '@ikt/shared/cycle.schema';
import { fieldError } from '../../errors';
import { message } from '../../messages/message';

/**
 * The fiscal year a request asks for, checked to be one of the cycle's (the first when it names
 * none): the one rule of the consolidation's cross-table, the scenarios and the full cost. 422 at
 * `path` otherwise.
 */
export function fiscalYearOf(cycle: Pick<Cycle, 'fiscalYears'>, asked: number | undefined, path: string): number {
  const year = asked ?? cycle.fiscalYears[0]!;
  if (!cycle.fiscalYears.includes(year)) {
    throw fieldError(message('cycle.notFiscalYear'), path, message('field.oneOf', { values: cycle.fiscalYears }));
  }
  return year;
}
