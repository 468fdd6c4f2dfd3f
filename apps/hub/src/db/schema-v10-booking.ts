/**
 * Schema version 10: online booking (issue 18).
 *
 * - `bookings`: one row per booking code, its slot, the citizen's name and WhatsApp number, its status (booked,
 *   checked-in, cancelled, no-show), the ticket it became and when; written only from `booking:*` events
 *   (record-projection.ts). The indexes serve what every booking decision counts: places taken in a session, a
 *   phone's open bookings and no-shows, and the open bookings whose check-in has closed.
 */
export const SCHEMA_V10 = `
CREATE TABLE IF NOT EXISTS bookings (
  code TEXT PRIMARY KEY,
  service_id TEXT NOT NULL,
  date TEXT NOT NULL,
  session_id TEXT NOT NULL,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  locale TEXT NOT NULL,
  status TEXT NOT NULL,
  origin TEXT NOT NULL,
  ticket_id TEXT,
  check_in_from TEXT NOT NULL,
  check_in_until TEXT NOT NULL,
  made_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  minutes_from_start INTEGER
);
CREATE INDEX IF NOT EXISTS bookings_by_slot ON bookings (service_id, date, session_id, status);
CREATE INDEX IF NOT EXISTS bookings_by_phone ON bookings (phone, status);
CREATE INDEX IF NOT EXISTS bookings_open ON bookings (status, check_in_until);
CREATE INDEX IF NOT EXISTS bookings_by_ticket ON bookings (ticket_id);
`;
