/*
 * The events of online booking, in the hub's one log. Their names and the fields every payload carries are a
 * contract with the messages feature (outbox), which turns them into WhatsApp/SMS/e-mail texts.
 */

export type BookingLocale = 'id' | 'en';

/** Where and when: the service, the local date and the session with its local start and end (HH:MM). */
export interface BookingSlot {
  readonly serviceId: string;
  readonly date: string;
  readonly sessionId: string;
  readonly start: string;
  readonly end: string;
}

/** What every booking event carries. */
export interface BookingEventFacts extends BookingSlot {
  readonly code: string;
  readonly name: string;
  readonly phone: string;
  readonly locale: BookingLocale;
}

interface Stamp {
  readonly at: string;
  /** Who asked: `public` for the citizen's own phone, else the staff or device id; `system` for the sweep. */
  readonly by: string;
}

export interface BookingMade extends BookingEventFacts, Stamp {
  readonly type: 'booking:made';
  /** The server that took and signed it: this hub's site id, or `central`. */
  readonly origin: string;
  readonly checkInFrom: string;
  readonly checkInUntil: string;
}

export interface BookingMoved extends BookingEventFacts, Stamp {
  readonly type: 'booking:moved';
  readonly from: BookingSlot;
  readonly checkInFrom: string;
  readonly checkInUntil: string;
}

export interface BookingCancelled extends BookingEventFacts, Stamp {
  readonly type: 'booking:cancelled';
}

export interface BookingCheckedIn extends BookingEventFacts, Stamp {
  readonly type: 'booking:checked-in';
  readonly ticketId: string;
  readonly ticketNumber: string;
  /** Punctuality: minutes after the session's start it was checked in (negative: early). */
  readonly minutesFromStart: number;
}

/** Its check-in window closed without a check-in. */
export interface BookingNoShow extends BookingEventFacts, Stamp {
  readonly type: 'booking:no-show';
}

export type BookingEvent = BookingMade | BookingMoved | BookingCancelled | BookingCheckedIn | BookingNoShow;

export type BookingStatus = 'booked' | 'checked-in' | 'cancelled' | 'no-show';

/** A booking as the decisions see it. */
export interface BookingRecord extends BookingEventFacts {
  readonly status: BookingStatus;
  readonly ticketId: string | null;
  readonly checkInFrom: string;
  readonly checkInUntil: string;
  /** When the status last changed (a no-show's day, for the optional block). */
  readonly changedAt: string;
}

/** What one booking event makes of a booking (undefined before `booking:made`). */
export function applyBookingEvent(before: BookingRecord | undefined, event: BookingEvent): BookingRecord {
  const facts = {
    code: event.code,
    serviceId: event.serviceId,
    date: event.date,
    sessionId: event.sessionId,
    start: event.start,
    end: event.end,
    name: event.name,
    phone: event.phone,
    locale: event.locale,
    changedAt: event.at,
  };
  switch (event.type) {
    case 'booking:made':
    case 'booking:moved':
      return {
        ...facts,
        status: 'booked',
        ticketId: null,
        checkInFrom: event.checkInFrom,
        checkInUntil: event.checkInUntil,
      };
    case 'booking:cancelled':
    case 'booking:no-show':
      return {
        ...facts,
        status: event.type === 'booking:cancelled' ? 'cancelled' : 'no-show',
        ticketId: null,
        checkInFrom: before?.checkInFrom ?? event.at,
        checkInUntil: before?.checkInUntil ?? event.at,
      };
    case 'booking:checked-in':
      return {
        ...facts,
        status: 'checked-in',
        ticketId: event.ticketId,
        checkInFrom: before?.checkInFrom ?? event.at,
        checkInUntil: before?.checkInUntil ?? event.at,
      };
  }
}

export function isBookingEvent(event: { readonly type: string }): event is BookingEvent {
  return event.type.startsWith('booking:');
}
