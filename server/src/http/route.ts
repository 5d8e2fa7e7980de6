import type { FastifyReply, FastifyRequest, HTTPMethods, RouteShorthandOptions } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { langQuerySchema } from '@ikt/shared/common.schema';
import { contextOf, type RequestContext } from '../context';
import { expectedVersion, setETag, type ExpectedVersion } from './etag';

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];
type Part = z.ZodType | undefined;
/** A request part as its schema parsed it. */
export type Parsed<S extends Part> = S extends z.ZodType ? z.output<S> : undefined;
/** What the handler answers: what the response schema serialises, or nothing (204). */
export type Answer<R extends Part> = R extends z.ZodType ? z.input<R> : void;

/** What a handler is given: who asks, and the request's parts as the route's schemas parsed them. */
export interface RouteCall<P extends Part, Q extends Part, B extends Part> {
  context: RequestContext;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** What `If-Match` says a change is based on; the service checks it (after visibility). */
  ifMatch: ExpectedVersion;
  request: FastifyRequest;
}

export interface RouteSpec<P extends Part, Q extends Part, B extends Part, R extends Part> {
  summary: string;
  description?: string;
  params?: P;
  /** The query's schema; a GET that names none takes the language switch (`?lang=`). */
  querystring?: Q;
  body?: B;
  /** The answer's schema: 200, or 201 when `created`. Without one the answer is 204 No Content. */
  response?: R;
  created?: true;
  /** Send the answer's version as its ETag (what a later If-Match names). */
  etag?: Answer<R> extends { version: number } ? true : never;
  /** Fastify's own route options where one route needs its own (a larger body, its own validation). */
  options?: Pick<RouteShorthandOptions, 'bodyLimit' | 'validatorCompiler'>;
}

/**
 * The shape every signed-in JSON route has, written once: schemas (which validate, serialise and
 * document the route in OpenAPI), the caller's context, one service call, and the answer with its
 * status and ETag. A module's routes file is then a list of what each route is and which service
 * method answers it.
 */
export function routesOf(app: ZodApp, tags: string[]) {
  const add =
    (method: HTTPMethods) =>
    <P extends Part = undefined, Q extends Part = undefined, B extends Part = undefined, R extends Part = undefined>(
      url: string,
      spec: RouteSpec<P, Q, B, R>,
      handler: (call: RouteCall<P, Q, B>) => Promise<Answer<R>>,
    ): void => {
      const { summary, description, params, body, response, created, etag, options } = spec;
      const querystring = spec.querystring ?? (method === 'GET' ? langQuerySchema : undefined);
      app.route({
        method,
        url,
        ...options,
        schema: {
          tags,
          summary,
          ...(description === undefined ? {} : { description }),
          ...(params === undefined ? {} : { params }),
          ...(querystring === undefined ? {} : { querystring }),
          ...(body === undefined ? {} : { body }),
          ...(response === undefined ? {} : { response: { [created ? 201 : 200]: response } }),
        },
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          const answer = await handler({
            context: contextOf(request),
            params: request.params as Parsed<P>,
            query: request.query as Parsed<Q>,
            body: request.body as Parsed<B>,
            ifMatch: expectedVersion(request),
            request,
          });
          if (response === undefined) return reply.code(204).send();
          if (etag) setETag(reply, (answer as { version: number }).version);
          return reply.code(created ? 201 : 200).send(answer);
        },
      });
    };
  return { get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
}
