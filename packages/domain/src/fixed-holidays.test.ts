import { describe, expect, it } from 'vitest';
import { holidaysWithYear } from './complaint-decide.ts';
import { isFixedHoliday, withFixedHolidays, yearsBetween } from './fixed-holidays.ts';

describe('fixed-date national holidays', () => {
  it('hold in any year, entered or not', () => {
    expect(isFixedHoliday('2031-08-17')).toBe(true);
    expect(isFixedHoliday('2031-08-18')).toBe(false);
    const dates = withFixedHolidays(['2027-03-10']);
    expect(['2027-01-01', '2027-03-10', '2027-03-11'].map((d) => dates.has(d))).toEqual([true, true, false]);
  });

  it("stay when a year's list is replaced by one that does not name them", () => {
    const current = [{ date: '2026-03-19', kind: 'libur_nasional' as const, name: 'Nyepi' }];
    const next = holidaysWithYear(current, 2027, [
      { date: '2027-01-04', kind: 'cuti_bersama', name: 'Cuti' },
    ]);
    expect(['2026-03-19', '2027-01-01', '2027-01-04', '2027-01-05'].map((d) => next.has(d))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('a span across New Year touches both years', () => {
    expect(yearsBetween('2026-12-30', '2027-01-07')).toEqual([2026, 2027]);
  });
});
