import type { CreateScenarioInput } from '@ikt/shared/scenario.schema';

/**
 * The body of `POST /api/cycles/:id/scenarios`: a cut by `method` of `value` (per cent or euro,
 * by `kind`) off `fiscalYear`, by default 2027 (the demo open cycle's first year).
 */
export function scenarioInput(
  name: string,
  method: CreateScenarioInput['method'],
  kind: CreateScenarioInput['target']['kind'],
  value: string,
  fiscalYear = 2027,
): CreateScenarioInput {
  return { name, fiscalYear, method, target: { kind, value } };
}
