/**
 * Online booking at central (issue 18): central's own booking key (every central process signs with the same one),
 * each site's booking terms as its hub last sent them (with the log position they were current at, so a later quota
 * change in the log wins), and the bookings central took. Check-ins and no-shows are the hubs' to record: central
 * reads them from the synced log by booking code (the partial index), never copies them.
 */
export const SCHEMA_006 = `
CREATE TABLE central_keys (
  name TEXT PRIMARY KEY,
  private_pem TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE site_booking_terms (
  site_id TEXT PRIMARY KEY REFERENCES sites (id),
  terms JSONB NOT NULL,
  -- The site's acknowledged sequence when these terms arrived: a quota change logged after it overrides them.
  acked_seq BIGINT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE central_bookings (
  code TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id),
  service_id TEXT NOT NULL,
  date TEXT NOT NULL,
  session_id TEXT NOT NULL,
  start_hhmm TEXT NOT NULL,
  end_hhmm TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  locale TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
  check_in_from TEXT NOT NULL,
  check_in_until TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  -- The citizen's Idempotency-Key: a retried request answers the booking it made.
  request_key TEXT,
  UNIQUE (site_id, request_key)
);
CREATE INDEX central_bookings_slot ON central_bookings (site_id, service_id, date, session_id)
  WHERE status = 'booked';
CREATE INDEX central_bookings_phone ON central_bookings (site_id, phone);

CREATE INDEX events_booking_outcome ON events (site_id, (payload->>'code'))
  WHERE type IN ('booking:checked-in', 'booking:no-show');
CREATE INDEX events_setting_changes ON events (site_id, seq) WHERE type = 'setting:changed';
`;
