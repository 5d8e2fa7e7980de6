import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, langQuerySchema } from '@ikt/shared/common.schema';
import {
  createCycleInputSchema,
  cycleListSchema,
  cycleSchema,
  cycleTransitionInputSchema,
  rolloverResultSchema,
  updateCycleInputSchema,
} from '@ikt/shared/cycle.schema';
import { contextOf } from '../../context';
import { expectedVersion, setETag } from '../../http/etag';
import type { CycleService } from './cycles.service';

export const cycleRoutes: FastifyPluginAsyncZod<{ service: CycleService }> = async (app, { service }) => {
  const tags = ['cycles'];

  app.get(
    '/cycles',
    {
      schema: {
        tags,
        summary: 'Budget cycles, newest first',
        querystring: langQuerySchema,
        response: { 200: cycleListSchema },
      },
    },
    (request) => service.list(contextOf(request)),
  );

  app.post(
    '/cycles',
    {
      schema: {
        tags,
        summary: 'Create a cycle (ITC finance)',
        body: createCycleInputSchema,
        response: { 201: cycleSchema },
      },
    },
    async (request, reply) => {
      const cycle = await service.create(contextOf(request), request.body);
      setETag(reply, cycle.version);
      return reply.code(201).send(cycle);
    },
  );

  app.get(
    '/cycles/:id',
    {
      schema: {
        tags,
        summary: 'One cycle',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: cycleSchema },
      },
    },
    async (request, reply) => {
      const cycle = await service.get(contextOf(request), request.params.id);
      setETag(reply, cycle.version);
      return cycle;
    },
  );

  app.patch(
    '/cycles/:id',
    {
      schema: {
        tags,
        summary: 'Change title or deadline (needs If-Match)',
        params: idParamsSchema,
        body: updateCycleInputSchema,
        response: { 200: cycleSchema },
      },
    },
    async (request, reply) => {
      const cycle = await service.update(contextOf(request), request.params.id, expectedVersion(request), request.body);
      setETag(reply, cycle.version);
      return cycle;
    },
  );

  app.post(
    '/cycles/:id/transition',
    {
      schema: {
        tags,
        summary:
          'Move the cycle to another status (role-gated, audited); into consolidated or approved, 422 listing every sub-programme not accepted unless overrideReason is given',
        params: idParamsSchema,
        body: cycleTransitionInputSchema,
        response: { 200: cycleSchema },
      },
    },
    (request) => service.transition(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/cycles/:id/rollover',
    {
      schema: {
        tags,
        summary: "Copy the base cycle's maintenance items as drafts, amounts shifted one year",
        params: idParamsSchema,
        response: { 200: rolloverResultSchema },
      },
    },
    (request) => service.rollover(contextOf(request), request.params.id),
  );
};
