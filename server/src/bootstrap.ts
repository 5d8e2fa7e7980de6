import { createDb, type DbHandle } from '@ikt/db/create-db';
import { migrateToLatest } from '@ikt/db/migrate';
import { currentRole, grantServingRole, servingRoleProblems } from '@ikt/db/roles';
import { seedDemoData } from '@ikt/seeds/demo.seed';
import { seedDemoUsers } from '@ikt/seeds/demo-users.seed';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import { ConfigError, type AppConfig } from './config';
import { hashPassword } from './modules/users/password';

export interface PreparedDatabase extends DbHandle {
  migrationsRun: string[];
  demoSeeded: boolean;
}

export interface BootstrapOptions {
  /** Where the warning about a serving role that could rewrite the audit trail goes. */
  warn?: (message: string) => void;
}

type DatabaseSettings = Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'seedDemo' | 'demoPassword'> &
  Partial<Pick<AppConfig, 'databaseOwnerUrl'>>;

/**
 * Opens the configured database, brings its schema up to date and loads what it needs; answers
 * the connection requests are served over.
 *
 * With DATABASE_OWNER_URL (and DATABASE_URL), the owner migrates, seeds and grants the serving
 * role exactly what it needs, then its connection is closed; the serving role must then be unable
 * to rewrite the audit trail, or the app refuses to start. With DATABASE_URL alone, one role does
 * everything, as before — it starts, with a warning when that role could rewrite the trail. The
 * embedded PGlite has a single superuser and no roles to separate.
 */
export async function openPreparedDatabase(
  config: DatabaseSettings,
  options: BootstrapOptions = {},
): Promise<PreparedDatabase> {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  if (config.databaseOwnerUrl && !config.databaseUrl) {
    throw new ConfigError('DATABASE_URL (the role that serves requests) is required beside DATABASE_OWNER_URL');
  }
  const separateOwner = Boolean(config.databaseOwnerUrl);
  const owner = await createDb({
    databaseUrl: config.databaseOwnerUrl ?? config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: separateOwner ? 2 : undefined,
  });
  let ownerOpen = true;
  let serving: DbHandle | undefined;
  try {
    const migrationsRun = await migrateToLatest(owner.db);
    await seedReferenceData(owner.db);
    const demoSeeded = config.seedDemo ? await seedDemoData(owner.db) : false;
    if (config.seedDemo) await seedDemoUsers(owner.db, await hashPassword(config.demoPassword));
    if (owner.kind === 'pglite') return { ...owner, migrationsRun, demoSeeded };

    if (separateOwner) {
      serving = await createDb({ databaseUrl: config.databaseUrl });
      await grantServingRole(owner.db, await currentRole(serving.db));
      ownerOpen = false;
      await owner.close();
    } else {
      serving = owner;
      ownerOpen = false;
    }
    const problems = await servingRoleProblems(serving.db);
    if (problems.length > 0) {
      const role = await currentRole(serving.db);
      const list = problems.map((problem) => `  - ${problem}`).join('\n');
      if (separateOwner) {
        throw new ConfigError(
          `The role "${role}" of DATABASE_URL could rewrite the audit trail, so the app will not start:\n${list}\n` +
            'Serve requests as a role of its own that owns nothing and is no superuser (docker/db-roles.sql makes one).',
        );
      }
      warn(
        `WARNING: the role "${role}" of DATABASE_URL could rewrite the audit trail, which is then append-only ` +
          `only against other roles:\n${list}\n` +
          'Set DATABASE_OWNER_URL to this role for migrations and DATABASE_URL to a role of its own for requests ' +
          '(see docker-compose.yml and docker/db-roles.sql).',
      );
    }
    return { ...serving, migrationsRun, demoSeeded };
  } catch (error) {
    await serving?.close();
    if (ownerOpen) await owner.close();
    throw error;
  }
}
