import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import {
  consolidationCrossQuerySchema,
  consolidationCrossSchema,
  consolidationQuerySchema,
  consolidationSchema,
} from '@ikt/shared/consolidation.schema';
import { contextOf } from '../../context';
import { requestLanguage } from '../../language';
import type { ConsolidationService } from './consolidation.service';

export const consolidationRoutes: FastifyPluginAsyncZod<{ service: ConsolidationService }> = async (
  app,
  { service },
) => {
  app.get(
    '/cycles/:id/consolidation',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'The consolidated budget by one dimension, per fiscal year, against last year',
        params: idParamsSchema,
        querystring: consolidationQuerySchema,
        response: { 200: consolidationSchema },
      },
    },
    (request) => service.consolidate(contextOf(request), request.params.id, request.query, requestLanguage(request)),
  );

  app.get(
    '/cycles/:id/consolidation/cross',
    {
      schema: {
        tags: ['consolidation'],
        summary: 'One fiscal year by two dimensions at once (institution × EKK by default); cells add up to the totals',
        params: idParamsSchema,
        querystring: consolidationCrossQuerySchema,
        response: { 200: consolidationCrossSchema },
      },
    },
    (request) => service.cross(contextOf(request), request.params.id, request.query, requestLanguage(request)),
  );
};
