import { describe, expect, it } from 'vitest';
import type { BookingEvent } from './booking-events.ts';
import { bookingReport, bookingReportFactsOf, punctualityOf } from './booking-report.ts';
import type { QueueEvent } from './events.ts';

// 25 November 2026 in WIB (UTC+7): the 08:00 session starts at 01:00Z.
const DAY = '2026-11-25';
const SESSION_START = '2026-11-25T01:00:00.000Z';
const at = (minutesAfterStart: number) =>
  new Date(Date.parse(SESSION_START) + minutesAfterStart * 60_000).toISOString();

const slot = { serviceId: 'ktp', date: DAY, sessionId: 's1', start: '08:00', end: '10:00' };
const person = { name: 'Siti', phone: '6281234567890', locale: 'id' as const };

function made(code: string, serviceId = 'ktp'): BookingEvent {
  return {
    type: 'booking:made',
    code,
    ...slot,
    serviceId,
    ...person,
    origin: 'hub',
    checkInFrom: at(-30),
    checkInUntil: at(15),
    at: '2026-11-20T03:00:00.000Z',
    by: 'public',
  };
}

function checkedIn(code: string, ticketId: string, minutesFromStart: number): BookingEvent {
  return {
    type: 'booking:checked-in',
    code,
    ...slot,
    ...person,
    ticketId,
    ticketNumber: ticketId.toUpperCase(),
    minutesFromStart,
    at: at(minutesFromStart),
    by: 'kiosk-1',
  };
}

const closedWithout = (type: 'booking:no-show' | 'booking:cancelled', code: string): BookingEvent => ({
  type,
  code,
  ...slot,
  ...person,
  at: at(16),
  by: 'system',
});

function issued(ticketId: string, minutes: number, booking?: string): QueueEvent {
  return {
    type: 'ticket:issued',
    ticketId,
    code: ticketId,
    serviceId: 'ktp',
    serviceDay: DAY,
    seq: 1,
    number: ticketId.toUpperCase(),
    priority: null,
    channel: 'kiosk',
    issuedAt: at(minutes),
    by: 'kiosk-1',
    ...(booking ? { booking: { code: booking, sessionId: 's1', startsAt: SESSION_START } } : {}),
  };
}

const called = (ticketId: string, minutes: number): QueueEvent => ({
  type: 'ticket:called',
  ticketId,
  counterId: 'c1',
  via: 'next',
  at: at(minutes),
  by: 'o1',
});
const finished = (ticketId: string, minutes: number): QueueEvent => ({
  type: 'ticket:finished',
  ticketId,
  counterId: 'c1',
  outcome: 'completed',
  at: at(minutes),
  by: 'o1',
});
const noShow = (ticketId: string, minutes: number): QueueEvent => ({
  type: 'ticket:no-show',
  ticketId,
  counterId: 'c1',
  at: at(minutes),
  by: 'o1',
});

/**
 * Five bookings for the 08:00 session: b1 early (−25), b2 on time (−5) and b3 late (+8) check in, b4 never comes,
 * b5 is cancelled. Walk-ins w1 and w2 come at −20 and −10. The counter serves w1 (wait 25), b1 (wait 10), b2 (wait
 * 15); b3 is called at +20 (wait 12) and is not there; w2 is still waiting.
 */
const events: (QueueEvent | BookingEvent)[] = [
  ...['b1', 'b2', 'b3', 'b4', 'b5'].map((code) => made(code)),
  closedWithout('booking:cancelled', 'b5'),
  issued('w1', -20),
  checkedIn('b1', 't1', -25),
  issued('t1', -25, 'b1'),
  issued('w2', -10),
  checkedIn('b2', 't2', -5),
  issued('t2', -5, 'b2'),
  called('w1', 5),
  finished('w1', 8),
  checkedIn('b3', 't3', 8),
  issued('t3', 8, 'b3'),
  called('t1', -15),
  finished('t1', -12),
  called('t2', 10),
  finished('t2', 14),
  closedWithout('booking:no-show', 'b4'),
  called('t3', 20),
  noShow('t3', 25),
];

describe('the booking report, from events', () => {
  const report = bookingReport(bookingReportFactsOf(events));

  it('sets booked tickets against walk-ins: how many, served, and the mean wait for the first call', () => {
    const row = report.days[0];
    expect(report.days).toHaveLength(1);
    expect(row).toMatchObject({ day: DAY, serviceId: 'ktp' });
    expect(row?.booked).toEqual({
      tickets: 3,
      served: 2,
      called: 3,
      waitSeconds: 2220,
      meanWaitSeconds: 740,
    });
    // Booked: 10 + 15 + 12 minutes over 3. w1 waited 25 minutes; w2 has not been called, so it counts as a ticket but not in the mean.
    expect(row?.walkIn).toEqual({
      tickets: 2,
      served: 1,
      called: 1,
      waitSeconds: 1500,
      meanWaitSeconds: 1500,
    });
  });

  it('counts the missed bookings and those called as no-show in the no-show rate, never the cancelled', () => {
    expect(report.days[0]?.bookings).toEqual({
      made: 5,
      cancelled: 1,
      open: 0,
      checkedIn: 3,
      missed: 1,
      calledNoShow: 1,
      // (1 missed + 1 called and absent) of the 4 that came due.
      noShowRate: 0.5,
    });
  });

  it('sorts check-ins into early, on time and late against the session start', () => {
    expect(report.days[0]?.punctuality).toEqual({ early: 1, onTime: 1, late: 1 });
    expect([-11, -10, 0, 1].map(punctualityOf)).toEqual(['early', 'onTime', 'onTime', 'late']);
  });

  it('keeps a day and service apart, totals each service over the range, and leaves out days without bookings', () => {
    const nextDay = '2026-11-26';
    const more: (QueueEvent | BookingEvent)[] = [
      ...events,
      { ...made('c1', 'skck'), date: nextDay },
      { ...(issued('x1', 24 * 60) as QueueEvent & { type: 'ticket:issued' }), serviceDay: nextDay },
    ];
    const range = bookingReport(bookingReportFactsOf(more));
    expect(range.days.map((d) => [d.day, d.serviceId])).toEqual([
      [DAY, 'ktp'],
      [nextDay, 'skck'],
    ]);
    expect(range.days[1]?.bookings).toMatchObject({ made: 1, open: 1, noShowRate: null });
    expect(range.services.map((s) => [s.serviceId, s.walkIn.tickets, s.booked.tickets])).toEqual([
      ['ktp', 3, 3],
      ['skck', 0, 0],
    ]);
    expect(range.total.bookings.made).toBe(6);
    expect(range.total.walkIn.tickets).toBe(3);
  });
});
