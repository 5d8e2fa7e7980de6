import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import { commentListSchema } from '@ikt/shared/line-item.schema';
import {
  acceptInputSchema,
  createSubProgrammeInputSchema,
  returnInputSchema,
  subProgrammeChangesSchema,
  subProgrammeListSchema,
  subProgrammeSchema,
  updateSubProgrammeInputSchema,
} from '@ikt/shared/sub-programme.schema';
import { routesOf } from '../../http/route';
import type { SubProgrammeService } from './sub-programme.service';

export const subProgrammeRoutes: FastifyPluginAsyncZod<{ service: SubProgrammeService }> = async (app, { service }) => {
  const route = routesOf(app, ['sub-programmes']);
  const one = { params: idParamsSchema, response: subProgrammeSchema } as const;
  const comments = { params: idParamsSchema, response: commentListSchema } as const;

  route.get(
    '/cycles/:id/sub-programmes',
    {
      summary: "A cycle's sub-programmes with totals per fiscal year (a lead sees its own)",
      params: idParamsSchema,
      response: subProgrammeListSchema,
    },
    ({ context, params }) => service.list(context, params.id),
  );
  route.post(
    '/cycles/:id/sub-programmes',
    { summary: 'Create a sub-programme', ...one, body: createSubProgrammeInputSchema, created: true, etag: true },
    ({ context, params, body }) => service.create(context, params.id, body),
  );
  route.get(
    '/sub-programmes/:id',
    { summary: 'One sub-programme with totals', ...one, etag: true },
    ({ context, params }) => service.get(context, params.id),
  );
  route.patch(
    '/sub-programmes/:id',
    { summary: 'Rename (needs If-Match)', ...one, body: updateSubProgrammeInputSchema, etag: true },
    ({ context, params, ifMatch, body }) => service.update(context, params.id, ifMatch, body),
  );
  route.post(
    '/sub-programmes/:id/submit',
    { summary: 'Submit for review; 422 lists every problem of every item', ...one },
    ({ context, params }) => service.submit(context, params.id),
  );
  route.post(
    '/sub-programmes/:id/withdraw',
    {
      summary: 'Withdraw a submission back to draft (its lead) while ITC has not started the review; 409 once it has',
      ...one,
    },
    ({ context, params }) => service.withdraw(context, params.id),
  );
  route.post(
    '/sub-programmes/:id/return',
    { summary: 'Return to the institution with a comment (ITC)', ...one, body: returnInputSchema },
    ({ context, params, body }) => service.return(context, params.id, body.comment),
  );
  route.post(
    '/sub-programmes/:id/accept',
    { summary: 'Accept (ITC)', ...one, body: acceptInputSchema.optional() },
    ({ context, params, body }) => service.accept(context, params.id, body?.comment),
  );
  route.get(
    '/sub-programmes/:id/changes',
    {
      summary: 'Items added, removed and changed since the previous submission',
      params: idParamsSchema,
      response: subProgrammeChangesSchema,
    },
    ({ context, params }) => service.changes(context, params.id),
  );
  route.get(
    '/sub-programmes/:id/line-item-comments',
    { summary: "Every comment on the sub-programme's items, oldest first", ...comments },
    ({ context, params }) => service.itemComments(context, params.id),
  );
  route.get(
    '/sub-programmes/:id/comments',
    { summary: 'Review comments on the sub-programme', ...comments },
    ({ context, params }) => service.comments(context, params.id),
  );
};
