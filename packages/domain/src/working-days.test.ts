import { describe, expect, it } from 'vitest';
import {
  isWorkingDay,
  nthWorkingDayAfter,
  startOfLocalDay,
  workingDaysDeadline,
  type HolidayDates,
} from './working-days.ts';

// SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025 (hari libur nasional and cuti bersama 2026), the days used here.
const LIBUR_2026 = ['2026-02-17', '2026-03-19', '2026-04-03', '2026-05-01', '2026-12-25', '2027-01-01'];
const CUTI_BERSAMA_2026 = [
  '2026-02-16',
  '2026-03-18',
  '2026-03-20',
  '2026-03-23',
  '2026-03-24',
  '2026-12-24',
];
const CALENDAR: HolidayDates = new Set([...LIBUR_2026, ...CUTI_BERSAMA_2026]);
const NONE: HolidayDates = new Set();
const WIB = 'Asia/Pontianak';

describe('working days', () => {
  it('are Monday to Friday less holidays and cuti bersama', () => {
    expect(isWorkingDay('2026-11-27', NONE)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', NONE)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', NONE)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-19', CALENDAR)).toBe(false); // Nyepi, Thursday
    expect(isWorkingDay('2026-03-20', CALENDAR)).toBe(false); // cuti bersama Idul Fitri, Friday
  });

  it('never count the starting day, and skip weekends', () => {
    expect(nthWorkingDayAfter('2026-11-27', 1, NONE)).toBe('2026-11-30'); // Friday → Monday
    expect(nthWorkingDayAfter('2026-11-28', 1, NONE)).toBe('2026-11-30'); // Saturday → Monday
    expect(nthWorkingDayAfter('2026-11-30', 1, NONE)).toBe('2026-12-01');
  });

  it('refuse a count below one and a calendar with no working day left', () => {
    expect(() => nthWorkingDayAfter('2026-11-27', 0, NONE)).toThrow(RangeError);
    expect(() => nthWorkingDayAfter('2026-11-27', 1.5, NONE)).toThrow(RangeError);
    const everyDay = new Set<string>();
    for (let d = Date.parse('2026-11-28'); d < Date.parse('2037-01-01'); d += 86_400_000) {
      everyDay.add(new Date(d).toISOString().slice(0, 10));
    }
    expect(() => nthWorkingDayAfter('2026-11-27', 1, everyDay)).toThrow(RangeError);
  });

  it('start a local day at its midnight in WIB, WITA and WIT', () => {
    expect(startOfLocalDay('2026-12-03', 'Asia/Pontianak')).toBe('2026-12-02T17:00:00.000Z');
    expect(startOfLocalDay('2026-12-03', 'Asia/Makassar')).toBe('2026-12-02T16:00:00.000Z');
    expect(startOfLocalDay('2026-12-03', 'Asia/Jayapura')).toBe('2026-12-02T15:00:00.000Z');
  });
});

describe('a deadline of N working days ends at the end of the N-th working day after the day of receipt', () => {
  it('runs over a weekend: Wednesday + 5 → the next Wednesday, 24:00 WIB', () => {
    // Wed 25 Nov 2026 10:00 WIB: Thu 26, Fri 27, Mon 30, Tue 1, Wed 2 December.
    expect(workingDaysDeadline('2026-11-25T03:00:00.000Z', 5, WIB, NONE)).toEqual({
      lastDay: '2026-12-02',
      deadlineAt: '2026-12-02T17:00:00.000Z',
    });
  });

  it('takes the day of receipt in the site zone, not in UTC', () => {
    // Thu 26 Nov 17:30 UTC is already Friday 00:30 in Pontianak: the first working day after it is Monday.
    expect(workingDaysDeadline('2026-11-26T17:30:00.000Z', 1, WIB, NONE)).toEqual({
      lastDay: '2026-11-30',
      deadlineAt: '2026-11-30T17:00:00.000Z',
    });
    // The same instant is Friday 02:30 in Jayapura (WIT, UTC+9): Monday ends at 15:00 UTC there.
    expect(workingDaysDeadline('2026-11-26T17:30:00.000Z', 1, 'Asia/Jayapura', NONE)).toEqual({
      lastDay: '2026-11-30',
      deadlineAt: '2026-11-30T15:00:00.000Z',
    });
  });

  it('skips the national holidays and the cuti bersama of Nyepi and Idul Fitri 2026', () => {
    // Tue 17 Mar 09:00 WIB. Off: Wed 18 (cuti), Thu 19 (Nyepi), Fri 20 (cuti), weekend, Mon 23 and Tue 24
    // (cuti). Counted: Wed 25, Thu 26, Fri 27, Mon 30, Tue 31.
    expect(workingDaysDeadline('2026-03-17T02:00:00.000Z', 5, WIB, CALENDAR)).toEqual({
      lastDay: '2026-03-31',
      deadlineAt: '2026-03-31T17:00:00.000Z',
    });
    // Cuti bersama are days off too: with the national holidays alone the same complaint is due a week earlier.
    expect(workingDaysDeadline('2026-03-17T02:00:00.000Z', 5, WIB, new Set(LIBUR_2026))).toEqual({
      lastDay: '2026-03-25',
      deadlineAt: '2026-03-25T17:00:00.000Z',
    });
  });

  it('runs 14 working days across Idul Fitri and Good Friday', () => {
    // Mon 9 Mar: 10–13 and 16–17 Mar (6), 25–27 and 30–31 Mar (11), 1–2 Apr (13), Fri 3 Apr off, Mon 6 Apr (14).
    expect(workingDaysDeadline('2026-03-09T03:00:00.000Z', 14, WIB, CALENDAR)).toEqual({
      lastDay: '2026-04-06',
      deadlineAt: '2026-04-06T17:00:00.000Z',
    });
  });

  it('runs 60 working days: twelve weeks, plus one working day for each weekday off on the way', () => {
    // From Mon 2 Feb, 60 working days without holidays is Mon 27 Apr (12 weeks later).
    expect(workingDaysDeadline('2026-02-02T01:00:00.000Z', 60, WIB, NONE).lastDay).toBe('2026-04-27');
    // Eight weekdays are off before it (16–17 Feb, 18–20 and 23–24 Mar, 3 Apr) and Fri 1 May after it:
    // Tue 28, Wed 29, Thu 30 Apr, Mon 4 … Fri 8 May.
    expect(workingDaysDeadline('2026-02-02T01:00:00.000Z', 60, WIB, CALENDAR)).toEqual({
      lastDay: '2026-05-08',
      deadlineAt: '2026-05-08T17:00:00.000Z',
    });
  });

  it('crosses the year end past Christmas, its cuti bersama and New Year', () => {
    // Wed 23 Dec 14:00 WIB. Off: Thu 24 (cuti), Fri 25 (Natal), Fri 1 Jan. Counted: 28, 29, 30, 31 Dec, Mon 4 Jan.
    expect(workingDaysDeadline('2026-12-23T07:00:00.000Z', 5, WIB, CALENDAR)).toEqual({
      lastDay: '2027-01-04',
      deadlineAt: '2027-01-04T17:00:00.000Z',
    });
  });

  it('starts counting after a complaint received on a holiday or at the weekend', () => {
    // Received on Christmas Day (Friday): the first working day is Monday 28 December.
    expect(workingDaysDeadline('2026-12-25T03:00:00.000Z', 1, WIB, CALENDAR)).toEqual({
      lastDay: '2026-12-28',
      deadlineAt: '2026-12-28T17:00:00.000Z',
    });
  });
});
