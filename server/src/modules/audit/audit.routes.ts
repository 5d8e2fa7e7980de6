import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventListSchema, auditQuerySchema } from '@ikt/shared/audit.schema';
import { contextOf } from '../../context';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ service: AuditService }> = async (app, { service }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first, by entity, actor and time (ITC finance, admin)',
        querystring: auditQuerySchema,
        response: { 200: auditEventListSchema },
      },
    },
    (request) => service.search(contextOf(request), request.query),
  );
};
