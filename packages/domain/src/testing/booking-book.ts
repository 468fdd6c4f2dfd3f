import { expect } from 'vitest';
import {
  decideCancelBooking,
  decideCheckIn,
  decideMakeBooking,
  decideMoveBooking,
  type BookingFactsAt,
} from '../booking-decide.ts';
import { applyBookingEvent, type BookingEvent, type BookingRecord } from '../booking-events.ts';
import { DEFAULT_BOOKING_RULES, type BookingRules, type ServiceBooking } from '../booking-rules.ts';
import type { OpeningHours } from '../config.ts';

/** Monday to Friday 08:00–16:00, the hours of most halls. */
export const WEEKDAY_HOURS: OpeningHours = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ open: '08:00', close: '16:00' }]]),
);

export const KTP: ServiceBooking = { serviceId: 'ktp', capacity: 8 };

/** The bookings a hub holds, folded from their events as the `bookings` table is: what the decisions count. */
export class BookingBook {
  readonly byCode = new Map<string, BookingRecord>();

  constructor(
    readonly rules: BookingRules = DEFAULT_BOOKING_RULES,
    readonly service: ServiceBooking = KTP,
    readonly holidays: ReadonlySet<string> = new Set(),
  ) {}

  apply(events: readonly BookingEvent[]): this {
    for (const e of events) this.byCode.set(e.code, applyBookingEvent(this.byCode.get(e.code), e));
    return this;
  }

  facts(
    now: string,
    slot: { date: string; sessionId: string },
    phone: string,
    except?: string,
  ): BookingFactsAt {
    const others = [...this.byCode.values()].filter((b) => b.code !== except);
    return {
      rules: this.rules,
      service: this.service,
      hours: WEEKDAY_HOURS,
      holidays: this.holidays,
      timeZone: 'Asia/Jakarta',
      now,
      taken: others.filter(
        (b) =>
          b.date === slot.date &&
          b.sessionId === slot.sessionId &&
          (b.status === 'booked' || b.status === 'checked-in'),
      ).length,
      openForPhone: others.filter((b) => b.phone === phone && b.status === 'booked').length,
      noShowsOfPhone: others
        .filter((b) => b.phone === phone && b.status === 'no-show')
        .map((b) => b.changedAt),
    };
  }

  make(code: string, date: string, sessionId: string, phone: string, now: string): BookingEvent[] {
    const event = decideMakeBooking(
      {
        code,
        serviceId: this.service.serviceId,
        date,
        sessionId,
        name: 'Sari',
        phone,
        locale: 'id',
        by: 'public',
        origin: 'hub',
      },
      this.facts(now, { date, sessionId }, phone),
    );
    this.apply([event]);
    return [event];
  }

  move(code: string, date: string, sessionId: string, now: string): BookingEvent[] {
    const booking = this.byCode.get(code) ?? null;
    const event = decideMoveBooking(
      booking,
      { date, sessionId, by: 'public' },
      this.facts(now, { date, sessionId }, booking?.phone ?? '', code),
    );
    this.apply([event]);
    return [event];
  }

  cancel(code: string, now: string): BookingEvent[] {
    const event = decideCancelBooking(this.byCode.get(code) ?? null, now, 'public');
    this.apply([event]);
    return [event];
  }

  checkIn(code: string, ticketId: string, now: string): BookingEvent[] {
    const event = decideCheckIn(
      this.byCode.get(code) ?? null,
      { ticketId, number: 'A001' },
      now,
      'kiosk-1',
      'Asia/Jakarta',
    );
    this.apply([event]);
    return [event];
  }
}

/** Expects `act` to be refused with `code`. */
export function refuses(act: () => unknown, code: string): void {
  expect(act).toThrow(expect.objectContaining({ code }));
}
