import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { createAuditService, type AuditService } from './modules/audit/audit.service';
import { createSubProgrammeService } from './modules/budget/sub-programme.service';
import { createConsolidationService } from './modules/consolidation/consolidation.service';
import { createCycleService } from './modules/cycles/cycles.service';
import { createFullCostService } from './modules/full-cost/full-cost.service';
import { createIndicatorsService } from './modules/indicators/indicators.service';
import { createReferenceService } from './modules/reference/reference.service';

/**
 * The services that answer for the budget's cycles, sub-programmes, figures and reference data,
 * over one executor: the app's over its pool, and an export's over the one snapshot it reads the
 * whole workbook in (spreadsheets/workbook-snapshot.ts) — the same code either way.
 */
export function createBudgetServices(executor: Kysely<Database>, audit: AuditService = createAuditService(executor)) {
  const cycles = createCycleService(executor, audit);
  const fullCost = createFullCostService(executor, cycles);
  return {
    cycles,
    subProgrammes: createSubProgrammeService(executor, cycles),
    consolidation: createConsolidationService(executor, cycles),
    fullCost,
    indicators: createIndicatorsService(executor, cycles, fullCost),
    reference: createReferenceService(executor),
  };
}
