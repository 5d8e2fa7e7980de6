import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import { consolidationQuerySchema, consolidationSchema } from '@ikt/shared/consolidation.schema';
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
};
