import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginInputSchema, meSchema } from '@ikt/shared/auth.schema';
import { SESSION_COOKIE } from '../../plugins/authentication';
import { contextOf } from '../../context';
import type { AuthService } from './auth.service';

export const authRoutes: FastifyPluginAsyncZod<{ service: AuthService }> = async (app, { service }) => {
  const tags = ['sign-in'];

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: loginInputSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { user, token } = await service.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: service.sessionMaxAgeSeconds,
      });
      return { user };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags, summary: 'Sign out; the session ends on the server' } },
    async (request, reply) => {
      await service.logout(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get('/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: meSchema } } }, (request) => {
    contextOf(request);
    return { user: request.user! };
  });
};
