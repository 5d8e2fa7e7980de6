import { describe, expect, it } from 'vitest';
import { formatSize, sizeFigure, sizeUnit } from './file-size';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatSize', () => {
  it('says a small file in whole kilobytes, never "0,0 MB"', () => {
    expect(plain(formatSize(31_500, 'lv'))).toBe('31 kB');
    expect(plain(formatSize(200, 'lv'))).toBe('1 kB');
    expect(plain(formatSize(0, 'lv'))).toBe('0 kB');
    expect(plain(formatSize(1_047_000, 'lv'))).toBe('1 022 kB');
  });

  it('says a large file in megabytes to one decimal, in the reader’s form', () => {
    expect(plain(formatSize(2_516_582, 'lv'))).toBe('2,4 MB');
    expect(plain(formatSize(2_516_582, 'en'))).toBe('2.4 MB');
  });

  it('can say a part in the unit of the whole', () => {
    expect(sizeUnit(5 * 1024 * 1024)).toBe('MB');
    expect(plain(formatSize(512 * 1024, 'lv', 'MB'))).toBe('0,5 MB');
    expect(sizeFigure(15_000, 'lv', 'kB')).toBe('15');
  });
});
