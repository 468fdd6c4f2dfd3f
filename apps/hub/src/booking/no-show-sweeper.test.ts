import type { HubEvent } from '@giliran/domain';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/manual-clock.ts';
import { MISSED_BATCH } from './booking-store.ts';
import { NoShowSweeper } from './no-show-sweeper.ts';

const START = Date.parse('2026-11-25T23:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Open bookings as the sweeper sees them: each one's window end. A sweep marks those closed before now, as
 * `BookingStore.missed` does (`check_in_until < now`), and records when it ran.
 */
function world(closes: readonly number[], batch = Number.POSITIVE_INFINITY) {
  const clock = new ManualClock(START);
  const open = closes.map((at) => new Date(at).toISOString()).sort();
  const sweptAt: number[] = [];
  const markedAt = new Map<string, number>();
  const sweeper = new NoShowSweeper({
    sweep: () => {
      const now = new Date(clock.now()).toISOString();
      sweptAt.push(clock.now());
      const missed = open.filter((until) => until < now).slice(0, batch);
      for (const until of missed) {
        markedAt.set(until, clock.now());
        open.splice(open.indexOf(until), 1);
      }
      return missed.length;
    },
    nextClose: (now) => open.find((until) => until >= now) ?? null,
    clock,
    logger: pino({ level: 'silent' }),
  });
  return { clock, open, sweptAt, markedAt, sweeper };
}

describe('the no-show sweep runs when a check-in window closes, on the hub’s clock', () => {
  it('marks each booking the moment its window closes, and a thirty-day jump wakes it a bounded number of times', () => {
    const closes = [START + 2 * HOUR, START + 26 * HOUR, START + 9 * DAY + 15 * 60_000];
    const w = world(closes);
    w.sweeper.fire();
    w.clock.advance(30 * DAY);
    for (const close of closes) expect(w.markedAt.get(new Date(close).toISOString())).toBe(close + 1);
    // Once per window and at most hourly otherwise (a PC's clock jump is noticed), never once a minute (43,200).
    expect(w.sweptAt.length).toBeLessThanOrEqual(1 + closes.length + 30 * 24);
    expect(w.sweptAt.length).toBeGreaterThan(closes.length);
    w.sweeper.stop();
  });

  it('brings the alarm forward for a booking made or moved with an earlier window', () => {
    const w = world([START + 20 * HOUR]);
    w.sweeper.fire();
    const soon = START + 10 * 60_000;
    w.open.push(new Date(soon).toISOString());
    w.open.sort();
    const made = { type: 'booking:made', checkInUntil: new Date(soon).toISOString() } as unknown as HubEvent;
    w.sweeper.onCommitted([made]);
    w.clock.advance(11 * 60_000);
    expect(w.markedAt.get(new Date(soon).toISOString())).toBe(soon + 1);
    w.sweeper.stop();
  });

  it('sweeps again at once while a full batch of missed bookings is left, then sleeps', () => {
    const closes = Array.from({ length: 2 * MISSED_BATCH + 3 }, (_, i) => START - DAY + i);
    const w = world(closes, MISSED_BATCH);
    w.sweeper.fire();
    w.clock.advance(0);
    expect(w.open).toEqual([]);
    expect(w.sweptAt).toEqual([START, START, START]);
    w.sweeper.stop();
  });

  it('has no timer after it stops', () => {
    const w = world([START + HOUR]);
    w.sweeper.fire();
    w.sweeper.stop();
    w.clock.advance(DAY);
    expect(w.sweptAt).toEqual([START]);
  });
});
