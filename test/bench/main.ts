import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { consolidationSection } from './consolidation';
import { craftedImportSection } from './crafted-import';
import { exportSection } from './export';
import { exportFloodSection } from './export-flood';
import { fullCostSection } from './full-cost';
import { editorsSection } from './editors';
import { importSection } from './import';
import { machineFacts } from './machine';
import { openBench } from './setup';
import { startSection } from './start';
import { formatTable } from './stats';
import type { BenchSection, TableRow } from './types';

/**
 * npm run bench — every section on the scale data set against a real PostgreSQL, side by side
 * in one run. stdout carries one JSON object (last); the readable table and progress go to stderr.
 *
 *   BENCH_DATABASE_URL / DATABASE_URL   default postgres://postgres@127.0.0.1:5432/ikt_bench
 *   SCALE_ITEMS                         regenerate the data set at this size if it differs
 *   BENCH_ITERATIONS (20), BENCH_WARMUP (3), BENCH_SECTIONS (all), BENCH_DIMENSIONS (all)
 *   BENCH_OUT                           also write the JSON to this file
 *
 * Sections: consolidation, fullCost, export, exportFlood, import, craftedImport, editors, start (see README.md). A new one is one more
 * file here exporting a BenchSection, added to SECTIONS.
 */
const SECTIONS: BenchSection[] = [
  consolidationSection,
  fullCostSection,
  exportSection,
  exportFloodSection,
  importSection,
  craftedImportSection,
  editorsSection,
  startSection,
];

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const wanted = process.env.BENCH_SECTIONS?.split(',').map((s) => s.trim());
  const sections = SECTIONS.filter((s) => !wanted || wanted.includes(s.name));
  const startedAt = new Date();
  const started = performance.now();
  const bench = await openBench(log);
  try {
    const result: Record<string, unknown> = {
      benchmark: 'ikt-budzets',
      date: startedAt.toISOString(),
      machine: await machineFacts(bench.context.db),
      dataset: bench.dataset,
      settings: { iterations: bench.context.iterations, warmup: bench.context.warmup },
    };
    const tables: TableRow[][] = [];
    for (const section of sections) {
      const sectionStarted = performance.now();
      const { json, table: rows } = await section.run(bench.context);
      // The load while it ran says whether anything else competed for the two cores.
      result[section.name] = {
        ...json,
        seconds: Math.round((performance.now() - sectionStarted) / 100) / 10,
        loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 100) / 100),
      };
      tables.push(rows);
    }
    result.seconds = Math.round((performance.now() - started) / 100) / 10;

    // One table a section: their columns differ.
    for (const rows of tables) {
      log('');
      log(formatTable(rows));
    }
    log('');
    const text = JSON.stringify(result, null, 2);
    if (process.env.BENCH_OUT) await writeFile(process.env.BENCH_OUT, `${text}\n`);
    process.stdout.write(`${text}\n`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
