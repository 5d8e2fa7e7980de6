import { StringDecoder } from 'node:string_decoder';
import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/**
 * One part of an uploaded workbook read as XML while it is inflated: never held whole, and never
 * more of it held at once than the bounds below, whatever the part holds.
 *
 * - Bytes become text through node's StringDecoder, which keeps a character split between two
 *   chunks for the next one. (exceljs's streaming reader decoded every chunk on its own, so an
 *   `ā` on a chunk's edge became two U+FFFD: Latvian text was corrupted.)
 * - Text becomes events through saxes, the XML parser exceljs uses too: entities, character
 *   references, CDATA and line ends as XML defines them.
 * - saxes holds what it has not handed on yet: the text up to the next tag, a tag being read
 *   (its attributes too), a comment, the open elements. Each is bounded: a stretch of more than
 *   `stretchChars` characters without an element or a text handed on, or more than `depth` open
 *   elements, end the reading with an XmlBoundError before saxes can hold more. A DOCTYPE (which
 *   no xlsx part has, and which could declare entities) ends it as damaged.
 * - Only the handlers this needs are given to saxes: it keeps each as a property added to the
 *   parser, and past seven of them V8 reads the parser's own fields, on every character, far more
 *   slowly — 94 MB of shared strings took 17 s to read instead of 2.5 s.
 */

export interface XmlBounds {
  stretchChars: number;
  depth: number;
}

/** What a handler answers to end the reading early (the rest of the part is not inflated). */
export const STOP = 'stop';
type Answer = typeof STOP | void;

export interface XmlHandler {
  /** An element opens: its local name (any prefix dropped) and its attributes as written. */
  open(name: string, attributes: Record<string, string>): Answer;
  close?(name: string): Answer;
  /** Text or CDATA: a text node comes whole (it is within the stretch bound). */
  text?(text: string): Answer;
}

/** The part is not well-formed XML, or not XML at all. */
export class XmlDamagedError extends Error {}

/** The part went past a bound; `what` says which. */
export class XmlBoundError extends Error {
  constructor(readonly what: keyof XmlBounds) {
    super(`xml part past its ${what} bound`);
  }
}

/** Text is handed to saxes in slices of at most this many characters, and the bounds checked after each. */
const SLICE_CHARS = 16 * 1024;

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/**
 * Streams `entry` through `handler`. Resolves when the part has been read or the handler said
 * STOP; rejects with what a handler threw, XmlBoundError or XmlDamagedError.
 */
export function readXmlPart(entry: JSZip.JSZipObject, handler: XmlHandler, bounds: XmlBounds): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser({ xmlns: false, position: false });
    const decoder = new StringDecoder('utf8');
    let stopped = false;
    let events = 0;
    let depth = 0;
    // An upper bound of what saxes holds: characters handed to it since its last event.
    let pending = 0;

    const answer = (result: Answer) => {
      events++;
      if (result === STOP) stopped = true;
    };
    parser.on('opentag', (tag) => {
      if (++depth > bounds.depth) throw new XmlBoundError('depth');
      if (!stopped) answer(handler.open(localName(tag.name), tag.attributes));
    });
    parser.on('closetag', (tag) => {
      depth--;
      if (!stopped) answer(handler.close?.(localName(tag.name)));
    });
    const onText = (text: string) => {
      if (!stopped) answer(handler.text?.(text));
      else events++;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    // After STOP, saxes still reads the rest of the slice it was given: what it finds there is not read.
    parser.on('doctype', () => {
      if (!stopped) throw new XmlDamagedError('a DOCTYPE in a workbook part');
    });
    parser.on('error', (error) => {
      if (!stopped) throw new XmlDamagedError(error.message);
    });

    const stream = entry.nodeStream('nodebuffer');
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      if (error !== undefined || stopped) {
        stream.pause();
        stream.removeAllListeners('data');
        stream.removeAllListeners('end');
      }
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new XmlDamagedError(String(error)));
    };
    const feed = (text: string) => {
      for (let from = 0; from < text.length && !stopped; from += SLICE_CHARS) {
        const slice = text.slice(from, from + SLICE_CHARS);
        const before = events;
        parser.write(slice);
        pending = events === before ? pending + slice.length : slice.length;
        if (pending > bounds.stretchChars) throw new XmlBoundError('stretchChars');
      }
    };

    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      try {
        feed(decoder.write(chunk));
        if (stopped) finish();
      } catch (error) {
        finish(error);
      }
    });
    stream.on('end', () => {
      if (settled) return;
      try {
        feed(decoder.end());
        if (!stopped) parser.close();
        finish();
      } catch (error) {
        finish(error);
      }
    });
    stream.on('error', () => finish(new XmlDamagedError('the part cannot be inflated')));
  });
}
