import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueEvent } from './events.ts';
import { fold, isWaiting } from './state.ts';
import { called, issued, paused, stepStarted } from './testing/builders.ts';
import { at, testConfig } from './testing/fixtures.ts';
import { estimateTicketWait } from './wait-estimate.ts';
import { forecastCalls } from './wait-forecast.ts';

interface Arrival {
  readonly serviceId: 'ktp' | 'skck';
  readonly priority: boolean;
  readonly minute: number;
}

// Queues of up to 120 waiting tickets (fast-check would keep arrays at ten or so by default), some counters busy
// or paused, asked at any minute of the next two hours.
const arrival = fc.record({
  serviceId: fc.constantFrom<'ktp' | 'skck'>('ktp', 'skck'),
  priority: fc.boolean(),
  minute: fc.integer({ min: 0, max: 120 }),
});
const desk = fc.constantFrom('idle', 'serving', 'paused');
const scenario = fc.record({
  arrivals: fc.array(arrival, { minLength: 1, maxLength: 120, size: 'max' }),
  desks: fc.tuple(desk, desk, desk),
  askAt: fc.integer({ min: 120, max: 240 }),
});

function build(arrivals: readonly Arrival[], desks: readonly string[]): QueueEvent[] {
  const sorted = [...arrivals].sort((a, b) => a.minute - b.minute);
  const seq = { ktp: 0, skck: 0 };
  const events: QueueEvent[] = sorted.map((a, i) => {
    seq[a.serviceId] += 1;
    return issued(`t${String(i)}`, `X${String(i)}`, seq[a.serviceId], a.minute, {
      serviceId: a.serviceId,
      priority: a.priority ? 'lansia' : null,
    });
  });
  ['c1', 'c2', 'c3'].forEach((counterId, i) => {
    if (desks[i] === 'paused') events.push(paused(counterId, 'istirahat', 100));
    if (desks[i] !== 'serving') return;
    // The counter serves the first ticket it may take, already in step 5.
    const serves = testConfig.counters[i]?.serviceIds ?? [];
    const first = events.find(
      (e) =>
        e.type === 'ticket:issued' &&
        serves.includes(e.serviceId) &&
        !events.some((x) => x.type === 'ticket:called' && x.ticketId === e.ticketId),
    );
    if (first?.type !== 'ticket:issued') return;
    events.push(called(first.ticketId, counterId, 110), stepStarted(first.ticketId, counterId, 4, 111));
    events.push(stepStarted(first.ticketId, counterId, 5, 113));
  });
  return events;
}

describe('the forecast, on any queue', () => {
  it('gives every waiting ticket a call time, in call order within a service and kind, and honest figures', () => {
    fc.assert(
      fc.property(scenario, ({ arrivals, desks, askAt }) => {
        const state = fold(build(arrivals, desks));
        const now = at(askAt);
        const forecast = forecastCalls(state, testConfig, now);
        const waiting = [...state.tickets.values()].filter(isWaiting);
        for (const t of waiting) expect(forecast.calls.has(t.id)).toBe(true);
        for (const a of waiting)
          for (const b of waiting) {
            const sameLine = a.serviceId === b.serviceId && (a.priority === null) === (b.priority === null);
            if (!sameLine || a.seq >= b.seq) continue;
            // Called in order: an earlier ticket of the same line is never expected after a later one.
            expect(forecast.calls.get(a.id)?.minutes).toBeLessThanOrEqual(
              forecast.calls.get(b.id)?.minutes ?? 0,
            );
          }
        for (const t of waiting) {
          const e = estimateTicketWait(state, testConfig, t, now, forecast);
          expect(e.minutes).not.toBeNull();
          const [minutes, low, high] = [e.minutes ?? -1, e.low ?? -1, e.high ?? -1];
          expect(low).toBeLessThanOrEqual(minutes);
          expect(minutes).toBeLessThanOrEqual(high);
          // Never "0 menit" while nobody calls the service.
          if (e.holdUp !== null) expect(minutes).toBeGreaterThanOrEqual(1);
          if (low < high) expect(low % 5 === 0 && high % 5 === 0).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
