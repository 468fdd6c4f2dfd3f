import type {
  BookingCancelled,
  BookingCheckedIn,
  BookingEventFacts,
  BookingLocale,
  BookingMade,
  BookingMoved,
  BookingNoShow,
  BookingRecord,
  BookingSlot,
} from './booking-events.ts';
import {
  bookableDays,
  bookableQuota,
  checkInWindow,
  instantOf,
  type BookingRules,
  type ServiceBooking,
} from './booking-rules.ts';
import type { OpeningHours } from './config.ts';
import type { HolidayDates } from './working-days.ts';

/*
 * The decisions of online booking, pure: the hub loads what they rest on (how many places a session has taken,
 * the phone's open bookings and no-shows) in the same synchronous turn as the commit, so nothing changes between.
 */

export type BookingErrorCode =
  | 'BOOKING_NOT_OFFERED'
  | 'BOOKING_DATE_UNAVAILABLE'
  | 'BOOKING_SESSION_FULL'
  | 'BOOKING_PHONE_LIMIT'
  | 'BOOKING_PHONE_BLOCKED'
  | 'BOOKING_NOT_FOUND'
  | 'BOOKING_CLOSED'
  | 'BOOKING_ALREADY_USED'
  | 'BOOKING_CANCELLED'
  | 'BOOKING_CHECK_IN_TOO_EARLY'
  | 'BOOKING_CHECK_IN_TOO_LATE'
  | 'BOOKING_TOKEN_INVALID'
  | 'BOOKING_TOKEN_EXPIRED';

export class BookingRuleError extends Error {
  constructor(readonly code: BookingErrorCode) {
    super(code);
    this.name = 'BookingRuleError';
  }
}

/** What a session offers: its quota and the places taken by open and checked-in bookings. */
export interface SessionPlaces {
  readonly capacity: number;
  readonly quota: number;
  readonly taken: number;
}

/** Everything a booking decision reads, loaded by the hub (or the test) for the slot asked for. */
export interface BookingFactsAt {
  readonly rules: BookingRules;
  /** Null when the service takes no bookings. */
  readonly service: ServiceBooking | null;
  readonly hours: OpeningHours;
  readonly holidays: HolidayDates;
  readonly timeZone: string;
  readonly now: string;
  /** Bookings holding a place in the asked session (booked or checked in), the booking being moved left out. */
  readonly taken: number;
  /** The phone's bookings still open (booked), the booking being moved left out. */
  readonly openForPhone: number;
  /** When the phone's bookings were missed (no-show), newest or oldest first. */
  readonly noShowsOfPhone: readonly string[];
}

export interface MakeBooking {
  readonly code: string;
  readonly serviceId: string;
  readonly date: string;
  readonly sessionId: string;
  readonly name: string;
  readonly phone: string;
  readonly locale: BookingLocale;
  readonly by: string;
  readonly origin: string;
}

const DAY_MS = 86_400_000;

/** The session asked for, if the service holds it on that date and it is still ahead. */
function slotOf(facts: BookingFactsAt, serviceId: string, date: string, sessionId: string): BookingSlot {
  const { service } = facts;
  if (!service || service.serviceId !== serviceId) throw new BookingRuleError('BOOKING_NOT_OFFERED');
  const days = bookableDays(facts.rules, service, facts.hours, facts.holidays, facts.now, facts.timeZone);
  const day = days.find((d) => d.date === date);
  if (!day) throw new BookingRuleError('BOOKING_DATE_UNAVAILABLE');
  const session = day.sessions.find((s) => s.id === sessionId);
  if (!session) throw new BookingRuleError('BOOKING_DATE_UNAVAILABLE');
  return { serviceId, date, sessionId, start: session.start, end: session.end };
}

function requirePlace(facts: BookingFactsAt): void {
  const quota = bookableQuota(facts.service?.capacity ?? 0, facts.rules.walkInShare);
  if (facts.taken >= quota) throw new BookingRuleError('BOOKING_SESSION_FULL');
}

/** Repeated no-shows block new bookings for a while, when the site turned the block on. */
function requireNotBlocked(facts: BookingFactsAt): void {
  const block = facts.rules.noShowBlock;
  if (!block) return;
  const now = Date.parse(facts.now);
  const recent = facts.noShowsOfPhone
    .map((at) => Date.parse(at))
    .filter((at) => at > now - block.withinDays * DAY_MS)
    .sort((a, b) => a - b);
  const last = recent[recent.length - 1];
  if (recent.length >= block.noShows && last !== undefined && now < last + block.blockDays * DAY_MS)
    throw new BookingRuleError('BOOKING_PHONE_BLOCKED');
}

