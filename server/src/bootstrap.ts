import { createDb, type DbHandle } from '@ikt/db/create-db';
import { migrateToLatest } from '@ikt/db/migrate';
import { seedDemoData } from '@ikt/seeds/demo.seed';
import { seedDemoUsers } from '@ikt/seeds/demo-users.seed';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import type { AppConfig } from './config';
import { hashPassword } from './modules/users/password';

export interface PreparedDatabase extends DbHandle {
  migrationsRun: string[];
  demoSeeded: boolean;
}

/** Opens the configured database, brings its schema up to date and loads what it needs. */
export async function openPreparedDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'seedDemo' | 'demoPassword'>,
): Promise<PreparedDatabase> {
  const handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrationsRun = await migrateToLatest(handle.db);
    await seedReferenceData(handle.db);
    const demoSeeded = config.seedDemo ? await seedDemoData(handle.db) : false;
    if (config.seedDemo) await seedDemoUsers(handle.db, await hashPassword(config.demoPassword));
    return { ...handle, migrationsRun, demoSeeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
