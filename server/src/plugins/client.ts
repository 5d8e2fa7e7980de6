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
      await app.register(fastifyStatic, {
        root: clientDist,
        wildcard: false,
        index: 'index.html',
        // Built assets carry a content hash in their names; index.html must always be fresh.
        setHeaders: (response, filePath) => {
          response.header(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    } else {
      app.log.warn({ clientDist }, 'client is not built; run `npm run build` to serve it');
    }

    app.setNotFoundHandler((request, reply) => {
      const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api');
      if (built && wantsPage) {
        return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
      }
      return sendRouteNotFound(reply, request);
    });
  },
  { name: 'client', dependencies: ['problem'] },
);
