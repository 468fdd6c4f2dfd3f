import type { Holiday, HolidayDates } from './working-days.ts';

/**
 * National holidays on the same date every year (UU/Keppres; the SKB repeats them): known for any year before its
 * SKB is published, so a deadline in January never counts New Year's Day as a working day. Moving feasts (Idul
 * Fitri, Nyepi, Waisak…) and cuti bersama still come from the year's SKB, entered by MOD or admin.
 */
const FIXED: readonly { readonly monthDay: string; readonly name: string }[] = [
  { monthDay: '01-01', name: 'Tahun Baru Masehi' },
  { monthDay: '05-01', name: 'Hari Buruh Internasional' },
  { monthDay: '06-01', name: 'Hari Lahir Pancasila' },
  { monthDay: '08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
  { monthDay: '12-25', name: 'Hari Raya Natal' },
];

export function fixedHolidays(year: number): Holiday[] {
  return FIXED.map(({ monthDay, name }) => ({ date: `${year}-${monthDay}`, kind: 'libur_nasional', name }));
}

export function isFixedHoliday(date: string): boolean {
  return FIXED.some(({ monthDay }) => date.slice(5) === monthDay);
}

/** The entered holidays' dates and, in every year, the fixed-date national holidays. */
export function withFixedHolidays(entered: Iterable<string>): HolidayDates {
  const dates = new Set(entered);
  return { has: (date: string) => dates.has(date) || isFixedHoliday(date) };
}

/** The calendar years a span of dates touches, in order: a deadline counted across New Year touches two. */
export function yearsBetween(fromDate: string, toDate: string): number[] {
  const years: number[] = [];
  for (let year = Number(fromDate.slice(0, 4)); year <= Number(toDate.slice(0, 4)); year++) years.push(year);
  return years;
}
