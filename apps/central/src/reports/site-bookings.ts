import {
  bookingReportFactsOf,
  isBookingEvent,
  type BookingEvent,
  type BookingReportFacts,
  type BookingReportTicket,
  type BookingReportBooking,
} from '@giliran/domain';
import type pg from 'pg';
import { queueEventsOf } from './site-days.ts';
import type { ProfiledSite } from './site-profiles.ts';

/**
 * The facts of a site's booking section, as its hub reads them from its tickets and bookings tables, folded here
 * from the events it sent: the bookings whose (last) date is in the range, and the tickets of the range's days.
 * Null exactly when the hub's section is: no booking in the range and the site takes none.
 */
export async function siteBookingFacts(
  pool: pg.Pool,
  site: ProfiledSite,
  from: string,
  to: string,
): Promise<BookingReportFacts | null> {
  const byDate = await bookingEventsByDate(pool, site.id, from, to);
  if (byDate.size === 0 && site.profile.booking === undefined) return null;
  const { rows } = await pool.query<{ service_day: string }>(
    `SELECT DISTINCT service_day FROM events
     WHERE site_id = $1 AND service_day BETWEEN $2 AND $3 AND type LIKE 'ticket:%'`,
    [site.id, from, to],
  );
  const days = [...new Set([...rows.map((r) => r.service_day), ...byDate.keys()])].sort();
  const tickets: BookingReportTicket[] = [];
  const bookings: BookingReportBooking[] = [];
  for (const day of days) {
    // A booking's ticket is issued on its day: the day's queue events and its bookings' events fold together.
    const queue = rows.some((r) => r.service_day === day) ? await queueEventsOf(pool, site.id, day) : [];
    const facts = bookingReportFactsOf([...(byDate.get(day) ?? []), ...queue]);
    tickets.push(...facts.tickets);
    bookings.push(...facts.bookings);
  }
  return { tickets, bookings };
}

/**
 * Every event of each booking whose date ends in the range (a move may carry it in or out), grouped by that date.
 * A booking is found by any of its events dated in the range; its date is its last event's.
 */
async function bookingEventsByDate(
  pool: pg.Pool,
  siteId: string,
  from: string,
  to: string,
): Promise<Map<string, BookingEvent[]>> {
  const { rows } = await pool.query<{ payload: { type: string } }>(
    `SELECT payload FROM events WHERE site_id = $1 AND type LIKE 'booking:%' AND payload->>'code' IN (
       SELECT payload->>'code' FROM events
       WHERE site_id = $1 AND type LIKE 'booking:%' AND payload->>'date' BETWEEN $2 AND $3)
     ORDER BY seq`,
    [siteId, from, to],
  );
  const byCode = new Map<string, BookingEvent[]>();
  for (const { payload } of rows) {
    if (!isBookingEvent(payload)) continue;
    const events = byCode.get(payload.code) ?? [];
    events.push(payload);
    byCode.set(payload.code, events);
  }
  const byDate = new Map<string, BookingEvent[]>();
  for (const events of byCode.values()) {
    const date = events.at(-1)?.date ?? '';
    if (date < from || date > to) continue;
    byDate.set(date, [...(byDate.get(date) ?? []), ...events]);
  }
  return byDate;
}
