import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  changePasswordInputSchema,
  loginInputSchema,
  meSchema,
  sessionListSchema,
  sessionParamsSchema,
} from '@ikt/shared/auth.schema';
import { langQuerySchema } from '@ikt/shared/common.schema';
import { contextOf } from '../../context';
import type { AuthService } from './auth.service';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';

/** The session cookie's token; on a route that needs a session, authentication has found it live. */
const tokenOf = (request: FastifyRequest) => sessionToken(request) ?? '';

const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
  requestId: request.id,
});

export const authRoutes: FastifyPluginAsyncZod<{ service: AuthService }> = async (app, { service }) => {
  const tags = ['sign-in'];

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        description:
          'At most LOGIN_MAX_FAILURES_PER_ACCOUNT failures per account in the window (then 429 with Retry-After); ' +
          'an address past LOGIN_MAX_FAILURES_PER_ADDRESS failures is slowed down, not refused.',
        body: loginInputSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { user, token } = await service.login({
        ...request.body,
        ...clientOf(request),
        previousToken: sessionToken(request),
      });
      setSessionCookie(reply, request, token, service.sessionMaxAgeSeconds);
      return { user };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags, summary: 'Sign out; the session ends on the server' } },
    async (request, reply) => {
      await service.logout(sessionToken(request), request.id);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.get('/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: meSchema } } }, (request) => {
    contextOf(request);
    return { user: request.user! };
  });

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change one’s own password; every other session of the user ends',
        description:
          'The current password is checked under the same per-account limit as a sign-in (429 with Retry-After); ' +
          'a wrong one is 422 with an error on body.currentPassword.',
        body: changePasswordInputSchema,
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      await service.changePassword({
        ...request.body,
        ...clientOf(request),
        context,
        email: request.user!.email,
        token: tokenOf(request),
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary: 'The signed-in user’s live sessions, the current one marked',
        querystring: langQuerySchema,
        response: { 200: sessionListSchema },
      },
    },
    (request) => service.listSessions(contextOf(request), tokenOf(request)),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End one of the signed-in user’s sessions (404 for anyone else’s)',
        params: sessionParamsSchema,
        querystring: langQuerySchema,
      },
    },
    async (request, reply) => {
      const { current } = await service.endSession(contextOf(request), tokenOf(request), request.params.id);
      if (current) clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );
};
