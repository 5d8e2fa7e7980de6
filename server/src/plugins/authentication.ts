import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from '@ikt/shared/auth.schema';
import { UnauthorizedError } from '../errors';
import { message } from '../messages/message';
import type { AuthService } from '../modules/auth/auth.service';
import { sessionToken } from '../modules/auth/session-cookie';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    user: User | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in (health, sign-in, docs, the client's files). */
    public?: boolean;
  }
}

/**
 * Every route needs a live session (401 otherwise) unless its own config says `public: true`.
 * The decision is made on the route the router matched, never on the URL's text, so no spelling
 * of a path (`/%61pi/…`) reaches a route without it. What a signed-in user may do is decided
 * later, by `can()`.
 */
export const authenticationPlugin = fp<{ auth: AuthService }>(
  async (app: FastifyInstance, { auth }) => {
    await app.register(cookie);
    app.decorateRequest('user', null);
    app.addHook('onRequest', async (request) => {
      // No route matched: the not-found handler answers a 404 or the client's page, nothing to guard.
      // Public routes never look the session up: health must answer while the database is down.
      if (request.is404 || request.routeOptions.config.public === true) return;
      const token = sessionToken(request);
      request.user = token ? await auth.resolve(token) : null;
      if (!request.user) throw new UnauthorizedError(message('request.signInRequired'));
    });
  },
  { name: 'authentication', dependencies: ['problem'] },
);

/**
 * Registers a plugin of someone else's (the API docs, the static file server) whose every route
 * is public: its routes cannot carry our config themselves, so they are given it as they are added.
 */
export async function registerPublic<Options extends object>(
  app: FastifyInstance,
  plugin: FastifyPluginAsync<Options> | FastifyPluginCallback<Options>,
  options: Options,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route: RouteOptions) => {
      route.config = { ...route.config, public: true };
    });
    await scope.register(plugin, options);
  });
}
