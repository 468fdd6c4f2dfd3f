/**
 * OWASP's rule against CSV formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`
 * (and, in some programs, a tab or carriage return before one of those) as a formula, so such a text cell gets a
 * leading apostrophe, which spreadsheets show as plain text. Names typed by staff or read from the site file
 * (officers, services, counters, agencies) can start with anything.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One text cell (RFC 4180): neutralised, then quoted when it holds a quote, comma, semicolon, line break or was
 * neutralised (a semicolon too, so the same text is one cell in either kind of file).
 */
export function csvText(text: string): string {
  const safe = neutraliseFormula(text);
  return safe !== text || /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
