import { describe, expect, it } from 'vitest';
import { localTime, serviceDayOf } from './local-time.ts';

describe("the site's local time", () => {
  it('turns instants into the date, weekday and minute of the site’s zone, in WIB, WITA and WIT', () => {
    expect(localTime('2026-11-25T16:59:00.000Z', 'Asia/Pontianak')).toEqual({
      date: '2026-11-25',
      weekday: 'wed',
      minuteOfDay: 23 * 60 + 59,
    });
    expect(localTime('2026-11-25T16:59:00.000Z', 'Asia/Makassar').date).toBe('2026-11-26');
    expect(localTime('2026-11-25T15:00:00.000Z', 'Asia/Jayapura')).toMatchObject({
      date: '2026-11-26',
      minuteOfDay: 0,
    });
  });

  it('answers right when asked about different minutes in turn (the last answer is reused only for its minute)', () => {
    const zone = 'Asia/Kathmandu'; // +05:45: minutes, not hours, decide the day here
    for (let i = 0; i < 3; i++) {
      expect(serviceDayOf('2026-11-25T18:14:59.999Z', zone)).toBe('2026-11-25');
      expect(serviceDayOf('2026-11-25T18:15:00.000Z', zone)).toBe('2026-11-26');
      expect(localTime('2026-11-25T18:15:30.000Z', zone).minuteOfDay).toBe(0);
    }
  });
});
