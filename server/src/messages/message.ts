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
