import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import { indicatorInputsSchema, indicatorsAnswerSchema, indicatorsSchema } from '@ikt/shared/indicators.schema';
import { routesOf } from '../../http/route';
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
