import type { Consolidation } from '@ikt/shared/consolidation.schema';
import type { FullCost } from '@ikt/shared/full-cost.schema';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import { interleaved, round, summarise } from './stats';
import type { BenchContext, BenchSection } from './types';

/**
 * GET /api/cycles/:id/full-cost (every institution's full cost: the central sub-programme's
 * services allocated by consumption, last year's beside it) through the real app, beside the
 * consolidation by institution of the same cycle in the same run — the figure it is compared
 * with. Both alternate which goes first; `agrees` checks Σ full + Σ unallocated against the
 * consolidated grand total of the year, to the cent.
 */
export const fullCostSection: BenchSection = {
  name: 'fullCost',
  async run(context: BenchContext) {
    const get = async <T>(url: string) => {
      const response = await context.get(url);
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      return { body: response.json<T>(), bytes: response.rawPayload.length };
    };
    const fullCost = () => get<FullCost>(`/api/cycles/${context.cycleId}/full-cost`);
    const consolidation = () => get<Consolidation>(`/api/cycles/${context.cycleId}/consolidation?by=institution`);

    context.log('full cost …');
    for (let i = 0; i < context.warmup; i++) {
      await fullCost();
      await consolidation();
    }
    const fullCostMs: number[] = [];
    const consolidationMs: number[] = [];
    let last: { fullCost: FullCost; consolidation: Consolidation; bytes: number } | undefined;
    for (let i = 0; i < context.iterations; i++) {
      const [full, consolidated] = await interleaved(
        i,
        { run: fullCost, ms: fullCostMs },
        { run: consolidation, ms: consolidationMs },
      );
      last = { fullCost: full.body, consolidation: consolidated.body, bytes: full.bytes };
    }
    const fullCostSummary = summarise(fullCostMs);
    const consolidationSummary = summarise(consolidationMs);
    const ratio = round(fullCostSummary.p50 / consolidationSummary.p50);
    const accounted = last
      ? toMoneyString(
          sumMoney([
            ...last.fullCost.institutions.map((i) => i.full),
            ...last.fullCost.unallocated.map((u) => u.amount),
          ]),
        )
      : null;
    const grandTotal = last?.consolidation.total.amounts[String(last.fullCost.fiscalYear)] ?? null;
    const agrees = accounted !== null && accounted === grandTotal;
    return {
      json: {
        endpoint: 'GET /api/cycles/:id/full-cost',
        unit: 'ms',
        fullCost: fullCostSummary,
        consolidationByInstitution: consolidationSummary,
        ratioOf: 'full cost p50 / consolidation by institution p50',
        ratio,
        institutions: last?.fullCost.institutions.length ?? 0,
        unallocated: last?.fullCost.unallocated.length ?? 0,
        responseBytes: last?.bytes ?? 0,
        accounted,
        grandTotal,
        agrees,
      },
      table: [
        {
          section: 'fullCost',
          case: 'all institutions',
          'full cost p50': fullCostSummary.p50,
          'full cost p95': fullCostSummary.p95,
          'consolidation p50': consolidationSummary.p50,
          'consolidation p95': consolidationSummary.p95,
          'ratio (p50)': ratio,
          institutions: last?.fullCost.institutions.length ?? 0,
          agrees: agrees ? 'yes' : 'NO',
        },
      ],
    };
  },
};
