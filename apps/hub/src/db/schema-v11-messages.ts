/**
 * Schema version 11 (issue 18): the message outbox and the numbers citizens leave at the kiosk. Both are outside the log:
 * a message row is written in the same transaction as the events that cause it and changes as it is sent; a
 * recipient, a body and a contact's number are erased after the visit (UU 27/2022), the log is kept for years.
 */
export const SCHEMA_V11 = `
CREATE TABLE IF NOT EXISTS message_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key TEXT NOT NULL UNIQUE,
  event_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT,
  locale TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  ref TEXT NOT NULL,
  visit_day TEXT NOT NULL,
  created_at TEXT NOT NULL,
  not_before TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  provider_id TEXT,
  erased_at TEXT
);
CREATE INDEX IF NOT EXISTS message_outbox_due ON message_outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS message_outbox_by_ref ON message_outbox (ref, status);
CREATE INDEX IF NOT EXISTS message_outbox_by_visit ON message_outbox (visit_day);

CREATE TABLE IF NOT EXISTS message_contacts (
  ticket_id TEXT PRIMARY KEY,
  service_day TEXT NOT NULL,
  address TEXT,
  locale TEXT NOT NULL,
  given_at TEXT NOT NULL,
  erased_at TEXT
);
CREATE INDEX IF NOT EXISTS message_contacts_by_day ON message_contacts (service_day);
`;
