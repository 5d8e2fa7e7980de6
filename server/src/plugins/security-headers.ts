import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The headers every answer carries, also the ones written straight to a socket (see
 * `answerClientError`). A plugin that needs another policy for its own pages (the API docs) sets
 * its Content-Security-Policy after these in its own scope.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
};

/** A year, as browsers and the HSTS preload list expect at least. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Sets the headers on one answer; the hook below calls it, and so does Fastify's frameworkErrors handler. */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  // Over TLS only (RFC 6797 §7.2); behind a proxy, `protocol` believes X-Forwarded-Proto only
  // from the addresses TRUST_PROXY names.
  if (request.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  // Answers are not kept by browsers or proxies unless their route chose otherwise (the client's
  // hashed assets, its page); the decision does not depend on how the path was spelled.
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}

export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply) => {
      setSecurityHeaders(request, reply);
    });
  },
  { name: 'security-headers' },
);
