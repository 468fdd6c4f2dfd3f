import {
  applyBookingEvent,
  isBookingEvent,
  type BookingEvent,
  type BookingRecord,
  type BookingStatus,
} from './booking-events.ts';
import type { QueueEvent } from './events.ts';
import { applyInPlace, initialState, type TicketState, type TicketStatus } from './state.ts';

/*
 * Online booking in the reports (issue 18): booked against walk-in tickets, how many bookings were missed, and how
 * punctual the citizens who came were, per service and day. Pure: the hub reads the facts from its tickets and
 * bookings tables, a test folds them from events (`bookingReportFactsOf`); both give the same shapes.
 */

/** One ticket as the booking report reads it. */
export interface BookingReportTicket {
  /** The service it was issued for (before any transfer): where a booking's ticket belongs. */
  readonly serviceId: string;
  readonly serviceDay: string;
  readonly booked: boolean;
  readonly status: TicketStatus;
  readonly issuedAt: string;
  readonly firstCalledAt: string | null;
}

/** One booking as the booking report reads it. */
export interface BookingReportBooking {
  readonly serviceId: string;
  /** The day booked (site calendar). */
  readonly date: string;
  readonly status: BookingStatus;
  /** Punctuality at check-in: minutes after the session's start (negative: early); null unless checked in. */
  readonly minutesFromStart: number | null;
  /** What became of its ticket; null unless checked in. */
  readonly ticketStatus: TicketStatus | null;
}

export interface BookingReportFacts {
  readonly tickets: readonly BookingReportTicket[];
  readonly bookings: readonly BookingReportBooking[];
}

/** Tickets of one kind (booked or walk-in): how many, how many served, and their waits for the first call. */
export interface TicketKindFigures {
  readonly tickets: number;
  readonly served: number;
  /** Tickets called at least once: the mean wait's count. */
  readonly called: number;
  readonly waitSeconds: number;
  readonly meanWaitSeconds: number | null;
}

export interface BookingCounts {
  /** Bookings for the day, cancelled ones included. */
  readonly made: number;
  readonly cancelled: number;
  /** Still open: their check-in has not closed yet. */
  readonly open: number;
  readonly checkedIn: number;
  /** Booked and never checked in (their check-in closed). */
  readonly missed: number;
  /** Checked in, then called and marked as not present. */
  readonly calledNoShow: number;
  /** (missed + calledNoShow) ÷ (checkedIn + missed): of the bookings that came due, those never served for it. */
  readonly noShowRate: number | null;
}

/** Check-in against the session's start (see PUNCTUALITY_ON_TIME_MINUTES). */
export interface Punctuality {
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
}

export interface BookingFigures {
  readonly booked: TicketKindFigures;
  readonly walkIn: TicketKindFigures;
  readonly bookings: BookingCounts;
  readonly punctuality: Punctuality;
}

export interface BookingFiguresRow extends BookingFigures {
  readonly day: string;
  readonly serviceId: string;
}

export interface BookingReport {
  /** Per day and service, by day then service. */
  readonly days: readonly BookingFiguresRow[];
  /** Per service over the range, by service. */
  readonly services: readonly (BookingFigures & { readonly serviceId: string })[];
  readonly total: BookingFigures;
}

/**
 * A check-in up to this many minutes before the session's start, or at its start, is on time; earlier is early,
 * any later is late (check-in closes `checkInAfterMinutes` after the start, so late is bounded).
 */
export const PUNCTUALITY_ON_TIME_MINUTES = 10;

export function punctualityOf(minutesFromStart: number): keyof Punctuality {
  if (minutesFromStart < -PUNCTUALITY_ON_TIME_MINUTES) return 'early';
  return minutesFromStart <= 0 ? 'onTime' : 'late';
}

const COUNT_KEYS = ['made', 'cancelled', 'open', 'checkedIn', 'missed', 'calledNoShow'] as const;

interface Tally {
  booked: { tickets: number; served: number; called: number; waitSeconds: number };
  walkIn: { tickets: number; served: number; called: number; waitSeconds: number };
  bookings: Record<(typeof COUNT_KEYS)[number], number>;
  punctuality: Record<keyof Punctuality, number>;
}

const emptyKind = () => ({ tickets: 0, served: 0, called: 0, waitSeconds: 0 });

function emptyTally(): Tally {
  return {
    booked: emptyKind(),
    walkIn: emptyKind(),
    bookings: { made: 0, cancelled: 0, open: 0, checkedIn: 0, missed: 0, calledNoShow: 0 },
    punctuality: { early: 0, onTime: 0, late: 0 },
  };
}

function addTicket(tally: Tally, t: BookingReportTicket): void {
  const kind = t.booked ? tally.booked : tally.walkIn;
  kind.tickets += 1;
  if (t.status === 'done') kind.served += 1;
  if (t.firstCalledAt !== null) {
    kind.called += 1;
    // Whole seconds per ticket, as the other report sections count them.
    kind.waitSeconds += Math.max(
      0,
      Math.round((Date.parse(t.firstCalledAt) - Date.parse(t.issuedAt)) / 1000),
    );
  }
}

