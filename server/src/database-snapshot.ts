import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';

/**
 * Runs `read` in one REPEATABLE READ read-only transaction, so every figure it reads is of the
 * same moment: totals agree with the rows under them whoever writes meanwhile. Read-only, it
 * never fails to serialise and never blocks a writer.
 *
 * Given an executor that is already a transaction (an export reading several answers in one
 * snapshot — see spreadsheets/workbook-snapshot.ts), `read` runs in that transaction.
 */
export function readSnapshot<T>(db: Kysely<Database>, read: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return read(db);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
}
