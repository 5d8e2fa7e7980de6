import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spoolItemPages, type ItemPage } from './item-spool';
import type { ItemRecord } from './spreadsheets.repository';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ikt-spool-test-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const item = (id: number, title: string) =>
  ({
    id,
    title,
    description: 'Rinda\nar "pēdiņām" un \u2028 atdalītāju',
    amounts: { '2027': '123456789012.34' },
    goal_codes: ['M1', 'M10'],
    quantity: null,
    created_at: new Date('2026-11-02T08:30:00.123Z'),
    updated_at: new Date('2026-12-01T10:00:00Z'),
  }) as unknown as ItemRecord;

async function* pagesOf(pages: ItemPage[]) {
  for (const page of pages) yield page;
}

async function readAll(pages: AsyncIterable<ItemPage>) {
  const read: ItemPage[] = [];
  for await (const page of pages) read.push(page);
  return read;
}

describe('spoolItemPages', () => {
  it('gives back every page as it was read, counts the items, and removes its file once read', async () => {
    const pages = [
      { subProgrammeId: 1, items: [item(1, '=HYPERLINK("x")'), item(2, 'Otrā')] },
      { subProgrammeId: 4, items: [item(3, 'Trešā')] },
    ];
    const file = path.join(folder, 'export.items');
    const spooled = await spoolItemPages(pagesOf(pages), file);
    expect(spooled.count).toBe(3);
    expect(existsSync(file)).toBe(true);
    expect(await readAll(spooled.pages)).toEqual(pages);
    expect(existsSync(file)).toBe(false);
  });

  it('reads back pages larger than a chunk of the file, whatever letters fall on the seams', async () => {
    const long = 'Ēģīļņšūž — '.repeat(2_000);
    const pages = Array.from({ length: 5 }, (_, p) => ({
      subProgrammeId: p,
      items: Array.from({ length: 20 }, (_, i) => item(p * 100 + i, `${long}${i}`)),
    }));
    const spooled = await spoolItemPages(pagesOf(pages), path.join(folder, 'long.items'));
    expect(spooled.count).toBe(100);
    expect(await readAll(spooled.pages)).toEqual(pages);
  });

  it('keeps nothing for no items', async () => {
    const spooled = await spoolItemPages(pagesOf([]), path.join(folder, 'none.items'));
    expect(spooled.count).toBe(0);
    expect(await readAll(spooled.pages)).toEqual([]);
  });
});
