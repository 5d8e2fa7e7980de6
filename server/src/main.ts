import pino from 'pino';
import { buildApp } from './app';
import { openPreparedDatabase } from './bootstrap';
import { ConfigError, loadConfig } from './config';

const SHUTDOWN_GRACE_MS = 10_000;
/** How long the last log lines may take to reach stdout at exit before they are dropped. */
const LOG_DRAIN_MS = 2_000;

type LogDestination = ReturnType<typeof pino.destination>;

/**
 * Resolves once everything logged has been written to stdout, or after `ms`, dropping the rest.
 * Why: pino writes asynchronously and, when the process exits, writes what is left synchronously,
 * retrying every 100 ms for as long as the pipe stays full. A log reader that has stalled (a
 * collector that stopped reading, a parent that never reads) thus held the process forever after
 * SIGTERM — the main thread asleep in Atomics.wait, deaf to further signals — once a burst of
 * requests had logged more than the pipe holds. Destroyed, the destination has nothing to flush.
 */
function drainLog(destination: LogDestination, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      destination.destroy();
      resolve();
    }, ms);
    destination.once('drain', () => {
      clearTimeout(timer);
      resolve();
    });
    // An empty write: 'drain' follows once it and everything queued before it are written.
    destination.write('');
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openPreparedDatabase(config);
  // Pino's default destination (stdout, asynchronous), held here so that exiting can give up on it.
  const logDestination = pino.destination({ dest: 1, sync: false });
  const app = await buildApp({ db: database.db, databaseKind: database.kind, config, logStream: logDestination });

  app.log.info(
    {
      database: database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)',
      migrationsRun: database.migrationsRun,
      demoSeeded: database.demoSeeded,
    },
    'database ready',
  );

  // Drain in-flight requests on SIGTERM/SIGINT (Fastify answers 503 to new ones meanwhile),
  // then close the database; a stuck request cannot hold the process forever, nor can a stalled
  // log reader, and a second signal exits without waiting for the requests.
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    void drainLog(logDestination, LOG_DRAIN_MS).then(() => process.exit(code));
  };
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting without waiting for the requests in flight');
      exit(1);
      return;
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error({ graceMs: SHUTDOWN_GRACE_MS }, 'requests still running after the grace period: exiting');
      exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    void app
      .close()
      .then(() => database.close())
      .then(() => exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        exit(1);
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
