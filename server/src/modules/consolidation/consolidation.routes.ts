import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import {
  consolidationCrossQuerySchema,
  consolidationCrossSchema,
  consolidationQuerySchema,
  consolidationSchema,
} from '@ikt/shared/consolidation.schema';
import { routesOf } from '../../http/route';
import { requestLanguage } from '../../language';
import type { ConsolidationService } from './consolidation.service';

export const consolidationRoutes: FastifyPluginAsyncZod<{ service: ConsolidationService }> = async (
  app,
  { service },
) => {
  const route = routesOf(app, ['consolidation']);

  route.get(
    '/cycles/:id/consolidation',
    {
      summary: 'The consolidated budget by one dimension, per fiscal year, against last year',
      params: idParamsSchema,
      querystring: consolidationQuerySchema,
      response: consolidationSchema,
    },
    ({ context, params, query, request }) => service.consolidate(context, params.id, query, requestLanguage(request)),
  );

  route.get(
    '/cycles/:id/consolidation/cross',
    {
      summary: 'One fiscal year by two dimensions at once (institution × EKK by default); cells add up to the totals',
      params: idParamsSchema,
      querystring: consolidationCrossQuerySchema,
      response: consolidationCrossSchema,
    },
    ({ context, params, query, request }) => service.cross(context, params.id, query, requestLanguage(request)),
  );
};
