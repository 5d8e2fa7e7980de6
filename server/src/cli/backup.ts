import path from 'node:path';
import { backupDatabase, restoreDatabase } from '@ikt/db/backup';
import { loadConfig } from '../config';

/**
 * `npm run backup [-- FILE]` and `npm run restore -- FILE` for the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR — stop the app first for that one). With
 * DATABASE_OWNER_URL, as the owner: the serving role may not read the migrations' bookkeeping,
 * and a restore creates tables. The app's next boot grants the serving role its privileges again.
 */
async function main(): Promise<void> {
  const [command, fileArgument] = process.argv.slice(2);
  const config = loadConfig();
  const databaseUrl = config.databaseOwnerUrl ?? config.databaseUrl;
  const setting = config.databaseOwnerUrl ? 'DATABASE_OWNER_URL' : 'DATABASE_URL';
  const target = { databaseUrl, dataDir: config.dataDir };
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = fileArgument ?? path.join('backups', `ikt-${stamp}.${databaseUrl ? 'dump' : 'tar.gz'}`);
    await backupDatabase(target, file);
    console.log(`Backup written to ${file}`);
  } else if (command === 'restore' && fileArgument) {
    await restoreDatabase(target, fileArgument);
    console.log(`Restored ${fileArgument} into ${databaseUrl ? `the database of ${setting}` : config.dataDir}`);
  } else {
    console.log('npm run backup [-- FILE]  |  npm run restore -- FILE');
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
