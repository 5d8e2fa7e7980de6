import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type {
  Consolidation,
  ConsolidationCross,
  ConsolidationCrossQuery,
  ConsolidationQuery,
} from '@ikt/shared/consolidation.schema';
import type { Language } from '@ikt/shared/messages';
import { can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { readSnapshot } from '../../database-snapshot';
import { cycleNotFound, fieldError } from '../../errors';
import { message } from '../../messages/message';
import type { CycleService } from '../cycles/cycles.service';
import { fiscalYearOf } from '../cycles/fiscal-year';
import { consolidationOf, crossTableOf } from './consolidation-rollup';
import {
  createConsolidationRepository,
  type ConsolidationFilter,
  type ConsolidationRepository,
} from './consolidation.repository';

export function createConsolidationService(db: Kysely<Database>, cycles: CycleService) {
  /** Which institution the figures are limited to; a lead sees its own only. */
  async function resolveFilter(
    context: RequestContext,
    repository: ConsolidationRepository,
    query: Pick<ConsolidationQuery, 'institution' | 'costNature' | 'reviewStatus'>,
  ): Promise<ConsolidationFilter> {
    let institutionId: number | undefined;
    if (query.institution !== undefined) {
      const institution = await repository.institutionByCode(query.institution);
      if (!institution) {
        throw fieldError(
          message('consolidation.unknownInstitution'),
          'querystring.institution',
          message('consolidation.unknownInstitutionCode'),
        );
      }
      institutionId = institution.id;
    }
    if (context.actor.role === 'institution_lead') {
      if (institutionId !== undefined && institutionId !== context.actor.institutionId) throw cycleNotFound();
      institutionId = context.actor.institutionId ?? -1;
    }
    return { institutionId, costNature: query.costNature, reviewStatus: query.reviewStatus };
  }

  /** The cycle and the filter a consolidation reads, once the actor may read them (404 otherwise). */
  async function readable(
    context: RequestContext,
    cycleId: number,
    query: Pick<ConsolidationQuery, 'institution' | 'costNature' | 'reviewStatus'>,
  ) {
    const cycle = await cycles.get(context, cycleId);
    const repository = createConsolidationRepository(db);
    const filter = await resolveFilter(context, repository, query);
    if (
      !can(context.actor, {
        action: 'consolidation.read',
        cycleStatus: cycle.status,
        institutionId: filter.institutionId,
      })
    ) {
      throw cycleNotFound();
    }
    return { cycle, filter };
  }

  return {
    async consolidate(
      context: RequestContext,
      cycleId: number,
      query: ConsolidationQuery,
      language: Language,
    ): Promise<Consolidation> {
      const { cycle, filter } = await readable(context, cycleId, query);
      const base = cycle.baseCycleId === null ? null : await cycles.find(cycle.baseCycleId);
      // One consistent snapshot: every figure in the answer comes from the same moment.
      const figures = await readSnapshot(db, (trx) =>
        createConsolidationRepository(trx).figures(
          cycleId,
          query.by,
          filter,
          base ? { id: base.id, year: base.year } : null,
        ),
      );
      return consolidationOf(figures, {
        cycleId,
        by: query.by,
        fiscalYears: cycle.fiscalYears,
        hasBase: base !== null,
        language,
      });
    },

    /** One fiscal year by two dimensions at once (institution × EKK by default); see the schema. */
    async cross(
      context: RequestContext,
      cycleId: number,
      query: ConsolidationCrossQuery,
      language: Language,
    ): Promise<ConsolidationCross> {
      const { cycle, filter } = await readable(context, cycleId, query);
      const fiscalYear = fiscalYearOf(cycle, query.fiscalYear, 'querystring.fiscalYear');
      const axes = { rows: query.rows, columns: query.columns };
      const figures = await readSnapshot(db, (trx) =>
        createConsolidationRepository(trx).crossFigures(cycleId, axes, query.ekkLevel, fiscalYear, filter),
      );
      return crossTableOf(figures, { cycleId, fiscalYear, axes, ekkLevel: query.ekkLevel, language });
    },
  };
}

export type ConsolidationService = ReturnType<typeof createConsolidationService>;
