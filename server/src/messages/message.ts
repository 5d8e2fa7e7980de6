import type { Language } from '@ikt/shared/messages';
import { en } from './en';
import { lv, type Catalogue, type Template } from './lv';

/**
 * The server's message catalogue: what it says to users, by code, once per language. A service
 * says which message and with what (`message('cycle.cannotMove', { from, to })`); the words are
 * chosen when the answer's language is known (plugins/problem.ts). Wording changes in lv.ts and
 * en.ts only; tests and clients tell problems apart by status, type and field path, never by text.
 */
const CATALOGUES: Record<Language, Catalogue> = { lv, en };

export type MessageCode = keyof Catalogue;

/** A message's parameters, by name; undefined for a message that takes none. */
export type MessageParams<K extends MessageCode> = Catalogue[K] extends (params: infer P) => string ? P : undefined;

/** A message not yet in any language. */
export interface Message<K extends MessageCode = MessageCode> {
  readonly code: K;
  readonly params: MessageParams<K>;
}

export function message<K extends MessageCode>(
  code: K,
  ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]
): Message<K> {
  return { code, params: params[0] as MessageParams<K> };
}

/** The codes of messages without parameters. */
export type PlainCode = { [K in MessageCode]: MessageParams<K> extends undefined ? K : never }[MessageCode];

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(lv, code);
}

export function translate(said: Message, language: Language): string {
  const template: Template = CATALOGUES[language][said.code];
  return typeof template === 'string' ? template : (template as (params: unknown) => string)(said.params);
}

/** A message without parameters, in one language. */
export function say(code: PlainCode, language: Language): string {
  return translate(message(code), language);
}

/** The plain codes under a prefix, without it: `CodesUnder<'workbook.sheet.'>` is `'summary' | 'items' | …`. */
export type CodesUnder<P extends string> = PlainCode extends infer C ? (C extends `${P}${infer K}` ? K : never) : never;

/**
 * The messages under a prefix in every language, by the rest of their code, in the catalogue's
 * order: a table of words shown in one language and recognised in either (a workbook's headings).
 */
export function wordsUnder<P extends string>(prefix: P): Record<CodesUnder<P>, Record<Language, string>> {
  const words: Record<string, Record<Language, string>> = {};
  for (const code of Object.keys(lv) as PlainCode[]) {
    if (!code.startsWith(prefix)) continue;
    words[code.slice(prefix.length)] = { lv: say(code, 'lv'), en: say(code, 'en') };
  }
  return words;
}
