import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { collectorEvery } from './memory';
import type { ItemRecord } from './spreadsheets.repository';

export interface ItemPage {
  subProgrammeId: number;
  items: ItemRecord[];
}

/**
 * Item pages read inside an export's snapshot, kept in a file for after it. The snapshot's
 * transaction then lasts only as long as reading takes, not as long as writing the workbook
 * (on the embedded database it holds the only connection: every other request waits for it),
 * and the workbook is written from the file a page at a time, its memory as flat as when it
 * streamed from the database. The file goes once the pages have been read back.
 */
export async function spoolItemPages(
  pages: AsyncIterable<ItemPage>,
  file: string,
): Promise<{ count: number; pages: AsyncIterable<ItemPage> }> {
  let count = 0;
  // Pages come faster than a workbook takes them: their garbage would pile up (see memory.ts).
  const collect = collectorEvery();
  async function* lines(): AsyncGenerator<string> {
    for await (const page of pages) {
      count += page.items.length;
      collect(count);
      yield `${JSON.stringify(page)}\n`;
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
  return { count, pages: readBack(file) };
}

/** JSON has no dates: the item's timestamps come back as the Date the database gave. */
function reviveTimestamps(key: string, value: unknown): unknown {
  return (key === 'created_at' || key === 'updated_at') && typeof value === 'string' ? new Date(value) : value;
}

/**
 * The pages back, one line each. Pulled a chunk at a time (readline would read the whole file
 * ahead of a slow writer and hold it in memory).
 */
async function* readBack(file: string): AsyncGenerator<ItemPage> {
  try {
    let partial: string[] = [];
    for await (const chunk of createReadStream(file, { encoding: 'utf8' }) as AsyncIterable<string>) {
      const lines = chunk.split('\n');
      if (lines.length === 1) {
        partial.push(chunk);
        continue;
      }
      const [first = '', ...rest] = lines;
      yield parsePage([...partial, first].join(''));
      partial = [rest.pop() ?? ''];
      for (const line of rest) yield parsePage(line);
    }
  } finally {
    await rm(file, { force: true });
  }
}

function parsePage(line: string): ItemPage {
  return JSON.parse(line, reviveTimestamps) as ItemPage;
}
