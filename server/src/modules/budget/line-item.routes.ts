import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { idParamsSchema, langQuerySchema } from '@ikt/shared/common.schema';
import {
  commentInputSchema,
  commentListSchema,
  commentSchema,
  createLineItemBatchInputSchema,
  createLineItemInputSchema,
  lineItemBatchSchema,
  lineItemListSchema,
  lineItemSchema,
  reviewInputSchema,
  updateLineItemInputSchema,
} from '@ikt/shared/line-item.schema';
import { contextOf } from '../../context';
import { expectedVersion, setETag } from '../../http/etag';
import type { LineItemService } from './line-item.service';

/**
 * The batch body is documented here but checked by the service: its access rules answer first
 * (404, 403, 409), then every problem of every item at once (422), not the first one as a 400.
 */
function bodyCheckedByService<S>(route: Parameters<FastifySchemaCompiler<S>>[0]): ReturnType<FastifySchemaCompiler<S>> {
  if (route.httpPart === 'body') return (data) => ({ value: data });
  // Fastify types a route's compiler over the whole schema; it is called with one part's schema.
  return validatorCompiler(route as unknown as Parameters<FastifySchemaCompiler<z.ZodType>>[0]);
}

/** 1000 pasted rows with their defence texts; the app's default limit is 1 MB. */
const BATCH_BODY_LIMIT = 8 * 1024 * 1024;

export const lineItemRoutes: FastifyPluginAsyncZod<{ service: LineItemService }> = async (app, { service }) => {
  const tags = ['line items'];

  app.get(
    '/sub-programmes/:id/line-items',
    {
      schema: {
        tags,
        summary: "A sub-programme's items, by rank",
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: lineItemListSchema },
      },
    },
    (request) => service.list(contextOf(request), request.params.id),
  );

  app.post(
    '/sub-programmes/:id/line-items',
    {
      schema: {
        tags,
        summary: 'Add an item',
        params: idParamsSchema,
        body: createLineItemInputSchema,
        response: { 201: lineItemSchema },
      },
    },
    async (request, reply) => {
      const item = await service.create(contextOf(request), request.params.id, request.body);
      setETag(reply, item.version);
      return reply.code(201).send(item);
    },
  );

  app.post(
    '/sub-programmes/:id/line-items/batch',
    {
      schema: {
        tags,
        summary: 'Add many items at once, all or none (422 lists every problem as items.<index>.<field>)',
        params: idParamsSchema,
        body: createLineItemBatchInputSchema,
        response: { 201: lineItemBatchSchema },
      },
      validatorCompiler: bodyCheckedByService,
      bodyLimit: BATCH_BODY_LIMIT,
    },
    async (request, reply) => {
      const items = await service.createMany(contextOf(request), request.params.id, request.body as unknown);
      return reply.code(201).send({ items });
    },
  );

  app.get(
    '/line-items/:id',
    {
      schema: {
        tags,
        summary: 'One item (ETag: its version)',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: lineItemSchema },
      },
    },
    async (request, reply) => {
      const item = await service.get(contextOf(request), request.params.id);
      setETag(reply, item.version);
      return item;
    },
  );

  app.patch(
    '/line-items/:id',
    {
      schema: {
        tags,
        summary: 'Change an item (If-Match required: stale → 412, missing → 428)',
        params: idParamsSchema,
        body: updateLineItemInputSchema,
        response: { 200: lineItemSchema },
      },
    },
    async (request, reply) => {
      const item = await service.update(contextOf(request), request.params.id, expectedVersion(request), request.body);
      setETag(reply, item.version);
      return item;
    },
  );

  app.delete(
    '/line-items/:id',
    { schema: { tags, summary: 'Delete an item (If-Match required)', params: idParamsSchema } },
    async (request, reply) => {
      await service.remove(contextOf(request), request.params.id, expectedVersion(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/line-items/:id/review',
    {
      schema: {
        tags,
        summary: 'Accept or return an item (ITC)',
        params: idParamsSchema,
        body: reviewInputSchema,
        response: { 200: lineItemSchema },
      },
    },
    async (request, reply) => {
      const item = await service.review(contextOf(request), request.params.id, request.body);
      setETag(reply, item.version);
      return item;
    },
  );

  app.get(
    '/line-items/:id/comments',
    {
      schema: {
        tags,
        summary: 'The defence dialogue on an item',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: commentListSchema },
      },
    },
    (request) => service.listComments(contextOf(request), request.params.id),
  );

  app.post(
    '/line-items/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on an item',
        params: idParamsSchema,
        body: commentInputSchema,
        response: { 201: commentSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addComment(contextOf(request), request.params.id, request.body.body)),
  );

  app.get(
    '/line-items/:id/history',
    {
      schema: {
        tags,
        summary: "The item's audit events, oldest first",
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: auditEventListSchema },
      },
    },
    (request) => service.history(contextOf(request), request.params.id),
  );
};
