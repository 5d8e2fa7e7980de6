import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, langQuerySchema } from '@ikt/shared/common.schema';
import {
  createScenarioInputSchema,
  scenarioCompareParamsSchema,
  scenarioComparisonSchema,
  scenarioListSchema,
  scenarioSchema,
} from '@ikt/shared/scenario.schema';
import { contextOf } from '../../context';
import type { ScenarioService } from './scenarios.service';

export const scenarioRoutes: FastifyPluginAsyncZod<{ service: ScenarioService }> = async (app, { service }) => {
  const tags = ['cut scenarios'];

  app.post(
    '/cycles/:id/scenarios',
    {
      schema: {
        tags,
        summary: 'Compute a cut scenario (priority or uniform); 422 with the largest possible reduction if infeasible',
        params: idParamsSchema,
        body: createScenarioInputSchema,
        response: { 201: scenarioSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.create(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/cycles/:id/scenarios',
    {
      schema: {
        tags,
        summary: "A cycle's scenarios, newest first",
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: scenarioListSchema },
      },
    },
    (request) => service.list(contextOf(request), request.params.id),
  );

  app.get(
    '/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'A scenario with every cut and its impact',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: scenarioSchema },
      },
    },
    (request) => service.get(contextOf(request), request.params.id),
  );

  app.post(
    '/scenarios/:id/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt (council): apply the cuts in one transaction; 409 if the data changed since',
        params: idParamsSchema,
        response: { 200: scenarioSchema },
      },
    },
    (request) => service.adopt(contextOf(request), request.params.id),
  );

  app.get(
    '/scenarios/:id/compare/:otherId',
    {
      schema: {
        tags,
        summary: 'Two scenarios side by side: the items and impacts each hits, per institution',
        params: scenarioCompareParamsSchema,
        querystring: langQuerySchema,
        response: { 200: scenarioComparisonSchema },
      },
    },
    (request) => service.compare(contextOf(request), request.params.id, request.params.otherId),
  );
};
