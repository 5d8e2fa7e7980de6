import { z } from 'zod';

/**
 * Text people type or paste: the one rule every free-text field of every request follows.
 *
 * Control characters are refused, tab and line breaks apart: PostgreSQL cannot store a NUL in
 * `text` (SQLSTATE 22021), XML 1.0 — and so an xlsx workbook — cannot hold the other C0 controls,
 * and none of them is anything a person meant to write. A Windows line break (`\r\n`, as Excel and
 * Windows paste it) or a lone `\r` is kept as `\n`, so a text reads and compares the same wherever
 * it was typed.
 */

// eslint-disable-next-line no-control-regex -- naming the control characters is the point
const WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;

/** `\r\n` and a lone `\r` become `\n`. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * A free-text field; chain `.trim()`, `.min()`, `.max()` as on any string. Line breaks are
 * normalised first, so limits count the text as it is stored.
 */
export function freeText() {
  return z.string().overwrite(normaliseLineBreaks).regex(WITHOUT_CONTROL_CHARACTERS, 'text.control');
}
