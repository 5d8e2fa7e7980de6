import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { DatabaseKind } from '@ikt/db/create-db';
import { DEFAULT_SECURITY, type AppConfig } from './config';
import { createConcurrencyLimit } from './http/concurrency-limit';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { lineItemRoutes } from './modules/budget/line-item.routes';
import { createLineItemService } from './modules/budget/line-item.service';
import { subProgrammeRoutes } from './modules/budget/sub-programme.routes';
import { consolidationRoutes } from './modules/consolidation/consolidation.routes';
import { cycleRoutes } from './modules/cycles/cycles.routes';
import { fullCostRoutes } from './modules/full-cost/full-cost.routes';
import { healthRoutes } from './modules/health/health.routes';
import { indicatorRoutes } from './modules/indicators/indicators.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { scenarioRoutes } from './modules/scenarios/scenarios.routes';
import { createScenarioService } from './modules/scenarios/scenarios.service';
import { spreadsheetRoutes } from './modules/spreadsheets/spreadsheets.routes';
import { createSpreadsheetService } from './modules/spreadsheets/spreadsheets.service';
import { userRoutes } from './modules/users/users.routes';
import { createUsersService } from './modules/users/users.service';
import { authenticationPlugin } from './plugins/authentication';
import { clientPlugin } from './plugins/client';
import { openapiPlugin } from './plugins/openapi';
import { answerClientError, problemPlugin, sendFrameworkProblem } from './plugins/problem';
import { requestGuardPlugin } from './plugins/request-guard';
import { securityHeadersPlugin, setSecurityHeaders } from './plugins/security-headers';
import { createBudgetServices } from './services';

export interface BuildAppOptions {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  config: Pick<AppConfig, 'logLevel' | 'clientDist'> & Partial<Pick<AppConfig, 'security'>>;
  /** Tests pass false to keep their output clean. */
  logger?: boolean;
  /** Where the log goes (stdout otherwise): main.ts passes its own, which exiting can give up on. */
  logStream?: { write(line: string): void };
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** The whole application as one Fastify instance; main.ts listens, tests use app.inject. */
export async function buildApp({
  db,
  databaseKind,
  config,
  logger = true,
  logStream,
}: BuildAppOptions): Promise<FastifyInstance> {
  const security = config.security ?? DEFAULT_SECURITY;
  const app = Fastify({
    logger: logger
      ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'], stream: logStream }
      : false,
    // A caller's request id (from a proxy) is kept when it is well-formed, so logs join up.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    trustProxy: security.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // A malformed URL is answered before any hook runs: the headers every answer carries are set here.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      setSecurityHeaders(request, reply);
      sendFrameworkProblem(error, request, reply);
    },
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const audit = createAuditService(db);
  const users = createUsersService(db);
  const auth = createAuthService(db, users, security);
  const { cycles, subProgrammes, reference, consolidation, fullCost, indicators } = createBudgetServices(db, audit);
  const lineItems = createLineItemService(db, audit);
  const scenarios = createScenarioService(db, cycles);
  const spreadsheets = createSpreadsheetService(db, {
    cycles,
    subProgrammes,
    lineItems,
    consolidation,
    fullCost,
    indicators,
    reference,
    readersOver: (executor) => createBudgetServices(executor),
  });

  await app.register(problemPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(requestGuardPlugin, { allowedOrigins: security.allowedOrigins });
  await app.register(authenticationPlugin, { auth });
  await app.register(openapiPlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { db, databaseKind });
      await api.register(authRoutes, { service: auth });
      await api.register(referenceRoutes, { service: reference });
      await api.register(cycleRoutes, { service: cycles });
      await api.register(subProgrammeRoutes, { service: subProgrammes });
      await api.register(lineItemRoutes, { service: lineItems });
      await api.register(consolidationRoutes, { service: consolidation });
      await api.register(fullCostRoutes, { service: fullCost });
      await api.register(scenarioRoutes, { service: scenarios });
      await api.register(indicatorRoutes, { service: indicators });
      await api.register(spreadsheetRoutes, {
        service: spreadsheets,
        // Exports and imports: a few at once per user and in all, the rest 429 (per instance).
        expensive: createConcurrencyLimit({
          perUser: security.expensiveRequestsPerUser,
          total: security.expensiveRequestsTotal,
        }),
      });
      await api.register(auditRoutes, { service: audit });
      await api.register(userRoutes, { service: users });
    },
    { prefix: '/api' },
  );

  await app.register(clientPlugin, { clientDist: config.clientDist });
  return app;
}
