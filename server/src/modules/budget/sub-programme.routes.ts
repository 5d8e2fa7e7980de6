import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, langQuerySchema } from '@ikt/shared/common.schema';
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
import { contextOf } from '../../context';
import { expectedVersion, setETag } from '../../http/etag';
import type { SubProgrammeService } from './sub-programme.service';

export const subProgrammeRoutes: FastifyPluginAsyncZod<{ service: SubProgrammeService }> = async (app, { service }) => {
  const tags = ['sub-programmes'];
  const answer = { 200: subProgrammeSchema };

  app.get(
    '/cycles/:id/sub-programmes',
    {
      schema: {
        tags,
        summary: "A cycle's sub-programmes with totals per fiscal year (a lead sees its own)",
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: subProgrammeListSchema },
      },
    },
    (request) => service.list(contextOf(request), request.params.id),
  );

  app.post(
    '/cycles/:id/sub-programmes',
    {
      schema: {
        tags,
        summary: 'Create a sub-programme',
        params: idParamsSchema,
        body: createSubProgrammeInputSchema,
        response: { 201: subProgrammeSchema },
      },
    },
    async (request, reply) => {
      const created = await service.create(contextOf(request), request.params.id, request.body);
      setETag(reply, created.version);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/sub-programmes/:id',
    {
      schema: {
        tags,
        summary: 'One sub-programme with totals',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: answer,
      },
    },
    async (request, reply) => {
      const subProgramme = await service.get(contextOf(request), request.params.id);
      setETag(reply, subProgramme.version);
      return subProgramme;
    },
  );

  app.patch(
    '/sub-programmes/:id',
    {
      schema: {
        tags,
        summary: 'Rename (needs If-Match)',
        params: idParamsSchema,
        body: updateSubProgrammeInputSchema,
        response: answer,
      },
    },
    async (request, reply) => {
      const updated = await service.update(
        contextOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setETag(reply, updated.version);
      return updated;
    },
  );

  app.post(
    '/sub-programmes/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit for review; 422 lists every problem of every item',
        params: idParamsSchema,
        response: answer,
      },
    },
    (request) => service.submit(contextOf(request), request.params.id),
  );

  app.post(
    '/sub-programmes/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a submission back to draft (its lead) while ITC has not started the review; 409 once it has',
        params: idParamsSchema,
        response: answer,
      },
    },
    (request) => service.withdraw(contextOf(request), request.params.id),
  );

  app.post(
    '/sub-programmes/:id/return',
    {
      schema: {
        tags,
        summary: 'Return to the institution with a comment (ITC)',
        params: idParamsSchema,
        body: returnInputSchema,
        response: answer,
      },
    },
    (request) => service.return(contextOf(request), request.params.id, request.body.comment),
  );

  app.post(
    '/sub-programmes/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept (ITC)',
        params: idParamsSchema,
        body: acceptInputSchema.optional(),
        response: answer,
      },
    },
    (request) => service.accept(contextOf(request), request.params.id, request.body?.comment),
  );

  app.get(
    '/sub-programmes/:id/changes',
    {
      schema: {
        tags,
        summary: 'Items added, removed and changed since the previous submission',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: subProgrammeChangesSchema },
      },
    },
    (request) => service.changes(contextOf(request), request.params.id),
  );

  app.get(
    '/sub-programmes/:id/line-item-comments',
    {
      schema: {
        tags,
        summary: "Every comment on the sub-programme's items, oldest first",
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: commentListSchema },
      },
    },
    (request) => service.itemComments(contextOf(request), request.params.id),
  );

  app.get(
    '/sub-programmes/:id/comments',
    {
      schema: {
        tags,
        summary: 'Review comments on the sub-programme',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: commentListSchema },
      },
    },
    (request) => service.comments(contextOf(request), request.params.id),
  );
};
