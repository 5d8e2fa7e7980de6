import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { idParamsSchema } from '@ikt/shared/common.schema';
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
import { proposalInputSchema } from '@ikt/shared/stage.schema';
import { routesOf } from '../../http/route';
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
  const route = routesOf(app, ['line items']);
  const one = { params: idParamsSchema, response: lineItemSchema, etag: true } as const;

  route.get(
    '/sub-programmes/:id/line-items',
    { summary: "A sub-programme's items, by rank", params: idParamsSchema, response: lineItemListSchema },
    ({ context, params }) => service.list(context, params.id),
  );
  route.post(
    '/sub-programmes/:id/line-items',
    {
      summary: 'Add an item (a central item may name beneficiaries: institutions with shares adding up to 100 %)',
      ...one,
      body: createLineItemInputSchema,
      created: true,
    },
    ({ context, params, body }) => service.create(context, params.id, body),
  );
  route.post(
    '/sub-programmes/:id/line-items/batch',
    {
      summary: 'Add many items at once, all or none (422 lists every problem as items.<index>.<field>)',
      params: idParamsSchema,
      body: createLineItemBatchInputSchema,
      response: lineItemBatchSchema,
      created: true,
      options: { validatorCompiler: bodyCheckedByService, bodyLimit: BATCH_BODY_LIMIT },
    },
    async ({ context, params, request }) => ({
      items: await service.createMany(context, params.id, request.body),
    }),
  );
  route.get('/line-items/:id', { summary: 'One item (ETag: its version)', ...one }, ({ context, params }) =>
    service.get(context, params.id),
  );
  route.patch(
    '/line-items/:id',
    {
      summary: 'Change an item (If-Match required: stale → 412, missing → 428; beneficiaries named replace the list)',
      ...one,
      body: updateLineItemInputSchema,
    },
    ({ context, params, ifMatch, body }) => service.update(context, params.id, ifMatch, body),
  );
  route.delete(
    '/line-items/:id',
    { summary: 'Delete an item (If-Match required)', params: idParamsSchema },
    ({ context, params, ifMatch }) => service.remove(context, params.id, ifMatch),
  );
  route.post(
    '/line-items/:id/review',
    { summary: 'Accept or return an item (ITC)', ...one, body: reviewInputSchema },
    ({ context, params, body }) => service.review(context, params.id, body),
  );
  route.put(
    '/line-items/:id/proposal',
    {
      summary:
        "ITC's proposal on an item, with a reason code (If-Match; cycle in review or consolidated; the request stays)",
      ...one,
      body: proposalInputSchema,
    },
    ({ context, params, ifMatch, body }) => service.propose(context, params.id, ifMatch, body),
  );
  route.get(
    '/line-items/:id/comments',
    { summary: 'The defence dialogue on an item', params: idParamsSchema, response: commentListSchema },
    ({ context, params }) => service.listComments(context, params.id),
  );
  route.post(
    '/line-items/:id/comments',
    {
      summary: 'Comment on an item',
      params: idParamsSchema,
      body: commentInputSchema,
      response: commentSchema,
      created: true,
    },
    ({ context, params, body }) => service.addComment(context, params.id, body.body),
  );
  route.get(
    '/line-items/:id/history',
    { summary: "The item's audit events, oldest first", params: idParamsSchema, response: auditEventListSchema },
    ({ context, params }) => service.history(context, params.id),
  );
};
