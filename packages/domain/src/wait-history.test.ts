import { describe, expect, it } from 'vitest';
import type { DaySummary, GroupTally } from './report-types.ts';
import { waitHistoryFrom } from './wait-history.ts';

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

function day(service: number[], priority: number, arrivalsAt9: number): DaySummary {
  const arrivals = new Array<number>(24).fill(0);
  arrivals[9] = arrivalsAt9;
  return {
    version: 1,
    services: { ktp: tally(service, priority) },
    counters: {},
    officers: {},
    compliance: {},
    arrivals,
  };
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
});
