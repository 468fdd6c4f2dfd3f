import { describe, expect, it } from 'vitest';
import type { QueueEvent, WaitQuoted } from './events.ts';
import { called } from './testing/builders.ts';
import { at } from './testing/fixtures.ts';
import { accuracyOf, accuracyReport, judgeQuotes, withinTolerance } from './wait-accuracy.ts';

function quote(
  ticketId: string,
  minute: number,
  minutes: number,
  naive: number | null,
  over: Partial<WaitQuoted> = {},
): WaitQuoted {
  return {
    type: 'ticket:wait-quoted',
    ticketId,
    serviceId: 'ktp',
    channel: 'issue',
    ahead: 0,
    minutes,
    low: minutes,
    high: minutes,
    naiveMinutes: naive,
    holdUp: null,
    at: at(minute),
    by: 'kiosk-1',
    ...over,
  };
}

describe('withinTolerance: ±max(5 min, 25 % of the actual wait)', () => {
  it('allows 5 minutes either side of a short wait, and 25 % of a long one', () => {
    expect(withinTolerance(15, 10)).toBe(true);
    expect(withinTolerance(16, 10)).toBe(false);
    expect(withinTolerance(75, 60)).toBe(true);
    expect(withinTolerance(44, 60)).toBe(false);
  });
});

describe('accuracyOf', () => {
  it('gives MAE, nearest-rank median and P90 of |error|, MSE, share within tolerance and signed bias', () => {
    // errors (quoted − actual): −10, 0, +2, +4
    const f = accuracyOf([
      { quoted: 10, actual: 20 },
      { quoted: 10, actual: 10 },
      { quoted: 12, actual: 10 },
      { quoted: 14, actual: 10 },
    ]);
    expect(f).toEqual({
      tickets: 4,
      mae: 4,
      medianError: 2,
      p90Error: 10,
      mse: 30,
      withinTolerance: 0.75,
      bias: -1,
    });
  });

  it('has no figures without tickets', () => {
    expect(accuracyOf([]).mae).toBeNull();
  });
});

describe('judgeQuotes: a promise meets the call that ends it', () => {
  it('given promises and calls, when judged, then each promise gets the minutes until the next call', () => {
    const events: QueueEvent[] = [
      quote('a', 0, 10, 5),
      quote('a', 4, 8, 4, { channel: 'status' }),
      quote('b', 1, 20, 30),
      called('a', 'c1', 12),
      called('b', 'c1', 31),
      quote('c', 2, 5, 5), // never called: left out
    ];
    const issue = judgeQuotes(events, 'Asia/Jakarta');
    expect(issue.map((q) => [q.ticketId, q.actualMinutes])).toEqual([
      ['a', 12],
      ['b', 30],
    ]);
    const all = judgeQuotes(events, 'Asia/Jakarta', null);
    expect(all.map((q) => [q.ticketId, q.channel, q.actualMinutes])).toEqual([
      ['a', 'issue', 12],
      ['a', 'status', 8],
      ['b', 'issue', 30],
    ]);
  });

  it('given a ticket recalled after a no-show, when judged, then a promise counts until the first call after it', () => {
    const events: QueueEvent[] = [
      quote('a', 0, 10, 10),
      called('a', 'c1', 10),
      quote('a', 30, 5, 5),
      called('a', 'c1', 36),
    ];
    expect(judgeQuotes(events, 'Asia/Jakarta').map((q) => q.actualMinutes)).toEqual([10, 6]);
  });
});

describe('accuracyReport', () => {
  it('groups by day and service and leaves promises without a naive figure out of both columns', () => {
    const events: QueueEvent[] = [
      quote('a', 0, 10, 5),
      quote('b', 0, 20, null, { holdUp: 'paused' }),
      quote('c', 0, 7, 7, { serviceId: 'skck' }),
      called('a', 'c1', 12),
      called('b', 'c1', 20),
      called('c', 'c2', 7),
    ];
    const { rows, total } = accuracyReport(judgeQuotes(events, 'Asia/Jakarta'));
    expect(rows.map((r) => [r.day, r.serviceId, r.estimator.tickets, r.naiveSilent])).toEqual([
      ['2026-11-25', 'ktp', 1, 1],
      ['2026-11-25', 'skck', 1, 0],
    ]);
    expect(total.estimator).toMatchObject({ tickets: 2, mae: 1, bias: -1 });
    expect(total.naive).toMatchObject({ tickets: 2, mae: 3.5, bias: -3.5 });
  });
});
