import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from '@ikt/shared/auth.schema';
import { UnauthorizedError } from '../errors';
import type { AuthService } from '../modules/auth/auth.service';

export const SESSION_COOKIE = 'ikt_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    user: User | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in (health, sign-in, docs). */
    public?: boolean;
  }
}

/**
 * Reads the session cookie on every request; every /api route not marked public needs a live
 * session (401 otherwise). What a signed-in user may do is decided later, by `can()`.
 */
export const authenticationPlugin = fp<{ auth: AuthService }>(
  async (app: FastifyInstance, { auth }) => {
    await app.register(cookie);
    app.decorateRequest('user', null);
    app.addHook('onRequest', async (request) => {
      const needsSignIn =
        request.url.startsWith('/api/') &&
        !request.url.startsWith('/api/docs') &&
        !request.url.startsWith('/api/openapi.json') &&
        request.routeOptions.url !== undefined &&
        request.routeOptions.config.public !== true;
      // Public routes never look the session up: health must answer while the database is down.
      if (!needsSignIn) return;
      const token = request.cookies[SESSION_COOKIE];
      request.user = token ? await auth.resolve(token) : null;
      if (!request.user) {
        throw new UnauthorizedError({ lv: 'Nepieciešams pieteikties.', en: 'Sign-in required.' });
      }
    });
  },
  { name: 'authentication', dependencies: ['problem'] },
);
