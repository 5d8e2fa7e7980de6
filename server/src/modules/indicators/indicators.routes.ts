import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import {
  fullCostIndicatorsSchema,
  indicatorInputsSchema,
  indicatorsAnswerSchema,
  indicatorsSchema,
} from '@ikt/shared/indicators.schema';
import { routesOf } from '../../http/route';
import { requestLanguage } from '../../language';
import type { IndicatorsService } from './indicators.service';

export const indicatorRoutes: FastifyPluginAsyncZod<{ service: IndicatorsService }> = async (app, { service }) => {
  const route = routesOf(app, ['indicators']);
  route.get(
    '/cycles/:id/indicators',
    {
      summary: 'M6 efficiency indicators beside the benchmarks and last year',
      description:
        'The city’s figures; an institution lead gets only its own institution’s ICT budget (scope `institution`) until the cycle is approved.',
      params: idParamsSchema,
      response: indicatorsAnswerSchema,
    },
    ({ context, params }) => service.read(context, params.id),
  );
  route.get(
    '/cycles/:id/indicators/full-cost',
    {
      summary: 'M6 cost per user and per computer of each institution on its full cost (own + allocated)',
      description:
        'The full cost is the institution’s own sub-programmes plus its share of the ITC central sub-programme (see `/cycles/{id}/full-cost`, the one computation); users and computers are the quantities recorded for the services counted in users and workstations. A lead gets its own institution’s row, the medians and the benchmarks.',
      params: idParamsSchema,
      response: fullCostIndicatorsSchema,
    },
    ({ context, params, request }) => service.fullCost(context, params.id, requestLanguage(request)),
  );
  route.put(
    '/cycles/:id/indicators',
    {
      summary: 'Set the M6 inputs (ITC finance)',
      params: idParamsSchema,
      body: indicatorInputsSchema,
      response: indicatorsSchema,
    },
    ({ context, params, body }) => service.set(context, params.id, body),
  );
};
