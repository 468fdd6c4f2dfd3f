import { describe, expect, it } from 'vitest';
import type { DaySummary, GroupTally } from './report-types.ts';
import { HOUR_PRIOR_TICKETS, waitHistoryFrom } from './wait-history.ts';

function tally(service: number[], priority: number): GroupTally {
  return {
    issued: 10,
    priority,
    served: 10,
    handedToAgency: 0,
    noShows: 0,
    cancelled: 0,
    transferred: 0,
    open: 0,
    lateService: 0,
    wait: [],
    service,
  };
}

function day(
  service: number[],
  priority: number,
  arrivalsAt9: number,
  serviceHours: Record<string, number[]> = {},
): DaySummary {
  const arrivals = new Array<number>(24).fill(0);
  arrivals[9] = arrivalsAt9;
  return {
    version: 2,
    services: { ktp: tally(service, priority) },
    counters: {},
    officers: {},
    compliance: {},
    arrivals,
    serviceHours,
  };
}

/** A service's hours row: `{hour: [count, seconds]}` → the 48 stored numbers. */
function hours(byHour: Record<number, [number, number]>): number[] {
  const row = new Array<number>(48).fill(0);
  for (const [hour, [count, seconds]] of Object.entries(byHour)) {
    row[2 * Number(hour)] = count;
    row[2 * Number(hour) + 1] = seconds;
  }
  return row;
}

describe('waitHistoryFrom: what the estimator learns from stored day summaries', () => {
  it('given a Monday and a Tuesday, when learned, then service times per weekday and over all days', () => {
    // Histograms are [seconds, count, …]: Monday 4 × 10 min, Tuesday 4 × 20 min.
    const history = waitHistoryFrom([
      { day: '2026-11-23', summary: day([600, 4], 0, 10) },
      { day: '2026-11-24', summary: day([1200, 4], 0, 10) },
    ]);
    const ktp = history.services.ktp;
    expect(ktp?.byWeekday.mon).toEqual({ count: 4, meanMinutes: 10, sdMinutes: 0 });
    expect(ktp?.byWeekday.tue?.meanMinutes).toBe(20);
    expect(ktp?.all).toEqual({ count: 8, meanMinutes: 15, sdMinutes: 5 });
  });

  it("given priority tickets, when learned, then they arrive per hour on the hall's own curve", () => {
    // 2 of the day's 10 tickets were priority, all arriving at 9: 2 an hour at 9, averaged over the 2 days.
    const history = waitHistoryFrom([
      { day: '2026-11-23', summary: day([600, 1], 2, 10) },
      { day: '2026-11-24', summary: day([600, 1], 0, 10) },
    ]);
    expect(history.services.ktp?.priorityPerHour[9]).toBe(1);
    expect(history.services.ktp?.priorityPerHour[10]).toBe(0);
  });

  it('given mornings slower than afternoons, when learned, then each hour has its pace, pulled towards the mean', () => {
    // Two days of 40 tickets at 8 (12 min each) and 40 at 13 (6 min each): all hours 9 min.
    const row = hours({ 8: [40, 40 * 720], 13: [40, 40 * 360] });
    const history = waitHistoryFrom([
      { day: '2026-11-23', summary: day([600, 1], 0, 10, { ktp: row }) },
      { day: '2026-11-24', summary: day([600, 1], 0, 10, { ktp: row }) },
    ]);
    const factor = history.services.ktp?.hourFactor ?? [];
    // 80 tickets of 12 min and the prior's k of 9 min, against 9: (80 × 12 + k × 9) ÷ ((80 + k) × 9).
    const k = HOUR_PRIOR_TICKETS;
    expect(factor[8]).toBeCloseTo((80 * 12 + k * 9) / ((80 + k) * 9), 10);
    expect(factor[8]).toBeGreaterThan(1.1);
    expect(factor[13]).toBeCloseTo((80 * 6 + k * 9) / ((80 + k) * 9), 10);
    expect(factor[13]).toBeLessThan(0.9);
    // An hour with no tickets says nothing: the mean pace.
    expect(factor[10]).toBe(1);
  });

  it('given no hours stored, when learned, then the pace is the same all day', () => {
    const history = waitHistoryFrom([{ day: '2026-11-23', summary: day([600, 4], 0, 10) }]);
    expect(history.services.ktp?.hourFactor).toEqual(new Array<number>(24).fill(1));
  });
});
