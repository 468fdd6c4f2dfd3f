import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BookingRuleError, decideNoShows } from './booking-decide.ts';
import type { BookingEvent } from './booking-events.ts';
import { bookableQuota, DEFAULT_BOOKING_RULES } from './booking-rules.ts';
import { BookingBook } from './testing/booking-book.ts';

/*
 * However bookings, moves, cancels, check-ins and the no-show sweep interleave, a session never holds more than its
 * quota and a booking is checked in at most once. Small sessions (quota 2) and few phones, so the quota and the
 * phone limit are reached in most runs; the distribution of outcomes is counted and asserted at the end.
 */

const DATES = ['2026-11-26', '2026-11-27'];
const SESSIONS = ['s1', 's2', 's3'];
const CAPACITY = 4;
const START = Date.parse('2026-11-26T00:10:00Z'); // Thursday 07:10 WIB, just before the first window opens

type Op =
  | { kind: 'make'; phone: number; date: number; session: number }
  | { kind: 'cancel' | 'check-in'; code: number }
  | { kind: 'move'; code: number; date: number; session: number }
  | { kind: 'rescan' | 'sweep' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('make' as const),
      phone: fc.integer({ min: 0, max: 5 }),
      date: fc.integer({ min: 0, max: 1 }),
      session: fc.integer({ min: 0, max: 2 }),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('cancel' as const, 'check-in' as const),
      code: fc.integer({ min: 0, max: 15 }),
    }),
    weight: 4,
  },
  // The same QR scanned again (a double scan, a second kiosk): the last booking checked in.
  { arbitrary: fc.record({ kind: fc.constant('rescan' as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      code: fc.integer({ min: 0, max: 15 }),
      date: fc.integer({ min: 0, max: 1 }),
      session: fc.integer({ min: 0, max: 2 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('sweep' as const) }), weight: 1 },
);
// Each step moves the clock on by 0–12 minutes: Thursday's sessions pass, Friday's stay ahead.
const step = fc.record({ op, minutes: fc.integer({ min: 0, max: 12 }) });

const outcomes = new Map<string, number>();
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

function act(book: BookingBook, o: Op, now: string) {
  // A code the book holds (a few unknown ones too): the n-th of them, counted from the newest.
  const codes = [...book.byCode.keys()];
  const code = (n: number) => codes[codes.length - 1 - (n % (codes.length + 1))] ?? 'UNKNOWN';
  switch (o.kind) {
    case 'make':
      return book.make(
        `C${String(book.byCode.size)}`,
        DATES[o.date] ?? '',
        SESSIONS[o.session] ?? '',
        `62${String(o.phone)}`,
        now,
      );
    case 'cancel':
      return book.cancel(code(o.code), now);
    case 'check-in':
      return book.checkIn(code(o.code), `t-${String(o.code)}-${now}`, now);
    case 'rescan': {
      const last = [...book.byCode.values()].filter((b) => b.status === 'checked-in').pop();
      return book.checkIn(last?.code ?? 'UNKNOWN', `t-again-${now}`, now);
    }
    case 'move':
      return book.move(code(o.code), DATES[o.date] ?? '', SESSIONS[o.session] ?? '', now);
    default: {
      const missed = decideNoShows([...book.byCode.values()], now);
      book.apply(missed);
      return missed;
    }
  }
}

describe('bookings under any interleaving', () => {
  afterAll(() => {
    console.log('booking property outcomes', Object.fromEntries(outcomes));
    // The generators must reach the limits, or the property says nothing.
    for (const key of [
      'made',
      'BOOKING_SESSION_FULL',
      'checked-in',
      'BOOKING_ALREADY_USED',
      'moved',
      'no-show',
    ])
      expect(outcomes.get(key) ?? 0, key).toBeGreaterThan(0);
  });

  it('never exceed a session quota and check each booking in at most once', () => {
    const quota = bookableQuota(CAPACITY, DEFAULT_BOOKING_RULES.walkInShare);
    fc.assert(
      fc.property(fc.array(step, { minLength: 60, maxLength: 160 }), (steps) => {
        const book = new BookingBook(DEFAULT_BOOKING_RULES, { serviceId: 'ktp', capacity: CAPACITY });
        const log: BookingEvent[] = [];
        let clock = START;
        for (const { op: o, minutes } of steps) {
          clock += minutes * 60_000;
          try {
            const events = act(book, o, new Date(clock).toISOString());
            for (const e of events) count(e.type.slice('booking:'.length));
            log.push(...events);
          } catch (error) {
            if (!(error instanceof BookingRuleError)) throw error;
            count(error.code);
          }
          for (const date of DATES)
            for (const sessionId of SESSIONS)
              expect(
                book.facts(new Date(clock).toISOString(), { date, sessionId }, '').taken,
              ).toBeLessThanOrEqual(quota);
        }
        const checkIns = new Map<string, number>();
        for (const e of log)
          if (e.type === 'booking:checked-in') checkIns.set(e.code, (checkIns.get(e.code) ?? 0) + 1);
        expect([...checkIns.values()].every((n) => n === 1)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