function addBooking(tally: Tally, b: BookingReportBooking): void {
  const c = tally.bookings;
  c.made += 1;
  if (b.status === 'cancelled') c.cancelled += 1;
  if (b.status === 'booked') c.open += 1;
  if (b.status === 'no-show') c.missed += 1;
  if (b.status !== 'checked-in') return;
  c.checkedIn += 1;
  if (b.ticketStatus === 'no_show') c.calledNoShow += 1;
  if (b.minutesFromStart !== null) tally.punctuality[punctualityOf(b.minutesFromStart)] += 1;
}

function merge(into: Tally, from: Tally): void {
  for (const kind of ['booked', 'walkIn'] as const)
    for (const key of ['tickets', 'served', 'called', 'waitSeconds'] as const)
      into[kind][key] += from[kind][key];
  for (const key of COUNT_KEYS) into.bookings[key] += from.bookings[key];
  for (const key of ['early', 'onTime', 'late'] as const) into.punctuality[key] += from.punctuality[key];
}

function figures(t: Tally): BookingFigures {
  const kind = (k: Tally['booked']): TicketKindFigures => ({
    ...k,
    meanWaitSeconds: k.called === 0 ? null : Math.round(k.waitSeconds / k.called),
  });
  const due = t.bookings.checkedIn + t.bookings.missed;
  return {
    booked: kind(t.booked),
    walkIn: kind(t.walkIn),
    bookings: {
      made: t.bookings.made,
      cancelled: t.bookings.cancelled,
      open: t.bookings.open,
      checkedIn: t.bookings.checkedIn,
      missed: t.bookings.missed,
      calledNoShow: t.bookings.calledNoShow,
      noShowRate: due === 0 ? null : (t.bookings.missed + t.bookings.calledNoShow) / due,
    },
    punctuality: { ...t.punctuality },
  };
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
}

const byKey = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The booking section of a report: each day and service that had a booking or a booked ticket, with the walk-in
 * tickets of the same day and service beside it; a day and service without any booking is left out (it says
 * nothing about booking), but its walk-ins still count in the range's totals.
 */
export function bookingReport(facts: BookingReportFacts): BookingReport {
  const cells = new Map<string, Tally>();
  const withBookings = new Set<string>();
  const cellKey = (day: string, serviceId: string) => `${day}\u0000${serviceId}`;
  for (const t of facts.tickets) {
    addTicket(tallyOf(cells, cellKey(t.serviceDay, t.serviceId)), t);
    if (t.booked) withBookings.add(cellKey(t.serviceDay, t.serviceId));
  }
  for (const b of facts.bookings) {
    addBooking(tallyOf(cells, cellKey(b.date, b.serviceId)), b);
    withBookings.add(cellKey(b.date, b.serviceId));
  }
  const services = new Map<string, Tally>();
  const total = emptyTally();
  const days: BookingFiguresRow[] = [];
  for (const [key, tally] of byKey(cells)) {
    const [day = '', serviceId = ''] = key.split('\u0000');
    merge(tallyOf(services, serviceId), tally);
    merge(total, tally);
    if (withBookings.has(key)) days.push({ day, serviceId, ...figures(tally) });
  }
  return {
    days,
    services: byKey(services).map(([serviceId, tally]) => ({ serviceId, ...figures(tally) })),
    total: figures(total),
  };
}

/**
 * The facts of a log, folded from its queue and booking events in order: what the hub's tickets and bookings
 * tables hold, rebuilt from events (for tests, and anywhere the log is).
 */
export function bookingReportFactsOf(events: Iterable<QueueEvent | BookingEvent>): BookingReportFacts {
  const state = initialState();
  const issuedFor = new Map<string, string>();
  const bookings = new Map<string, BookingRecord>();
  const punctual = new Map<string, number>();
  // A new day clears the queue's tickets: the closed day's are kept here first.
  const closed: TicketState[] = [];
  for (const event of events) {
    if (isBookingEvent(event)) {
      bookings.set(event.code, applyBookingEvent(bookings.get(event.code), event));
      if (event.type === 'booking:checked-in') punctual.set(event.code, event.minutesFromStart);
      continue;
    }
    if (event.type === 'ticket:issued') {
      if (state.serviceDay !== event.serviceDay) closed.push(...state.tickets.values());
      issuedFor.set(event.ticketId, event.serviceId);
    }
    applyInPlace(state, event);
  }
  const all = new Map([...closed, ...state.tickets.values()].map((t) => [t.id, t]));
  return {
    tickets: [...all.values()].map((t) => ({
      serviceId: issuedFor.get(t.id) ?? t.serviceId,
      serviceDay: t.serviceDay,
      booked: t.booking !== undefined,
      status: t.status,
      issuedAt: t.issuedAt,
      firstCalledAt: t.firstCalledAt,
    })),
    bookings: [...bookings.values()].map((b) => ({
      serviceId: b.serviceId,
      date: b.date,
      status: b.status,
      minutesFromStart: b.status === 'checked-in' ? (punctual.get(b.code) ?? null) : null,
      ticketStatus: b.ticketId === null ? null : (all.get(b.ticketId)?.status ?? null),
    })),
  };
}
