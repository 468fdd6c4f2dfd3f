import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('never overflows and loses no word', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-') }),
        fc.integer({ min: 1, max: 48 }),
        (text, width) => {
          const lines = wrapText(text, width);
          expect(lines.every((line) => line.length <= width && line.length > 0)).toBe(true);
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
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
