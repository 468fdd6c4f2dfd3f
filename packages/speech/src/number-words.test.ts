import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digitsToWords,
  englishDigitsToWords,
  englishNumberToWords,
  letterName,
  MAX_SPOKEN_NUMBER,
  numberToWords,
} from './number-words.ts';

const ALL_NUMBERS = Array.from({ length: 10_000 }, (_, n) => n);

describe('numberToWords', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [7, 'tujuh'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [1011, 'seribu sebelas'],
    [2000, 'dua ribu'],
    [2345, 'dua ribu tiga ratus empat puluh lima'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [12_345, 'dua belas ribu tiga ratus empat puluh lima'],
    [21_001, 'dua puluh satu ribu satu'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [2_000_000_005, 'dua miliar lima'],
    [999_000_000_000_000, 'sembilan ratus sembilan puluh sembilan triliun'],
  ])('%i → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('gives every number 0–9999 its own phrase made only of known words', () => {
    const known = new Set(
      'nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh seratus ratus seribu ribu'.split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        expect(
          numberToWords(n)
            .split(' ')
            .every((word) => known.has(word)),
        ).toBe(true);
      }),
    );
    expect(new Set(ALL_NUMBERS.map(numberToWords)).size).toBe(10_000);
  });

  it('never says "satu" before puluh, ratus or ribu, and says "nol" only for zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        const words = numberToWords(n);
        expect(words).not.toMatch(/satu (puluh|ratus|ribu|belas)|\bnol\b/);
      }),
    );
  });

  it.each([-1, 1e15, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (n) => {
    expect(() => numberToWords(n)).toThrow(RangeError);
    expect(() => englishNumberToWords(n)).toThrow(RangeError);
  });
});

describe('englishNumberToWords', () => {
  it.each([
    [0, 'zero'],
    [12, 'twelve'],
    [21, 'twenty-one'],
    [100, 'one hundred'],
    [112, 'one hundred twelve'],
    [1000, 'one thousand'],
    [2345, 'two thousand three hundred forty-five'],
    [9999, 'nine thousand nine hundred ninety-nine'],
    [10_000, 'ten thousand'],
    [12_345, 'twelve thousand three hundred forty-five'],
    [100_001, 'one hundred thousand one'],
    [1_000_000, 'one million'],
    [3_000_000_017, 'three billion seventeen'],
  ])('%i → %s', (n, words) => {
    expect(englishNumberToWords(n)).toBe(words);
  });

  it('gives every number 0–9999 its own phrase', () => {
    expect(new Set(ALL_NUMBERS.map(englishNumberToWords)).size).toBe(10_000);
  });

  it('speaks any number up to the limit, each as its own phrase of known words, in both languages', () => {
    const knownId = new Set(
      'nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh seratus ratus seribu ribu juta miliar triliun'.split(
        ' ',
      ),
    );
    const big = fc.integer({ min: 10_000, max: MAX_SPOKEN_NUMBER });
    fc.assert(
      fc.property(big, big, (a, b) => {
        expect(
          numberToWords(a)
            .split(' ')
            .every((word) => knownId.has(word)),
        ).toBe(true);
        expect(englishNumberToWords(a)).not.toMatch(/zero|undefined/);
        if (a !== b) expect(numberToWords(a)).not.toBe(numberToWords(b));
        if (a !== b) expect(englishNumberToWords(a)).not.toBe(englishNumberToWords(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('digits and letters', () => {
  it('reads digits one by one, leading zeros included', () => {
    expect(digitsToWords('012')).toBe('nol satu dua');
    expect(englishDigitsToWords('012')).toBe('zero one two');
    expect(() => digitsToWords('1a')).toThrow(TypeError);
    expect(() => digitsToWords('')).toThrow(TypeError);
  });

  it('names every letter the Indonesian way', () => {
    const names = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map(letterName);
    expect(names.join(' ')).toBe(
      'a be ce de e ef ge ha i je ka el em en o pe ki er es te u ve we eks ye zet',
    );
    expect(letterName('q')).toBe('ki');
    expect(() => letterName('AB')).toThrow(TypeError);
    expect(() => letterName('1')).toThrow(TypeError);
    expect(() => letterName('')).toThrow(TypeError);
  });
});
