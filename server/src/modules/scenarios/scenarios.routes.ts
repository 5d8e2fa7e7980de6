import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import {
  createScenarioInputSchema,
  scenarioCompareParamsSchema,
  scenarioComparisonSchema,
  scenarioListSchema,
  scenarioSchema,
} from '@ikt/shared/scenario.schema';
import { routesOf } from '../../http/route';
import type { ScenarioService } from './scenarios.service';

export const scenarioRoutes: FastifyPluginAsyncZod<{ service: ScenarioService }> = async (app, { service }) => {
  const route = routesOf(app, ['cut scenarios']);
  const one = { params: idParamsSchema, response: scenarioSchema } as const;

  route.post(
    '/cycles/:id/scenarios',
    {
      summary: 'Compute a cut scenario (priority or uniform); 422 with the largest possible reduction if infeasible',
      ...one,
      body: createScenarioInputSchema,
      created: true,
    },
    ({ context, params, body }) => service.create(context, params.id, body),
  );
  route.get(
    '/cycles/:id/scenarios',
    { summary: "A cycle's scenarios, newest first", params: idParamsSchema, response: scenarioListSchema },
    ({ context, params }) => service.list(context, params.id),
  );
  route.get('/scenarios/:id', { summary: 'A scenario with every cut and its impact', ...one }, ({ context, params }) =>
    service.get(context, params.id),
  );
  route.post(
    '/scenarios/:id/adopt',
    { summary: 'Adopt (council): apply the cuts in one transaction; 409 if the data changed since', ...one },
    ({ context, params }) => service.adopt(context, params.id),
  );
  route.get(
    '/scenarios/:id/compare/:otherId',
    {
      summary: 'Two scenarios side by side: the items and impacts each hits, per institution',
      params: scenarioCompareParamsSchema,
      response: scenarioComparisonSchema,
    },
    ({ context, params }) => service.compare(context, params.id, params.otherId),
  );
};
