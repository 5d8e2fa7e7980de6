import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { registerPublic } from './authentication';

/**
 * The docs page's own policy. Its HTML loads only its own scripts (no inline script, no eval);
 * Swagger UI writes style attributes, so styles may be inline; "Try it out" calls this origin.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The OpenAPI document is generated from the same zod schemas that validate requests. */
export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'IKT budžets API',
          description: 'Riga municipal ICT budget: sub-programmes, defended line items, review and consolidation.',
          version: '0.1.0',
        },
      },
      transform: jsonSchemaTransform,
    });
    // The API's description is no secret; reading it needs no sign-in.
    await registerPublic(app, swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CONTENT_SECURITY_POLICY });
    app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  },
  { name: 'openapi' },
);
