import { describe, expect, it } from 'vitest';
import { formatClock, formatTime } from './format.ts';
import { translator } from './i18n.ts';

describe('one time format, English plurals (issue 14)', () => {
  it('writes the time of day the same way in both languages: 12.30', () => {
    const at = '2026-11-25T05:30:00Z';
    expect(formatClock(at, 'Asia/Jakarta', 'id')).toBe('12.30 WIB');
    expect(formatClock(at, 'Asia/Jakarta', 'en')).toBe('12.30 WIB');
    expect(formatClock(at, 'Asia/Makassar', 'en')).toBe('13.30 WITA');
    expect(formatTime(at, 'Asia/Jayapura')).toBe('14.30');
  });

  it('counts English nouns: 1 service, 2 services; Indonesian needs no plural', () => {
    const texts = {
      services: { id: '{n} layanan', en: '{n} {n:service|services}' },
      ahead: { id: '{n} orang di depan Anda', en: '{n} {n:person|people} ahead of you' },
    };
    const en = translator(texts, 'en');
    const id = translator(texts, 'id');
    expect(en('services', { n: 1 })).toBe('1 service');
    expect(en('services', { n: 2 })).toBe('2 services');
    expect(en('services', { n: 0 })).toBe('0 services');
    expect(en('ahead', { n: 1 })).toBe('1 person ahead of you');
    expect(id('services', { n: 1 })).toBe('1 layanan');
  });
});
