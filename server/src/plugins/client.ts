import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendRouteNotFound } from './problem';

/**
 * Serves the built client at / and answers index.html for the client's own routes, so a deep
 * link or a reload works. Anything under /api that no route matched stays a problem+json 404.
 */
export const clientPlugin = fp<{ clientDist: string }>(
  async (app: FastifyInstance, { clientDist }) => {
    const indexHtml = path.join(clientDist, 'index.html');
    const built = existsSync(indexHtml);
    if (built) {
      await app.register(fastifyStatic, { root: clientDist, wildcard: false, index: 'index.html' });
    } else {
      app.log.warn({ clientDist }, 'client is not built; run `npm run build` to serve it');
    }

    app.setNotFoundHandler((request, reply) => {
      const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api');
      if (built && wantsPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
      return sendRouteNotFound(reply, request);
    });
  },
  { name: 'client', dependencies: ['problem'] },
);
