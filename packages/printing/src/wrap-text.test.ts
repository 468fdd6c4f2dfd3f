import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indonesianText, isAscii, lengthQuantiles } from './testing/text-arbitraries.ts';
import { keepNumbersWithUnits, wrapText } from './wrap-text.ts';

describe('wrapText', () => {
  it('breaks between words', () => {
    expect(wrapText('Perekaman dan Pencetakan KTP Elektronik', 16)).toEqual([
      'Perekaman dan',
      'Pencetakan KTP',
      'Elektronik',
    ]);
  });

  it('splits a word longer than the line', () => {
    expect(wrapText('https://antrean.example.go.id', 10)).toEqual(['https://an', 'trean.exam', 'ple.go.id']);
  });

  it('never overflows, loses no word and leaves only single spaces inside a line', () => {
    const lengths: number[] = [];
    let nonAscii = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          indonesianText(60),
          // No-break spaces come only between words (keepNumbersWithUnits puts them there); tabs and newlines anywhere.
          fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '\n', '\t'), maxLength: 400, size: 'max' }),
        ),
        fc.integer({ min: 1, max: 48 }),
        (text, width) => {
          lengths.push(text.length);
          if (!isAscii(text.replace(/\s/g, ' '))) nonAscii += 1;
          const lines = wrapText(text, width);
          for (const line of lines) {
            expect(line.length, JSON.stringify(line)).toBeLessThanOrEqual(width);
            expect(line, JSON.stringify(line)).toMatch(/^\S+( \S+)*$/);
          }
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
      { numRuns: 300 },
    );
    const spread = lengthQuantiles(lengths);
    console.info(
      `wrapText: ${lengths.length} texts, length ${JSON.stringify(spread)}, ${nonAscii} non-ASCII`,
    );
    expect(spread.median).toBeGreaterThanOrEqual(40);
    expect(spread.max).toBeGreaterThanOrEqual(300);
    expect(nonAscii).toBeGreaterThanOrEqual(50);
  });

  it('breaks a line only when the next word would not fit on it', () => {
    fc.assert(
      fc.property(indonesianText(60), fc.integer({ min: 4, max: 48 }), (text, width) => {
        const lines = wrapText(text.replace(/\u00a0/g, ' '), width);
        lines.slice(1).forEach((next, i) => {
          const firstWord = next.split(' ')[0] ?? '';
          expect(`${lines[i] ?? ''} ${firstWord}`.length, `${lines[i]} | ${next}`).toBeGreaterThan(width);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a number with its unit', () => {
    const text = keepNumbersWithUnits('Perkiraan waktu tunggu +/- 12 menit');
    expect(wrapText(text, 32)).toEqual(['Perkiraan waktu tunggu', '+/- 12 menit']);
    expect(wrapText(keepNumbersWithUnits('Wednesday, 25 Nov 2026 09:12 WITA'), 32)).toEqual([
      'Wednesday, 25 Nov',
      '2026 09:12 WITA',
    ]);
  });
});
