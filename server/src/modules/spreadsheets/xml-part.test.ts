import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXmlPart, STOP, XmlBoundError, XmlDamagedError, type XmlHandler } from './xml-part';

const BOUNDS = { stretchChars: 100_000, depth: 16 };

/** A zip entry holding `xml`, stored or deflated. */
async function entry(xml: string, compression: 'STORE' | 'DEFLATE' = 'STORE'): Promise<JSZip.JSZipObject> {
  const zip = new JSZip().file('part.xml', Buffer.from(xml, 'utf8'), { compression });
  const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'nodebuffer' }));
  return loaded.file('part.xml')!;
}

/** Every text of the part, and the elements opened, in order. */
async function read(part: JSZip.JSZipObject, stopAt?: string) {
  const texts: string[] = [];
  const opened: string[] = [];
  const handler: XmlHandler = {
    open(name) {
      opened.push(name);
      return name === stopAt ? STOP : undefined;
    },
    text(text) {
      texts.push(text);
    },
  };
  await readXmlPart(part, handler, BOUNDS);
  return { texts, opened };
}

describe('reading a part of a workbook', () => {
  it('decodes a character split between two chunks (JSZip hands on 16 KiB at a time)', async () => {
    for (const letter of ['ā', 'ž', '€', '😀']) {
      for (let shift = 0; shift < 4; shift++) {
        // `<a>` is 3 bytes: the letter starts 1 to 4 bytes before the first chunk's end.
        const text = `${'x'.repeat(16_384 - 3 - 1 - shift)}${letter.repeat(3)}`;
        const { texts } = await read(await entry(`<a>${text}</a>`));
        expect(texts.join('')).toBe(text);
      }
    }
  });

  it('drops prefixes from names and decodes entities, character references and CDATA', async () => {
    const part = await entry('<x:a xmlns:x="urn:x"><x:t>&amp;&#257;&#x17E;<![CDATA[<b>]]></x:t></x:a>', 'DEFLATE');
    const { texts, opened } = await read(part);
    expect(opened).toEqual(['a', 't']);
    expect(texts.join('')).toBe('&āž<b>');
  });

  it('ends the reading when the handler says STOP, whatever follows', async () => {
    const { opened } = await read(await entry(`<a><b/><c/>${'<d/>'.repeat(10_000)}<e></a>`), 'c');
    expect(opened).toEqual(['a', 'b', 'c']);
  });

  it('stops at its bounds before saxes holds more, and refuses what is not XML', async () => {
    await expect(read(await entry(`<a>${'y'.repeat(200_000)}</a>`))).rejects.toEqual(new XmlBoundError('stretchChars'));
    await expect(read(await entry(`${'<a>'.repeat(17)}${'</a>'.repeat(17)}`))).rejects.toEqual(
      new XmlBoundError('depth'),
    );
    // A tag is held until it ends: its attributes count towards the stretch.
    const attributes = Array.from({ length: 20_000 }, (_, i) => `a${i}="1"`).join(' ');
    await expect(read(await entry(`<a ${attributes}/>`))).rejects.toEqual(new XmlBoundError('stretchChars'));
    await expect(read(await entry(`<a><!--${'c'.repeat(200_000)}--></a>`))).rejects.toEqual(
      new XmlBoundError('stretchChars'),
    );
    await expect(read(await entry('<a><b></a>'))).rejects.toBeInstanceOf(XmlDamagedError);
    await expect(read(await entry('<!DOCTYPE a><a/>'))).rejects.toBeInstanceOf(XmlDamagedError);
  });
});
