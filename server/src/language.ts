import type { FastifyRequest } from 'fastify';
import type { Language } from '@ikt/shared/messages';

/** The language of the answer: `?lang=` first, then Accept-Language; Latvian by default. */
export function requestLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.lang === 'en' || query?.lang === 'lv') return query.lang;
  const accepted = request.headers['accept-language'];
  if (typeof accepted === 'string') {
    const preferred = accepted
      .split(',')
      .map((part) => {
        const [tag = '', q] = part.trim().split(';q=');
        return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number.parseFloat(q) };
      })
      .filter((entry) => entry.tag.startsWith('lv') || entry.tag.startsWith('en'))
      .sort((a, b) => b.q - a.q)[0];
    if (preferred?.tag.startsWith('en')) return 'en';
  }
  return 'lv';
}
