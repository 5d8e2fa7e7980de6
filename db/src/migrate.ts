import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { Migrator, NO_MIGRATIONS, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { migrationFolder } from '@ikt/migrations';

/**
 * The migrations folder's files by name. Kysely's own FileMigrationProvider imports them from
 * inside Kysely, which fails for .ts files under vitest; importing from our code works under tsx
 * and vitest alike.
 */
const migrationFiles: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const file of (await fs.readdir(migrationFolder)).sort()) {
      const extension = path.extname(file);
      if (!['.ts', '.js'].includes(extension) || file.endsWith('.d.ts') || file.includes('.test.')) continue;
      const module = (await import(pathToFileURL(path.join(migrationFolder, file)).href)) as Migration;
      migrations[path.basename(file, extension)] = module;
    }
    return migrations;
  },
};

function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: migrationFiles });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Brings the schema up to date; answers the names of the migrations it ran. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateToLatest());
}

/** Undoes every migration (used by tests and by an operator rolling back a failed deploy). */
export async function migrateDownToZero(db: Kysely<any>): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateTo(NO_MIGRATIONS));
}
