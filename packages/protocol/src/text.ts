import { z } from 'zod';

// What a person types into a public form or a name field, cleaned before it reaches the register, a printout or
// a CSV: terminal control characters and bidirectional overrides (which can make "gpj.exe" read "exe.jpg" on a
// screen) are stripped; text of nothing but invisible characters is refused, and so is a lone UTF-16 surrogate
// (half an emoji: SQLite and every file format would carry it as garbage).

/** C0 and C1 controls and DEL, except tab and line feed, which a multi-line text keeps. */
const CONTROLS = /\p{Cc}/gu;
const KEPT_CONTROLS = new Set(['\t', '\n']);
/** Bidirectional embeddings, overrides and isolates, and the directional marks. */
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
/** Characters that show nothing: whitespace, format characters (zero-width space, joiners…), and blank fillers. */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;
const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Controls and bidi overrides removed; a line (no line breaks) also loses tabs and line feeds. */
export function stripUnsafe(text: string, multiline: boolean): string {
  const stripped = text.replace(BIDI, '').replace(CONTROLS, (char) => (KEPT_CONTROLS.has(char) ? char : ''));
  return multiline ? stripped : stripped.replace(/[\t\n]/g, ' ');
}

export function isVisible(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

/**
 * A cleaned text field: lone surrogates refused, unsafe characters stripped, trimmed, at most `max` characters;
 * when `required`, at least one visible character.
 */
export function cleanText(max: number, options: { multiline?: boolean; required?: boolean } = {}) {
  const { multiline = false, required = true } = options;
  return z
    .string()
    .refine((text) => !hasLoneSurrogate(text), 'contains half of a character (a lone surrogate)')
    .transform((text) => stripUnsafe(text, multiline).trim())
    .pipe(
      z
        .string()
        .max(max)
        .refine((text) => !required || isVisible(text), 'must contain visible text'),
    );
}
