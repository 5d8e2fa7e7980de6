import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  actionDirectionListSchema,
  benchmarkListSchema,
  ekkCodeListQuerySchema,
  ekkCodeListSchema,
  goalListSchema,
  ictServiceListSchema,
  informationSystemListSchema,
  institutionListSchema,
  plainListQuerySchema,
} from '@ikt/shared/reference.schema';
import type { ReferenceService } from './reference.service';

export const referenceRoutes: FastifyPluginAsyncZod<{ service: ReferenceService }> = async (app, { service }) => {
  const tags = ['reference data'];

  app.get(
    '/institutions',
    {
      schema: {
        tags,
        summary: 'Institutions',
        querystring: plainListQuerySchema,
        response: { 200: institutionListSchema },
      },
    },
    () => service.listInstitutions(),
  );
  app.get(
    '/ekk-codes',
    {
      schema: {
        tags,
        summary: 'Economic classification (EKK) codes in hierarchy order',
        querystring: ekkCodeListQuerySchema,
        response: { 200: ekkCodeListSchema },
      },
    },
    (request) => service.listEkkCodes(request.query),
  );
  app.get(
    '/goals',
    { schema: { tags, summary: 'Goals M1–M7', querystring: plainListQuerySchema, response: { 200: goalListSchema } } },
    () => service.listGoals(),
  );
  app.get(
    '/action-directions',
    {
      schema: {
        tags,
        summary: 'Action directions R1–R6',
        querystring: plainListQuerySchema,
        response: { 200: actionDirectionListSchema },
      },
    },
    () => service.listActionDirections(),
  );
  app.get(
    '/ict-services',
    {
      schema: {
        tags,
        summary: 'ITC service catalogue',
        querystring: plainListQuerySchema,
        response: { 200: ictServiceListSchema },
      },
    },
    () => service.listIctServices(),
  );
  app.get(
    '/information-systems',
    {
      schema: {
        tags,
        summary: 'Information systems',
        querystring: plainListQuerySchema,
        response: { 200: informationSystemListSchema },
      },
    },
    () => service.listInformationSystems(),
  );
  app.get(
    '/benchmarks',
    {
      schema: {
        tags,
        summary: 'M6 benchmark figures',
        querystring: plainListQuerySchema,
        response: { 200: benchmarkListSchema },
      },
    },
    () => service.listBenchmarks(),
  );
};
