import { describe, expect, it } from 'vitest';
import { Histogram } from './report-histogram.ts';
import { localHourReader } from './report-local-hour.ts';
import { daysInRange, isCalendarDate } from './report-dates.ts';

function histogramOf(values: readonly number[]): Histogram {
  const h = new Histogram();
  h.addEncoded(values.flatMap((v) => [v, 1]));
  return h;
}

describe('nearest-rank percentile', () => {
  it('takes the sample at rank ⌈p/100 × N⌉', () => {
    expect(histogramOf([5, 1, 4, 2, 3]).percentile(90)).toBe(5); // ⌈4.5⌉ = 5th
    expect(histogramOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).percentile(90)).toBe(9); // ⌈9⌉ = 9th
    expect(histogramOf([7]).percentile(90)).toBe(7);
    expect(new Histogram().percentile(90)).toBeNull();
  });

  it('does not let floating point move the rank (0.9 × 70 is 63.000…01)', () => {
    const seventy = histogramOf(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(seventy.percentile(90)).toBe(63);
  });

  it('encodes ascending [seconds, count] pairs and reads them back', () => {
    const h = histogramOf([30, 10, 30, 20]);
    expect(h.encode()).toEqual([10, 1, 20, 1, 30, 2]);
    expect(h.stats()).toEqual({ count: 4, averageSeconds: 23, p90Seconds: 30, maxSeconds: 30 });
  });

  it('keeps durations past the flat array (a day-long wait) in order, merged with the rest', () => {
    const h = histogramOf([50_000, 10, 40_000]);
    const other = histogramOf([40_000, 5]);
    h.merge(other);
    expect(h.encode()).toEqual([5, 1, 10, 1, 40_000, 2, 50_000, 1]);
    expect(h.stats()).toEqual({ count: 5, averageSeconds: 26_003, p90Seconds: 50_000, maxSeconds: 50_000 });
  });
});

describe('report calendar helpers', () => {
  it('reads the local hour in the site’s zone', () => {
    const instant = Date.parse('2026-11-25T16:30:00Z');
    expect(localHourReader('Asia/Jakarta')(instant)).toBe(23);
    expect(localHourReader('Asia/Jayapura')(instant)).toBe(1);
    expect(localHourReader('Asia/Kolkata')(instant)).toBe(22); // +05:30: 22:00 local
  });

  it('lists the dates of a range across a month end and checks calendar dates', () => {
    expect(daysInRange('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysInRange('2026-03-02', '2026-03-01')).toEqual([]);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-1-05')).toBe(false);
  });
});