function windowOf(facts: BookingFactsAt, slot: BookingSlot) {
  const window = checkInWindow(facts.rules, slot.date, slot, facts.timeZone);
  return { checkInFrom: window.from, checkInUntil: window.until };
}

export function decideMakeBooking(command: MakeBooking, facts: BookingFactsAt): BookingMade {
  const slot = slotOf(facts, command.serviceId, command.date, command.sessionId);
  requireNotBlocked(facts);
  if (facts.openForPhone >= facts.rules.maxOpenPerPhone) throw new BookingRuleError('BOOKING_PHONE_LIMIT');
  requirePlace(facts);
  return {
    type: 'booking:made',
    at: facts.now,
    by: command.by,
    origin: command.origin,
    code: command.code,
    ...slot,
    name: command.name,
    phone: command.phone,
    locale: command.locale,
    ...windowOf(facts, slot),
  };
}

function factsOf(booking: BookingRecord): BookingEventFacts {
  return {
    code: booking.code,
    serviceId: booking.serviceId,
    date: booking.date,
    sessionId: booking.sessionId,
    start: booking.start,
    end: booking.end,
    name: booking.name,
    phone: booking.phone,
    locale: booking.locale,
  };
}

/** A booking may still be changed while it is open and its check-in has not closed. */
function requireOpen(booking: BookingRecord | null, now: string): BookingRecord {
  if (!booking) throw new BookingRuleError('BOOKING_NOT_FOUND');
  if (booking.status === 'checked-in') throw new BookingRuleError('BOOKING_ALREADY_USED');
  if (booking.status === 'cancelled') throw new BookingRuleError('BOOKING_CANCELLED');
  if (booking.status === 'no-show' || now > booking.checkInUntil)
    throw new BookingRuleError('BOOKING_CLOSED');
  return booking;
}

export interface MoveBooking {
  readonly date: string;
  readonly sessionId: string;
  readonly by: string;
}

/** Another date or session of the same service; `facts` are for the new slot, this booking left out. */
export function decideMoveBooking(
  booking: BookingRecord | null,
  command: MoveBooking,
  facts: BookingFactsAt,
): BookingMoved {
  const open = requireOpen(booking, facts.now);
  const slot = slotOf(facts, open.serviceId, command.date, command.sessionId);
  requirePlace(facts);
  return {
    type: 'booking:moved',
    at: facts.now,
    by: command.by,
    ...factsOf(open),
    ...slot,
    from: {
      serviceId: open.serviceId,
      date: open.date,
      sessionId: open.sessionId,
      start: open.start,
      end: open.end,
    },
    ...windowOf(facts, slot),
  };
}

export function decideCancelBooking(
  booking: BookingRecord | null,
  now: string,
  by: string,
): BookingCancelled {
  const open = requireOpen(booking, now);
  return { type: 'booking:cancelled', at: now, by, ...factsOf(open) };
}

/**
 * Checking a booking in at the hall makes it a ticket: once, within its window. Too late: the kiosk offers a
 * normal ticket instead (the booking is not used up by that).
 */
export function decideCheckIn(
  booking: BookingRecord | null,
  ticket: { readonly ticketId: string; readonly number: string },
  now: string,
  by: string,
  timeZone: string,
): BookingCheckedIn {
  if (!booking) throw new BookingRuleError('BOOKING_NOT_FOUND');
  if (booking.status === 'checked-in') throw new BookingRuleError('BOOKING_ALREADY_USED');
  if (booking.status === 'cancelled') throw new BookingRuleError('BOOKING_CANCELLED');
  if (booking.status === 'no-show' || now > booking.checkInUntil)
    throw new BookingRuleError('BOOKING_CHECK_IN_TOO_LATE');
  if (now < booking.checkInFrom) throw new BookingRuleError('BOOKING_CHECK_IN_TOO_EARLY');
  return {
    type: 'booking:checked-in',
    at: now,
    by,
    ...factsOf(booking),
    ticketId: ticket.ticketId,
    ticketNumber: ticket.number,
    minutesFromStart: Math.round(
      (Date.parse(now) - Date.parse(instantOf(booking.date, booking.start, timeZone))) / 60_000,
    ),
  };
}

/** Bookings whose check-in closed without a check-in, as of `now`: each becomes a no-show. */
export function decideNoShows(open: readonly BookingRecord[], now: string): BookingNoShow[] {
  return open
    .filter((b) => b.status === 'booked' && b.checkInUntil < now)
    .map((b) => ({ type: 'booking:no-show', at: now, by: 'system', ...factsOf(b) }));
}

/** The places a session offers now. */
export function sessionPlaces(service: ServiceBooking, rules: BookingRules, taken: number): SessionPlaces {
  return { capacity: service.capacity, quota: bookableQuota(service.capacity, rules.walkInShare), taken };
}
