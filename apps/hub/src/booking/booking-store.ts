import type { BookingRecord } from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { bookingRecordOf, type BookingRow } from '../db/booking-row.ts';

/** How many missed bookings one sweep marks; a full batch means more are waiting. */
export const MISSED_BATCH = 500;

/** Reads of the `bookings` projection: what every booking decision counts, from the indexes. */
export class BookingStore {
  constructor(private readonly db: Db) {}

  row(code: string): BookingRow | undefined {
    return sql(this.db, 'SELECT * FROM bookings WHERE code = ?').get(code) as BookingRow | undefined;
  }

  record(code: string): BookingRecord | null {
    const row = this.row(code);
    return row ? bookingRecordOf(row) : null;
  }

  /** Places held in a session (booked or checked in), one booking left out (the one being moved). */
  taken(serviceId: string, date: string, sessionId: string, except = ''): number {
    const row = sql(
      this.db,
      `SELECT COUNT(*) AS n FROM bookings WHERE service_id = ? AND date = ? AND session_id = ?
         AND status IN ('booked', 'checked-in') AND code != ?`,
    ).get(serviceId, date, sessionId, except) as { n: number };
    return row.n;
  }

  /** Places held per session of a day. */
  takenBySession(serviceId: string, date: string): Map<string, number> {
    const rows = sql(
      this.db,
      `SELECT session_id, COUNT(*) AS n FROM bookings WHERE service_id = ? AND date = ?
         AND status IN ('booked', 'checked-in') GROUP BY session_id`,
    ).all(serviceId, date) as { session_id: string; n: number }[];
    return new Map(rows.map((r) => [r.session_id, r.n]));
  }

  openForPhone(phone: string, except = ''): number {
    const row = sql(
      this.db,
      "SELECT COUNT(*) AS n FROM bookings WHERE phone = ? AND status = 'booked' AND code != ?",
    ).get(phone, except) as { n: number };
    return row.n;
  }

  noShowsOfPhone(phone: string): string[] {
    const rows = sql(
      this.db,
      "SELECT changed_at FROM bookings WHERE phone = ? AND status = 'no-show' ORDER BY changed_at",
    ).all(phone) as { changed_at: string }[];
    return rows.map((r) => r.changed_at);
  }

  /** Open bookings whose check-in closed before `now`: the no-show sweep's work, at most MISSED_BATCH at a time. */
  missed(now: string): BookingRecord[] {
    const rows = sql(
      this.db,
      `SELECT * FROM bookings WHERE status = 'booked' AND check_in_until < ? ORDER BY check_in_until LIMIT ${MISSED_BATCH}`,
    ).all(now) as BookingRow[];
    return rows.map(bookingRecordOf);
  }

  /** The earliest check-in window of an open booking that closes at or after `now` (index bookings_open). */
  nextCheckInClose(now: string): string | null {
    const row = sql(
      this.db,
      "SELECT MIN(check_in_until) AS at FROM bookings WHERE status = 'booked' AND check_in_until >= ?",
    ).get(now) as { at: string | null };
    return row.at;
  }
}
