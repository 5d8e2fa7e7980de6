import { fileURLToPath } from 'node:url';

/** Where the migration files live; db/ hands this folder to Kysely's Migrator. */
export const migrationFolder = fileURLToPath(new URL('./src', import.meta.url));
