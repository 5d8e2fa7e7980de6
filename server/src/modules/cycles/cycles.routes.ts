import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import {
  createCycleInputSchema,
  cycleListSchema,
  cycleSchema,
  cycleTransitionInputSchema,
  rolloverResultSchema,
  updateCycleInputSchema,
} from '@ikt/shared/cycle.schema';
import { routesOf } from '../../http/route';
import type { CycleService } from './cycles.service';

export const cycleRoutes: FastifyPluginAsyncZod<{ service: CycleService }> = async (app, { service }) => {
  const route = routesOf(app, ['cycles']);
  const one = { params: idParamsSchema, response: cycleSchema } as const;

  route.get('/cycles', { summary: 'Budget cycles, newest first', response: cycleListSchema }, ({ context }) =>
    service.list(context),
  );
  route.post(
    '/cycles',
    {
      summary: 'Create a cycle (ITC finance)',
      body: createCycleInputSchema,
      response: cycleSchema,
      created: true,
      etag: true,
    },
    ({ context, body }) => service.create(context, body),
  );
  route.get('/cycles/:id', { summary: 'One cycle', ...one, etag: true }, ({ context, params }) =>
    service.get(context, params.id),
  );
  route.patch(
    '/cycles/:id',
    { summary: 'Change title or deadline (needs If-Match)', ...one, body: updateCycleInputSchema, etag: true },
    ({ context, params, ifMatch, body }) => service.update(context, params.id, ifMatch, body),
  );
  route.post(
    '/cycles/:id/transition',
    {
      summary:
        'Move the cycle to another status (role-gated, audited); into consolidated or approved, 422 listing every sub-programme not accepted unless overrideReason is given',
      ...one,
      body: cycleTransitionInputSchema,
    },
    ({ context, params, body }) => service.transition(context, params.id, body),
  );
  route.post(
    '/cycles/:id/rollover',
    {
      summary: "Copy the base cycle's maintenance items as drafts, amounts shifted one year",
      params: idParamsSchema,
      response: rolloverResultSchema,
    },
    ({ context, params }) => service.rollover(context, params.id),
  );
};
