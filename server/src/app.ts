import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { DatabaseKind } from '@ikt/db/create-db';
import type { AppConfig } from './config';
import { healthRoutes } from './modules/health/health.routes';
import { createReferenceRepository } from './modules/reference/reference.repository';
import { referenceRoutes } from './modules/reference/reference.routes';
import { createReferenceService } from './modules/reference/reference.service';
import { clientPlugin } from './plugins/client';
import { openapiPlugin } from './plugins/openapi';
import { problemPlugin } from './plugins/problem';
import { securityHeadersPlugin } from './plugins/security-headers';

export interface BuildAppOptions {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  config: Pick<AppConfig, 'logLevel' | 'clientDist'>;
  /** Tests pass false to keep their output clean. */
  logger?: boolean;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** The whole application as one Fastify instance; main.ts listens, tests use app.inject. */
export async function buildApp({ db, databaseKind, config, logger = true }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    // A caller's request id (from a proxy) is kept when it is well-formed, so logs join up.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(problemPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(openapiPlugin);

  const referenceService = createReferenceService(createReferenceRepository(db));
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { db, databaseKind });
      await api.register(referenceRoutes, { service: referenceService });
    },
    { prefix: '/api' },
  );

  await app.register(clientPlugin, { clientDist: config.clientDist });
  return app;
}
