import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
  async function* lines(): AsyncGenerator<string> {
    for await (const page of pages) {
      count += page.items.length;
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

async function* readBack(file: string): AsyncGenerator<ItemPage> {
  try {
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      yield JSON.parse(line, reviveTimestamps) as ItemPage;
    }
  } finally {
    await rm(file, { force: true });
  }
}
