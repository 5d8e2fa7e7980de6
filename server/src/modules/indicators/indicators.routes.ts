import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, langQuerySchema } from '@ikt/shared/common.schema';
import { indicatorInputsSchema, indicatorsAnswerSchema, indicatorsSchema } from '@ikt/shared/indicators.schema';
import { contextOf } from '../../context';
import type { IndicatorsService } from './indicators.service';

export const indicatorRoutes: FastifyPluginAsyncZod<{ service: IndicatorsService }> = async (app, { service }) => {
  const tags = ['indicators'];
  app.get(
    '/cycles/:id/indicators',
    {
      schema: {
        tags,
        summary: 'M6 efficiency indicators beside the benchmarks and last year',
        description:
          'The city’s figures; an institution lead gets only its own institution’s ICT budget (scope `institution`) until the cycle is approved.',
        params: idParamsSchema,
        querystring: langQuerySchema,
        response: { 200: indicatorsAnswerSchema },
      },
    },
    (request) => service.read(contextOf(request), request.params.id),
  );
  app.put(
    '/cycles/:id/indicators',
    {
      schema: {
        tags,
        summary: 'Set the M6 inputs (ITC finance)',
        params: idParamsSchema,
        body: indicatorInputsSchema,
        response: { 200: indicatorsSchema },
      },
    },
    (request) => service.set(contextOf(request), request.params.id, request.body),
  );
};
