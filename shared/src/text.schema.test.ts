import { describe, expect, it } from 'vitest';
import { localizeIssue } from './messages';
import { freeText, normaliseLineBreaks } from './text.schema';

const controls = [
  ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i), // DEL and the C1 controls
];

describe('freeText', () => {
  const schema = freeText().trim().min(1).max(10);

  it.each(controls.map((code) => [`U+${code.toString(16).padStart(4, '0')}`, String.fromCharCode(code)]))(
    'refuses %s anywhere in the text, with the text.control message',
    (_name, character) => {
      for (const text of [`a${character}b`, `${character}ab`, `ab${character}`]) {
        const result = schema.safeParse(text);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.message)).toContain('text.control');
      }
    },
  );

  it('keeps tabs, newlines and every printable character a Latvian or English text holds', () => {
    expect(schema.parse('a\tb\nc')).toBe('a\tb\nc');
    expect(freeText().parse('Āč ēģ īķ ļņ šū ž — “x” € ½ 😀 \u00a0\u2028')).toBe(
      'Āč ēģ īķ ļņ šū ž — “x” € ½ 😀 \u00a0\u2028',
    );
  });

  it('stores \\r\\n and a lone \\r as \\n, before the limits count', () => {
    expect(normaliseLineBreaks('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
    expect(freeText().parse('a\r\nb\rc')).toBe('a\nb\nc');
    // 5 characters after normalising, 7 before.
    expect(freeText().max(5).parse('a\r\nb\r\nc')).toBe('a\nb\nc');
  });

  it('still trims and checks lengths after the rule', () => {
    expect(schema.parse('  teksts  ')).toBe('teksts');
    expect(schema.safeParse('   ').success).toBe(false);
    expect(schema.safeParse('x'.repeat(11)).success).toBe(false);
  });

  it('words its refusal in both languages', () => {
    expect(localizeIssue({ code: 'invalid_format', message: 'text.control' }, 'lv')).toBe(
      'Tekstā nedrīkst būt vadības rakstzīmes (izņemot tabulāciju un rindu beigas)',
    );
    expect(localizeIssue({ code: 'invalid_format', message: 'text.control' }, 'en')).toBe(
      'Text may not hold control characters (other than tab and line breaks)',
    );
  });
});
