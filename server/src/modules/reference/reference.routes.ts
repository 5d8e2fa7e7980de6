import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, langQuerySchema } from '@ikt/shared/common.schema';
import {
  actionDirectionListSchema,
  benchmarkListSchema,
  catalogueCodeParamsSchema,
  createEkkCodeInputSchema,
  createIctServiceInputSchema,
  createInformationSystemInputSchema,
  createInstitutionInputSchema,
  ekkCodeListQuerySchema,
  ekkCodeListSchema,
  ekkCodeParamsSchema,
  ekkCodeSchema,
  goalListSchema,
  ictServiceListSchema,
  ictServiceSchema,
  informationSystemListSchema,
  informationSystemSchema,
  institutionListSchema,
  institutionSchema,
  updateEkkCodeInputSchema,
  updateIctServiceInputSchema,
  updateInformationSystemInputSchema,
  updateInstitutionInputSchema,
} from '@ikt/shared/reference.schema';
import { contextOf } from '../../context';
import type { ReferenceService } from './reference.service';

/** Everyone signed in reads reference data; an administrator maintains it. */
export const referenceRoutes: FastifyPluginAsyncZod<{ service: ReferenceService }> = async (app, { service }) => {
  const tags = ['reference data'];
  const list = (summary: string, response: object) => ({
    schema: { tags, summary, querystring: langQuerySchema, response: { 200: response } },
  });

  app.get('/institutions', list('Institutions', institutionListSchema), () => service.listInstitutions());
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
  app.get('/goals', list('Goals M1–M7', goalListSchema), () => service.listGoals());
  app.get('/action-directions', list('Action directions R1–R6', actionDirectionListSchema), () =>
    service.listActionDirections(),
  );
  app.get('/ict-services', list('ITC service catalogue', ictServiceListSchema), () => service.listIctServices());
  app.get('/information-systems', list('Information systems', informationSystemListSchema), () =>
    service.listInformationSystems(),
  );
  app.get('/benchmarks', list('M6 benchmark figures', benchmarkListSchema), () => service.listBenchmarks());

  app.post(
    '/ekk-codes',
    {
      schema: {
        tags,
        summary: 'Add an EKK code (admin)',
        body: createEkkCodeInputSchema,
        response: { 201: ekkCodeSchema },
      },
    },
    async (request, reply) => {
      await service.createEkkCode(contextOf(request), request.body);
      return reply.code(201).send(await service.findEkkCode(request.body.code));
    },
  );
  app.patch(
    '/ekk-codes/:code',
    {
      schema: {
        tags,
        summary: 'Rename, mark selectable, retire an EKK code (admin)',
        params: ekkCodeParamsSchema,
        body: updateEkkCodeInputSchema,
        response: { 200: ekkCodeSchema },
      },
    },
    async (request) => {
      await service.updateEkkCode(contextOf(request), request.params.code, request.body);
      return service.findEkkCode(request.params.code);
    },
  );
  app.post(
    '/ict-services',
    {
      schema: {
        tags,
        summary: 'Add an ICT service (admin)',
        body: createIctServiceInputSchema,
        response: { 201: ictServiceSchema },
      },
    },
    async (request, reply) => {
      await service.createIctService(contextOf(request), request.body);
      return reply.code(201).send(await service.findIctService(request.body.code));
    },
  );
  app.patch(
    '/ict-services/:code',
    {
      schema: {
        tags,
        summary: 'Change an ICT service (admin)',
        params: catalogueCodeParamsSchema,
        body: updateIctServiceInputSchema,
        response: { 200: ictServiceSchema },
      },
    },
    async (request) => {
      await service.updateIctService(contextOf(request), request.params.code, request.body);
      return service.findIctService(request.params.code);
    },
  );
  app.post(
    '/information-systems',
    {
      schema: {
        tags,
        summary: 'Add an information system (admin)',
        body: createInformationSystemInputSchema,
        response: { 201: informationSystemSchema },
      },
    },
    async (request, reply) => {
      await service.createInformationSystem(contextOf(request), request.body);
      return reply.code(201).send(await service.findInformationSystem(request.body.code));
    },
  );
  app.patch(
    '/information-systems/:code',
    {
      schema: {
        tags,
        summary: 'Change an information system (admin)',
        params: catalogueCodeParamsSchema,
        body: updateInformationSystemInputSchema,
        response: { 200: informationSystemSchema },
      },
    },
    async (request) => {
      await service.updateInformationSystem(contextOf(request), request.params.code, request.body);
      return service.findInformationSystem(request.params.code);
    },
  );
  app.post(
    '/institutions',
    {
      schema: {
        tags,
        summary: 'Add an institution (admin)',
        body: createInstitutionInputSchema,
        response: { 201: institutionSchema },
      },
    },
    async (request, reply) => {
      const id = await service.createInstitution(contextOf(request), request.body);
      return reply.code(201).send(await service.findInstitution(id));
    },
  );
  app.patch(
    '/institutions/:id',
    {
      schema: {
        tags,
        summary: 'Rename or deactivate an institution (admin)',
        params: idParamsSchema,
        body: updateInstitutionInputSchema,
        response: { 200: institutionSchema },
      },
    },
    async (request) => {
      await service.updateInstitution(contextOf(request), request.params.id, request.body);
      return service.findInstitution(request.params.id);
    },
  );
};
