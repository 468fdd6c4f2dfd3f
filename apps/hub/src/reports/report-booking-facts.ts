import {
  addDays,
  bookingReport,
  type BookingReport,
  type BookingReportBooking,
  type BookingReportTicket,
  type BookingStatus,
  type TicketStatus,
} from '@giliran/domain';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

/** Days read per query, a turn of the event loop between them: a year's range never holds the queue up. */
const CHUNK_DAYS = 31;

interface TicketRow {
  service_id: string;
  service_day: string;
  status: string;
  issued_at: string;
  first_called_at: string | null;
  /** The first transfer's origin: the service the ticket was issued for. */
  issued_for: string | null;
  booked: number;
}

interface BookingRow {
  service_id: string;
  date: string;
  status: string;
  minutes_from_start: number | null;
  ticket_status: string | null;
}

/**
 * The booking section of a report (booked against walk-in, missed bookings, punctuality) from the tickets and
 * bookings tables; null when the range has no booking and the site takes none, so a hall without online booking
 * reads no tickets for it.
 */
export async function bookingSection(
  db: Db,
  from: string,
  to: string,
  takesBookings: boolean,
): Promise<BookingReport | null> {
  const any = sql(db, 'SELECT COUNT(*) AS n FROM bookings WHERE date BETWEEN ? AND ?').get(from, to) as {
    n: number;
  };
  if (any.n === 0 && !takesBookings) return null;
  const tickets: BookingReportTicket[] = [];
  const bookings: BookingReportBooking[] = [];
  for (let start = from; start <= to; start = addDays(start, CHUNK_DAYS)) {
    const end = addDays(start, CHUNK_DAYS - 1) < to ? addDays(start, CHUNK_DAYS - 1) : to;
    tickets.push(...ticketsBetween(db, start, end));
    bookings.push(...bookingsBetween(db, start, end));
    await yieldToLoop();
  }
  return bookingReport({ tickets, bookings });
}

function ticketsBetween(db: Db, from: string, to: string): BookingReportTicket[] {
  const rows = sql(
    db,
    `SELECT t.service_id, t.service_day, t.status, t.issued_at, t.first_called_at,
       json_extract(t.transfers, '$[0].fromServiceId') AS issued_for,
       EXISTS (SELECT 1 FROM bookings b WHERE b.ticket_id = t.id) AS booked
     FROM tickets t WHERE t.service_day BETWEEN ? AND ?`,
  ).all(from, to) as TicketRow[];
  return rows.map((r) => ({
    serviceId: r.issued_for ?? r.service_id,
    serviceDay: r.service_day,
    booked: r.booked === 1,
    status: r.status as TicketStatus,
    issuedAt: r.issued_at,
    firstCalledAt: r.first_called_at,
  }));
}

function bookingsBetween(db: Db, from: string, to: string): BookingReportBooking[] {
  const rows = sql(
    db,
    `SELECT b.service_id, b.date, b.status, b.minutes_from_start, t.status AS ticket_status
     FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id WHERE b.date BETWEEN ? AND ?`,
  ).all(from, to) as BookingRow[];
  return rows.map((r) => ({
    serviceId: r.service_id,
    date: r.date,
    status: r.status as BookingStatus,
    minutesFromStart: r.status === 'checked-in' ? r.minutes_from_start : null,
    ticketStatus: r.ticket_status as TicketStatus | null,
  }));
}
