import { describe, expect, it } from 'vitest';
import { formatWindows, hoursToTexts, parseWindows, textsToHours } from './hours-text.ts';

describe('opening hours as typed', () => {
  it('reads windows with colons or dots and any dash; empty is closed', () => {
    expect(parseWindows('08:00-12:00, 13.00–15.30')).toEqual([
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '15:30' },
    ]);
    expect(parseWindows('8.00-24:00')).toEqual([{ open: '08:00', close: '24:00' }]);
    expect(parseWindows('  ')).toEqual([]);
  });

  it('refuses what the hub would refuse: backwards, overlapping, out of range, garbage', () => {
    for (const text of [
      '12:00-08:00',
      '08:00-12:00, 11:00-13:00',
      '08:00-24:30',
      '08:60-09:00',
      'pagi',
      '08:00',
    ])
      expect(parseWindows(text)).toBeNull();
  });

  it('round-trips a week, leaving closed days out', () => {
    const hours = { mon: [{ open: '08:00', close: '12:00' }], fri: [{ open: '08:00', close: '11:00' }] };
    const texts = hoursToTexts(hours);
    expect(texts.mon).toBe('08:00-12:00');
    expect(texts.sat).toBe('');
    expect(textsToHours(texts)).toEqual(hours);
    expect(textsToHours({ ...texts, tue: 'x' })).toBeNull();
    expect(formatWindows(undefined)).toBe('');
  });
});
