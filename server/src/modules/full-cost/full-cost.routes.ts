import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import {
  billParamsSchema,
  billSchema,
  fullCostQuerySchema,
  fullCostSchema,
  serviceConsumptionInputSchema,
  serviceConsumptionQuerySchema,
  serviceConsumptionSchema,
  serviceDriversInputSchema,
  serviceDriversSchema,
} from '@ikt/shared/full-cost.schema';
import { routesOf } from '../../http/route';
import { requestLanguage } from '../../language';
import type { FullCostService } from './full-cost.service';

/** The method in plain words, for the API documentation (README "Full cost of ICT" says the same). */
const METHOD = `Each institution's full cost is its own sub-programmes' total plus its share of the ITC central
sub-programme. A central item that names beneficiary institutions is split by their shares (per cent, adding
up to 100). The other central items are summed per ICT service, and a service's cost is split among the
institutions in proportion to the quantity each consumes (in the service's driver unit: workstations, users,
TB, …, recorded by ITC per fiscal year). Every split is exact to the cent: each share is its exact proportion
rounded down to the cent, and the cents still missing go one each to the largest remainders (a tie to the
institution code first in code-point order), so the shares add up to the cost. A service with cost but no
consumption (or no driver), and an item naming no service, is reported as unallocated, never spread. The sum of
every institution's full cost and the unallocated amounts is the consolidated grand total of the same year.
Items marked cut count zero. An institution's lead sees its own row, the unit costs and the medians only.`;

export const fullCostRoutes: FastifyPluginAsyncZod<{ service: FullCostService }> = async (app, { service }) => {
  const route = routesOf(app, ['full cost']);

  route.get(
    '/cycles/:id/full-cost',
    {
      summary: 'Full cost of ICT per institution: own items plus the central services it consumes',
      description: METHOD,
      params: idParamsSchema,
      querystring: fullCostQuerySchema,
      response: fullCostSchema,
    },
    ({ context, params, query, request }) => service.fullCost(context, params.id, query, requestLanguage(request)),
  );

  route.get(
    '/cycles/:id/institutions/:code/bill',
    {
      summary: 'One institution’s bill of IT: the services it consumed × their unit cost, and its own items',
      description:
        'The same figures as its row of the full cost (see there for the method). A lead: its own institution only.',
      params: billParamsSchema,
      querystring: fullCostQuerySchema,
      response: billSchema,
    },
    ({ context, params, query, request }) =>
      service.bill(context, params.id, params.code, query, requestLanguage(request)),
  );

  route.get(
    '/cycles/:id/service-drivers',
    {
      summary: 'Each ICT service’s driver unit in the cycle (ETag: the allocation basis version)',
      params: idParamsSchema,
      response: serviceDriversSchema,
      etag: true,
    },
    ({ context, params, request }) => service.drivers(context, params.id, requestLanguage(request)),
  );
  route.put(
    '/cycles/:id/service-drivers',
    {
      summary: 'Replace the cycle’s service drivers (ITC finance; If-Match; unitEn "direct": items name beneficiaries)',
      params: idParamsSchema,
      body: serviceDriversInputSchema,
      response: serviceDriversSchema,
      etag: true,
    },
    ({ context, params, ifMatch, body, request }) =>
      service.setDrivers(context, params.id, ifMatch, body, requestLanguage(request)),
  );

  route.get(
    '/cycles/:id/service-consumption',
    {
      summary: 'What each institution consumes of each service per fiscal year (a lead: its own)',
      params: idParamsSchema,
      querystring: serviceConsumptionQuerySchema,
      response: serviceConsumptionSchema,
      etag: true,
    },
    ({ context, params, query }) => service.consumption(context, params.id, query),
  );
  route.put(
    '/cycles/:id/service-consumption',
    {
      summary: 'Replace the consumption of the services named (ITC finance; If-Match; all rows or none)',
      params: idParamsSchema,
      body: serviceConsumptionInputSchema,
      response: serviceConsumptionSchema,
      etag: true,
    },
    ({ context, params, ifMatch, body }) => service.setConsumption(context, params.id, ifMatch, body),
  );
};
