import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie that carries a session's token: httpOnly, SameSite=Strict, Secure behind TLS. */
const SESSION_COOKIE = 'ikt_session';

/** The token the request's cookie carries, if any. */
export const sessionToken = (request: FastifyRequest): string | undefined => request.cookies[SESSION_COOKIE];

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, maxAge: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
