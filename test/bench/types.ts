import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';

/** What every section gets: the scale data set on a real PostgreSQL, and the app over it. */
export interface BenchContext {
  db: Kysely<Database>;
  /** The benchmark database's URL, for sections that need connections of their own. */
  databaseUrl: string;
  /** The real app (buildApp), driven with app.inject. */
  app: FastifyInstance;
  /** A GET as the signed-in itc_finance bench user. */
  get(url: string): Promise<LightMyRequestResponse>;
  /** That user's session cookie (`ikt_session=…`): sessions live in the database, so a child
   *  process's app over the same database accepts it too. */
  cookie: string;
  /** The scale cycle and its base cycle, and their years. */
  cycleId: number;
  baseCycleId: number;
  cycleYear: number;
  baseCycleYear: number;
  /** Measured iterations and warm-up rounds per case. */
  iterations: number;
  warmup: number;
  /** Progress to stderr (stdout carries only the JSON). */
  log(message: string): void;
}

/** A row of the readable table: the section's name, a case, then figures. */
export type TableRow = { section: string; case: string } & Record<string, string | number | null>;

export interface SectionResult {
  /** Goes into the JSON under the section's name. */
  json: Record<string, unknown>;
  table: TableRow[];
}

/**
 * One benchmark section (consolidation, export, import, concurrent editors, embedded start, …):
 * a file in test/bench/ exporting one of these, listed in main.ts.
 */
export interface BenchSection {
  name: string;
  run(context: BenchContext): Promise<SectionResult>;
}
