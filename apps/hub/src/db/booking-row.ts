import type { BookingLocale, BookingRecord, BookingStatus } from '@giliran/domain';

/** A row of `bookings` as SQLite gives it. */
export interface BookingRow {
  code: string;
  service_id: string;
  date: string;
  session_id: string;
  start: string;
  end: string;
  name: string;
  phone: string;
  locale: string;
  status: string;
  origin: string;
  ticket_id: string | null;
  check_in_from: string;
  check_in_until: string;
  made_at: string;
  changed_at: string;
  minutes_from_start: number | null;
}

export function bookingRecordOf(row: BookingRow): BookingRecord {
  return {
    code: row.code,
    serviceId: row.service_id,
    date: row.date,
    sessionId: row.session_id,
    start: row.start,
    end: row.end,
    name: row.name,
    phone: row.phone,
    locale: row.locale as BookingLocale,
    status: row.status as BookingStatus,
    ticketId: row.ticket_id,
    checkInFrom: row.check_in_from,
    checkInUntil: row.check_in_until,
    changedAt: row.changed_at,
  };
}
