import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { registerPublic } from './authentication';
import { sendRouteNotFound } from './problem';

/**
 * Whether a path no route matched was meant for the API, however it is spelled (`/API/…`,
 * `/%61pi/…`, `/x/../api/…`): such a path answers a problem+json 404, never the client's page.
 */
function looksLikeApi(request: FastifyRequest): boolean {
  let pathname: string;
  try {
    // The URL parser resolves dot segments (also percent-encoded ones) the way a browser would;
    // an absolute-form target (`GET http://host/api/…`) is parsed as it stands.
    const target = request.url.startsWith('/') ? `http://server.invalid${request.url}` : request.url;
    pathname = decodeURIComponent(new URL(target).pathname);
  } catch {
    return true;
  }
  const normalised = pathname.replace(/\/{2,}/g, '/').toLowerCase();
  return normalised === '/api' || normalised.startsWith('/api/');
}

/**
 * Serves the built client at / and answers index.html for the client's own routes, so a deep
 * link or a reload works. Anything meant for the API that no route matched stays a problem+json 404.
 */
export const clientPlugin = fp<{ clientDist: string }>(
  async (app: FastifyInstance, { clientDist }) => {
    const indexHtml = path.join(clientDist, 'index.html');
    const built = existsSync(indexHtml);
    if (built) {
      const files: FastifyStaticOptions = {
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
      };
      // reply.sendFile for the not-found handler below; the files' own routes are public.
      await app.register(fastifyStatic, { ...files, serve: false });
      await registerPublic(app, fastifyStatic, { ...files, decorateReply: false });
    } else {
      app.log.warn({ clientDist }, 'client is not built; run `npm run build` to serve it');
    }

    app.setNotFoundHandler((request, reply) => {
      const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !looksLikeApi(request);
      if (built && wantsPage) {
        return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
      }
      return sendRouteNotFound(reply, request);
    });
  },
  { name: 'client', dependencies: ['problem'] },
);
