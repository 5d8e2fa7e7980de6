import { sql, type Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '@ikt/db/database';
import type { DatabaseKind } from '@ikt/db/create-db';
import { healthSchema } from '@ikt/shared/health.schema';

const PING_TIMEOUT_MS = 2_000;

async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([sql`SELECT 1`.execute(db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** 200 while the database answers, 503 while it does not — for load balancers and operators. */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database>; databaseKind: DatabaseKind }> = async (
  app,
  { db, databaseKind },
) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database reachability',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const up = await databaseAnswers(db);
      reply.header('cache-control', 'no-store');
      return reply
        .code(up ? 200 : 503)
        .send({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', databaseKind });
    },
  );
};
