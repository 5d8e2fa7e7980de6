import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventListSchema, auditQuerySchema } from '@ikt/shared/audit.schema';
import { routesOf } from '../../http/route';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ service: AuditService }> = async (app, { service }) => {
  routesOf(app, ['audit']).get(
    '/audit',
    {
      summary: 'Audit events, newest first, by entity, actor and time (ITC finance, admin)',
      querystring: auditQuerySchema,
      response: auditEventListSchema,
    },
    ({ context, query }) => service.search(context, query),
  );
};
