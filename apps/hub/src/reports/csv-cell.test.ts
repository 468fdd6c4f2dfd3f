import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, neutraliseFormula } from './csv-cell.ts';

describe('CSV cells against formula injection (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klik")', `"'=HYPERLINK(""http://evil.example"",""klik"")"`],
    ['+62 811', `"'+62 811"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+2', `"'\t=1+2"`],
    ['\r=1+2', `"'\r=1+2"`],
  ])('neutralises %j', (text, cell) => {
    expect(csvText(text)).toBe(cell);
  });

  it('leaves ordinary text as it was, quoting only what RFC 4180 needs', () => {
    expect(csvText('KTP-el')).toBe('KTP-el');
    expect(csvText('Loket 2')).toBe('Loket 2');
    expect(csvText('Rekap, per layanan')).toBe('"Rekap, per layanan"');
    expect(csvText('08.00–08.59')).toBe('08.00–08.59');
  });

  it('never lets a cell start with a formula character once a spreadsheet unquotes it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const safe = neutraliseFormula(text);
        expect(safe).not.toMatch(/^[=+\-@\t\r]/);
        expect(safe.endsWith(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
