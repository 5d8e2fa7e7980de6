import os from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';

/** The facts a figure needs beside it to be compared with another machine's. */
export async function machineFacts(db: Kysely<Database>) {
  const { rows } = await sql<{ version: string; settings: Record<string, string> }>`
    SELECT current_setting('server_version') AS version,
           json_object_agg(name, setting) AS settings
      FROM pg_settings
     WHERE name IN ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'effective_cache_size')`.execute(
    db,
  );
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: rows[0]?.version ?? 'unknown',
    postgresSettings: rows[0]?.settings ?? {},
  };
}
