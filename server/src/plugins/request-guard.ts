import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ForbiddenError } from '../errors';
import { message } from '../messages/message';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection on top of SameSite=Strict cookies: a state-changing request that a browser
 * marks as coming from another site, or whose Origin is not the app's own, is refused (403).
 * Only JSON bodies are accepted (415 otherwise) — routes that take files opt in themselves.
 */
export const requestGuardPlugin = fp<{ allowedOrigins: string[] }>(
  async (app: FastifyInstance, { allowedOrigins }) => {
    app.removeContentTypeParser('text/plain');

    app.addHook('onRequest', async (request) => {
      if (!STATE_CHANGING.has(request.method)) return;
      const fetchSite = request.headers['sec-fetch-site'];
      const origin = request.headers.origin;
      const ownOrigin = `${request.protocol}://${request.host}`;
      const foreignOrigin = origin !== undefined && origin !== ownOrigin && !allowedOrigins.includes(origin);
      if (fetchSite === 'cross-site' || foreignOrigin) throw new ForbiddenError(message('request.crossSite'));
    });
  },
  { name: 'request-guard', dependencies: ['problem'] },
);
