import { buildApp } from './app';
import { openPreparedDatabase } from './bootstrap';
import { ConfigError, loadConfig } from './config';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openPreparedDatabase(config);
  const app = await buildApp({ db: database.db, databaseKind: database.kind, config });

  app.log.info(
    {
      database: database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)',
      migrationsRun: database.migrationsRun,
      demoSeeded: database.demoSeeded,
    },
    'database ready',
  );

  // Drain in-flight requests on SIGTERM/SIGINT (Fastify answers 503 to new ones meanwhile),
  // then close the database; a stuck request cannot hold the process forever.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`\nIKT budžets: http://${shownHost}:${config.port}  (API docs: /api/docs)`);
  if (database.kind === 'pglite' && config.seedDemo) {
    console.log(`Demo data loaded; demo users' password: ${config.demoPassword}\n`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('IKT budžets failed to start:', error);
  }
  process.exit(1);
});
