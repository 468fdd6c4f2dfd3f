/**
 * Central's first schema: accounts and sessions of the region, enrolled sites, every hub event (stored once per
 * site and sequence), and the read models built from the queue events.
 */
export const SCHEMA_001 = `
CREATE TABLE accounts (
  username TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('regional_admin', 'regional_viewer')),
  pin_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  disabled_at TIMESTAMPTZ
);

CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES accounts (username),
  role TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('hall', 'mobile')),
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  key_sha256 TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by TEXT NOT NULL,
  disabled_at TIMESTAMPTZ,
  -- The highest sequence held with nothing missing before it: the acknowledgement a hub pushes from.
  last_seq BIGINT NOT NULL DEFAULT 0,
  last_event_at TIMESTAMPTZ,
  last_contact_at TIMESTAMPTZ,
  -- The newest event the hub said it has, and when it happened (hub time).
  hub_head BIGINT NOT NULL DEFAULT 0,
  hub_head_at TIMESTAMPTZ,
  service_day TEXT
);

CREATE TABLE events (
  site_id TEXT NOT NULL REFERENCES sites (id),
  seq BIGINT NOT NULL,
  type TEXT NOT NULL,
  service_day TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  payload JSONB NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, seq)
);
CREATE INDEX events_by_day ON events (site_id, service_day, seq);

CREATE TABLE site_tickets (
  site_id TEXT NOT NULL REFERENCES sites (id),
  ticket_id TEXT NOT NULL,
  service_day TEXT NOT NULL,
  number TEXT NOT NULL,
  service_id TEXT NOT NULL,
  priority TEXT,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  counter_id TEXT,
  issued_at TIMESTAMPTZ NOT NULL,
  first_called_at TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,
  outcome TEXT,
  served_by TEXT,
  transfers INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, ticket_id)
);
CREATE INDEX site_tickets_by_day ON site_tickets (site_id, service_day);

CREATE TABLE site_compensations (
  site_id TEXT NOT NULL REFERENCES sites (id),
  compensation_id TEXT NOT NULL,
  service_day TEXT NOT NULL,
  kind TEXT NOT NULL,
  ticket_id TEXT,
  counter_id TEXT,
  raised_at TIMESTAMPTZ NOT NULL,
  resolved_at TIMESTAMPTZ,
  PRIMARY KEY (site_id, compensation_id)
);
`;
