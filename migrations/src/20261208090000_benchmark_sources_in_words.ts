import type { Kysely } from 'kysely';

// The benchmarks were first seeded with working notes as their source ("seed I6 (2015 data)"),
// and the indicators page and the workbook's "Avots" column showed them as they were. The source
// is the city's ICT development guidelines; this says so in plain words — in Latvian, the
// document's own language — on a database seeded before (seeds/data/benchmarks.csv now holds the
// same texts for a new one).
//
// Only a source that still holds the note it was seeded with is rewritten: one an administrator
// has changed since is theirs and stays. `down` gives the notes back on the same terms.

const GUIDELINES = 'Rīgas IKT attīstības pamatnostādnes 2016–2020';

export const BENCHMARK_SOURCES: readonly { indicator: string; note: string; source: string }[] = [
  {
    indicator: 'users_per_it_staff',
    note: 'seed I6 (PwC Global Best Practices peer set ~700 organisations)',
    source: `${GUIDELINES}, I6: salīdzinājums ar ~700 organizācijām PwC Global Best Practices datubāzē`,
  },
  {
    indicator: 'ict_central_budget_share',
    note: 'seed I6 (2015 data)',
    source: `${GUIDELINES}, I6: 2015. gada dati`,
  },
  {
    indicator: 'ict_cost_per_user',
    note: 'seed I6 (Riga below average; no figure given)',
    source: `${GUIDELINES}, I6: Rīgā mazākas par vidējām, skaitlis nav norādīts`,
  },
  {
    indicator: 'ict_cost_per_computer',
    note: 'seed M6 (indicator named; no figure given)',
    source: `${GUIDELINES}, M6: rādītājs nosaukts, skaitlis nav norādīts`,
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const { indicator, note, source } of BENCHMARK_SOURCES) {
    await db
      .updateTable('benchmark')
      .set({ source })
      .where('indicator', '=', indicator)
      .where('source', '=', note)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { indicator, note, source } of BENCHMARK_SOURCES) {
    await db
      .updateTable('benchmark')
      .set({ source: note })
      .where('indicator', '=', indicator)
      .where('source', '=', source)
      .execute();
  }
}
