import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import {
  actionDirectionListSchema,
  benchmarkListSchema,
  catalogueCodeParamsSchema,
  createEkkCodeInputSchema,
  createIctServiceInputSchema,
  createInformationSystemInputSchema,
  createInstitutionInputSchema,
  createTbmCategoryInputSchema,
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
  tbmCategoryListSchema,
  tbmCategoryParamsSchema,
  tbmCategorySchema,
  updateEkkCodeInputSchema,
  updateIctServiceInputSchema,
  updateInformationSystemInputSchema,
  updateInstitutionInputSchema,
  updateTbmCategoryInputSchema,
} from '@ikt/shared/reference.schema';
import type { RequestContext } from '../../context';
import { routesOf, type Answer, type Parsed } from '../../http/route';
import type { ReferenceService } from './reference.service';

/** One list an administrator maintains: how its entries are named in a URL, added and changed. */
interface MaintainedList<P extends z.ZodType, C extends z.ZodType, U extends z.ZodType, E extends z.ZodType> {
  params: P;
  entry: E;
  create: C;
  update: U;
  added: string;
  changed: string;
  add(context: RequestContext, input: Parsed<C>): Promise<Answer<E>>;
  change(context: RequestContext, params: Parsed<P>, input: Parsed<U>): Promise<Answer<E>>;
}

/** Everyone signed in reads reference data; an administrator maintains it. */
export const referenceRoutes: FastifyPluginAsyncZod<{ service: ReferenceService }> = async (app, { service }) => {
  const route = routesOf(app, ['reference data']);

  route.get('/institutions', { summary: 'Institutions', response: institutionListSchema }, () =>
    service.listInstitutions(),
  );
  route.get(
    '/ekk-codes',
    {
      summary: 'Economic classification (EKK) codes in hierarchy order',
      querystring: ekkCodeListQuerySchema,
      response: ekkCodeListSchema,
    },
    ({ query }) => service.listEkkCodes(query),
  );
  route.get('/goals', { summary: 'Goals M1–M7', response: goalListSchema }, () => service.listGoals());
  route.get('/action-directions', { summary: 'Action directions R1–R6', response: actionDirectionListSchema }, () =>
    service.listActionDirections(),
  );
  route.get('/ict-services', { summary: 'ITC service catalogue', response: ictServiceListSchema }, () =>
    service.listIctServices(),
  );
  route.get('/information-systems', { summary: 'Information systems', response: informationSystemListSchema }, () =>
    service.listInformationSystems(),
  );
  route.get('/benchmarks', { summary: 'M6 benchmark figures', response: benchmarkListSchema }, () =>
    service.listBenchmarks(),
  );

  /** Adding an entry (201) and changing one (200); both answer the entry as the list shows it. */
  function maintained<P extends z.ZodType, C extends z.ZodType, U extends z.ZodType, E extends z.ZodType>(
    path: string,
    key: string,
    list: MaintainedList<P, C, U, E>,
  ): void {
    route.post(
      path,
      { summary: list.added, body: list.create, response: list.entry, created: true },
      ({ context, body }) => list.add(context, body),
    );
    route.patch(
      `${path}/:${key}`,
      { summary: list.changed, params: list.params, body: list.update, response: list.entry },
      ({ context, params, body }) => list.change(context, params, body),
    );
  }

  maintained('/ekk-codes', 'code', {
    params: ekkCodeParamsSchema,
    entry: ekkCodeSchema,
    create: createEkkCodeInputSchema,
    update: updateEkkCodeInputSchema,
    added: 'Add an EKK code (admin)',
    changed: 'Rename, mark selectable, retire an EKK code (admin)',
    add: service.createEkkCode,
    change: (context, { code }, input) => service.updateEkkCode(context, code, input),
  });
  maintained('/ict-services', 'code', {
    params: catalogueCodeParamsSchema,
    entry: ictServiceSchema,
    create: createIctServiceInputSchema,
    update: updateIctServiceInputSchema,
    added: 'Add an ICT service (admin)',
    changed: 'Change an ICT service (admin)',
    add: service.createIctService,
    change: (context, { code }, input) => service.updateIctService(context, code, input),
  });
  maintained('/information-systems', 'code', {
    params: catalogueCodeParamsSchema,
    entry: informationSystemSchema,
    create: createInformationSystemInputSchema,
    update: updateInformationSystemInputSchema,
    added: 'Add an information system (admin)',
    changed: 'Change an information system (admin)',
    add: service.createInformationSystem,
    change: (context, { code }, input) => service.updateInformationSystem(context, code, input),
  });
  maintained('/institutions', 'id', {
    params: idParamsSchema,
    entry: institutionSchema,
    create: createInstitutionInputSchema,
    update: updateInstitutionInputSchema,
    added: 'Add an institution (admin)',
    changed: 'Rename or deactivate an institution (admin)',
    add: service.createInstitution,
    change: (context, { id }, input) => service.updateInstitution(context, id, input),
  });

  // The TBM cost pools and towers: versioned, so a change names what it was based on (If-Match).
  const tbmCatalogues = [
    { path: '/tbm-cost-pools', what: 'TBM cost pool', catalogue: service.tbmCostPools },
    { path: '/tbm-towers', what: 'TBM technology resource tower', catalogue: service.tbmTowers },
  ];
  for (const { path, what, catalogue } of tbmCatalogues) {
    route.get(path, { summary: `${what}s`, response: tbmCategoryListSchema }, () => catalogue.list());
    route.post(
      path,
      {
        summary: `Add a ${what} (admin)`,
        body: createTbmCategoryInputSchema,
        response: tbmCategorySchema,
        created: true,
        etag: true,
      },
      ({ context, body }) => catalogue.create(context, body),
    );
    route.patch(
      `${path}/:code`,
      {
        summary: `Rename or deactivate a ${what} (admin; If-Match)`,
        params: tbmCategoryParamsSchema,
        body: updateTbmCategoryInputSchema,
        response: tbmCategorySchema,
        etag: true,
      },
      ({ context, params, body, ifMatch }) => catalogue.update(context, params.code, ifMatch, body),
    );
  }
};
