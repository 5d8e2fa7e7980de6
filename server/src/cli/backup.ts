import path from 'node:path';
import { backupDatabase, restoreDatabase } from '@ikt/db/backup';
import { loadConfig } from '../config';

/**
 * `npm run backup [-- FILE]` and `npm run restore -- FILE` for the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR — stop the app first for that one).
 */
async function main(): Promise<void> {
  const [command, fileArgument] = process.argv.slice(2);
  const config = loadConfig();
  const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = fileArgument ?? path.join('backups', `ikt-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
    await backupDatabase(target, file);
    console.log(`Backup written to ${file}`);
  } else if (command === 'restore' && fileArgument) {
    await restoreDatabase(target, fileArgument);
    console.log(
      `Restored ${fileArgument} into ${config.databaseUrl ? 'the database of DATABASE_URL' : config.dataDir}`,
    );
  } else {
    console.log('npm run backup [-- FILE]  |  npm run restore -- FILE');
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
