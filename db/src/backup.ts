import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

const run = promisify(execFile);

/**
 * Backups of either database. A real PostgreSQL is dumped with pg_dump (custom format) and read
 * back with pg_restore; the embedded one is written as a tar archive of its data folder by PGlite
 * itself — with the app stopped, since only one process may open an embedded database.
 * Neither owners nor grants are kept (they name roles the target server may not have): the
 * restoring role owns what it restores, and the app's boot grants the serving role its privileges.
 */
export interface BackupTarget {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  if (target.databaseUrl) {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--file',
      file,
      '--dbname',
      target.databaseUrl,
    ]);
    return;
  }
  const dataDir = target.dataDir ?? './.data';
  if (!existsSync(dataDir)) throw new Error(`There is no embedded database in ${dataDir}.`);
  const pglite = await PGlite.create(dataDir);
  try {
    const archive = await pglite.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await archive.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/** Restores into an empty target: a database with no tables, or a data folder that does not exist yet. */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file ${file}.`);
  if (target.databaseUrl) {
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--dbname',
      target.databaseUrl,
      file,
    ]);
    return;
  }
  const dataDir = target.dataDir ?? './.data';
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty: restore into a new DATA_DIR, then point the app at it.`);
  }
  await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  await pglite.close();
}
