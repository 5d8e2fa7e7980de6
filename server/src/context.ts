import type { FastifyRequest } from 'fastify';
import type { Actor } from '@ikt/shared/permissions';
import { UnauthorizedError } from './errors';
import { message } from './messages/message';

/** Who is asking and under which request id: what every service method needs for rules and audit. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const user = request.user;
  if (!user) throw new UnauthorizedError(message('request.signInRequired'));
  return { actor: { id: user.id, role: user.role, institutionId: user.institutionId }, requestId: request.id };
}
