import { describe, expect, it } from 'vitest';
import { announcementText, announcementTokens } from './announcement.ts';
import { CLIP_TOKENS, clipText, nameToken, numberTokens } from './clip-tokens.ts';
import { englishNumberToWords, numberToWords } from './number-words.ts';

const CALL = { number: 'A012', counterName: 'Loket 3' };

describe('announcementText', () => {
  it('speaks the number as words in Indonesian by default', () => {
    expect(announcementText(CALL)).toBe('Nomor antrean, A, dua belas, silakan menuju loket tiga.');
    expect(announcementText(CALL, { style: 'words', lang: 'id' })).toBe(
      'Nomor antrean, A, dua belas, silakan menuju loket tiga.',
    );
  });

  it('speaks the number digit by digit', () => {
    expect(announcementText(CALL, { style: 'digits', lang: 'id' })).toBe(
      'Nomor antrean, A, nol satu dua, silakan menuju loket tiga.',
    );
  });

  it('speaks English in both styles', () => {
    expect(announcementText(CALL, { style: 'words', lang: 'en' })).toBe(
      'Queue number, A, twelve, please go to counter three.',
    );
    expect(announcementText(CALL, { style: 'digits', lang: 'en' })).toBe(
      'Queue number, A, zero one two, please go to counter three.',
    );
  });

  it('names prefix letters the Indonesian way and drops leading zeros', () => {
    expect(announcementText({ number: 'QX0101', counterName: 'Loket 12' })).toBe(
      'Nomor antrean, Ki Eks, seratus satu, silakan menuju loket dua belas.',
    );
    expect(announcementText({ number: 'b000', counterName: 'loket 1' })).toBe(
      'Nomor antrean, Be, nol, silakan menuju loket satu.',
    );
  });

  it('keeps a counter that is not a plain loket by its own name', () => {
    expect(announcementText({ number: 'C7', counterName: 'Gerai Imigrasi 2' })).toBe(
      'Nomor antrean, Ce, tujuh, silakan menuju Gerai Imigrasi dua.',
    );
    expect(announcementText({ number: 'C7', counterName: 'Meja Prioritas' }, { lang: 'en' })).toBe(
      'Queue number, C, seven, please go to Meja Prioritas.',
    );
    expect(announcementText({ number: '15', counterName: '4' })).toBe(
      'Nomor antrean, lima belas, silakan menuju loket empat.',
    );
  });

  it('refuses what cannot be announced', () => {
    expect(() => announcementText({ number: 'A-12', counterName: 'Loket 1' })).toThrow(TypeError);
    expect(() => announcementText({ number: 'A', counterName: 'Loket 1' })).toThrow(TypeError);
    expect(() => announcementText({ number: 'A12', counterName: '  ' })).toThrow(TypeError);
    expect(announcementText({ number: 'A12345', counterName: 'Loket 1' }, { style: 'digits' })).toBe(
      'Nomor antrean, A, satu dua tiga empat lima, silakan menuju loket satu.',
    );
  });
});

describe('announcementTokens', () => {
  it('composes the call from clips', () => {
    expect(announcementTokens(CALL)).toEqual([
      'nomor-antrean',
      'letter-a',
      'num-12',
      'silakan-menuju-loket',
      'num-3',
    ]);
    expect(announcementTokens({ number: 'AB2345', counterName: 'Loket 21' })).toEqual([
      'nomor-antrean',
      'letter-a',
      'letter-b',
      'num-2',
      'ribu',
      'num-3',
      'ratus',
      'num-40',
      'num-5',
      'silakan-menuju-loket',
      'num-20',
      'num-1',
    ]);
    expect(announcementTokens(CALL, { style: 'digits' })).toEqual([
      'nomor-antrean',
      'letter-a',
      'num-0',
      'num-1',
      'num-2',
      'silakan-menuju-loket',
      'num-3',
    ]);
  });

  it('gives a specially named counter its own clip', () => {
    expect(announcementTokens({ number: 'C7', counterName: 'Gerai Imigrasi 2' })).toEqual([
      'nomor-antrean',
      'letter-c',
      'num-7',
      'silakan-menuju',
      'name-gerai-imigrasi',
      'num-2',
    ]);
    expect(nameToken('Pojok Ramah Anak & Lansia')).toBe('name-pojok-ramah-anak-lansia');
  });

  it('says exactly the text, clip by clip, in both languages', () => {
    const spoken = (lang: 'id' | 'en'): string =>
      announcementTokens({ number: 'KZ1917', counterName: 'Loket 10' })
        .map((token) => clipText(token, lang))
        .join(' ');
    expect(spoken('id')).toBe(
      'nomor antrean ka zet seribu sembilan ratus tujuh belas silakan menuju loket sepuluh',
    );
    expect(spoken('en')).toBe(
      'queue number K Z one thousand nine hundred seventeen please go to counter ten',
    );
  });

  it('composes numbers above 9999 from the default clip set, and calls such tickets in words', () => {
    const clipSet = new Set(CLIP_TOKENS);
    for (const n of [10_000, 12_345, 99_999, 100_000, 1_000_000, 1_234_567, 999_999_999_999_999]) {
      const tokens = numberTokens(n);
      expect(tokens.every((token) => clipSet.has(token))).toBe(true);
      expect(tokens.map((token) => clipText(token, 'id')).join(' ')).toBe(numberToWords(n));
      expect(tokens.map((token) => clipText(token, 'en')).join(' ')).toBe(
        englishNumberToWords(n).replaceAll('-', ' '),
      );
    }
    expect(announcementText({ number: 'A12345', counterName: 'Loket 2' })).toBe(
      'Nomor antrean, A, dua belas ribu tiga ratus empat puluh lima, silakan menuju loket dua.',
    );
    // Past the words' range (no day reaches it) the call is read digit by digit rather than failing.
    expect(announcementTokens({ number: 'A1234567890123456', counterName: 'Loket 1' })).toContain('num-6');
  });

  it('composes every number 0–9999 from the default clip set', () => {
    const clipSet = new Set(CLIP_TOKENS);
    for (let n = 0; n <= 9999; n++) {
      const tokens = numberTokens(n);
      expect(tokens.every((token) => clipSet.has(token))).toBe(true);
      expect(tokens.map((token) => clipText(token, 'id')).join(' ')).toBe(numberToWords(n));
      expect(tokens.map((token) => clipText(token, 'en')).join(' ')).toBe(
        englishNumberToWords(n).replaceAll('-', ' '),
      );
    }
  });

  it('has a small default clip set with a text for every clip', () => {
    expect(CLIP_TOKENS).toHaveLength(64);
    expect(new Set(CLIP_TOKENS).size).toBe(CLIP_TOKENS.length);
    for (const token of CLIP_TOKENS) {
      expect(clipText(token, 'id')).not.toBe('');
      expect(clipText(token, 'en')).not.toBe('');
    }
    expect(() => clipText('num-21', 'id')).toThrow(TypeError);
    expect(() => clipText('nope', 'id')).toThrow(TypeError);
  });
});
