/**
 * Schema version 5: SKM survey responses (issue 8).
 *
 * One row per questionnaire, the nine answers as columns so a period's NRR is one `SUM` per column.
 * - `ticket_id`: the ticket it was filled in for; at most one response per ticket (partial unique index), null for
 *   a survey taken on a kiosk without a ticket.
 * - `service_day`: the day it was answered, in the site's zone: a period's report counts what was answered in it.
 * - `agency_id`: kept as it was when answered, so moving a service to another agency later does not rewrite history.
 * - `submitted_by` + `request_key`: a retried submission (same Idempotency-Key) answers as the first did.
 */
export const SCHEMA_V5 = `
CREATE TABLE IF NOT EXISTS skm_responses (
  id TEXT PRIMARY KEY,
  service_day TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  ticket_id TEXT REFERENCES tickets (id),
  service_id TEXT NOT NULL,
  agency_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('public', 'kiosk')),
  submitted_by TEXT NOT NULL,
  request_key TEXT,
  u1 INTEGER NOT NULL CHECK (u1 BETWEEN 1 AND 4),
  u2 INTEGER NOT NULL CHECK (u2 BETWEEN 1 AND 4),
  u3 INTEGER NOT NULL CHECK (u3 BETWEEN 1 AND 4),
  u4 INTEGER NOT NULL CHECK (u4 BETWEEN 1 AND 4),
  u5 INTEGER NOT NULL CHECK (u5 BETWEEN 1 AND 4),
  u6 INTEGER NOT NULL CHECK (u6 BETWEEN 1 AND 4),
  u7 INTEGER NOT NULL CHECK (u7 BETWEEN 1 AND 4),
  u8 INTEGER NOT NULL CHECK (u8 BETWEEN 1 AND 4),
  u9 INTEGER NOT NULL CHECK (u9 BETWEEN 1 AND 4),
  gender TEXT NOT NULL,
  age_band TEXT NOT NULL,
  education TEXT NOT NULL,
  occupation TEXT NOT NULL,
  suggestion TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS skm_one_per_ticket ON skm_responses (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS skm_request_key ON skm_responses (submitted_by, request_key)
  WHERE request_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS skm_by_day ON skm_responses (service_day, service_id);
`;
