/**
 * Schema version 12 (issue 17): the mobile service unit. Every
 * table is a projection of the unit's events (`visit-request:*`, `visit:*`), written only by record-projection.ts.
 *
 * - `visit_requests`: written requests and businesses' calls, with their status and a decline's reason.
 * - `visits`: the schedule: date (one visit a day per unit), place, surat tugas, crew and the notice, as JSON.
 * - `visit_milestones`: the visit day, one row per milestone, judged against its standard.
 * - `visit_register`: the visit register; NIK and phone are personal data (masked in lists and exports).
 * - `visit_permits`: the permit issuance register (never a password).
 * - `visit_counselling`, `visit_photos`: counselling sessions, and photos' metadata (the files are in the data
 *   folder, `mobile-photos/<visit>/<photo>`).
 */
export const SCHEMA_V12 = `
CREATE TABLE IF NOT EXISTS visit_requests (
  id TEXT PRIMARY KEY,
  requester_kind TEXT NOT NULL,
  requester_name TEXT NOT NULL,
  letter_number TEXT,
  letter_date TEXT,
  place TEXT NOT NULL,
  wished_date TEXT NOT NULL,
  agencies TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL,
  decline_reason TEXT,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS visits (
  id TEXT PRIMARY KEY,
  request_id TEXT,
  date TEXT NOT NULL UNIQUE,
  place TEXT NOT NULL,
  surat_tugas_number TEXT NOT NULL,
  crew TEXT NOT NULL,
  notice TEXT,
  agencies TEXT NOT NULL,
  status TEXT NOT NULL,
  planned_at TEXT NOT NULL,
  planned_by TEXT NOT NULL,
  approved_at TEXT,
  approved_by TEXT
);
CREATE TABLE IF NOT EXISTS visit_milestones (
  visit_id TEXT NOT NULL,
  milestone TEXT NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  standard TEXT NOT NULL,
  judgement TEXT NOT NULL,
  minutes_off INTEGER NOT NULL,
  note TEXT,
  PRIMARY KEY (visit_id, milestone)
);
CREATE TABLE IF NOT EXISTS visit_register (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL,
  order_number INTEGER NOT NULL,
  name TEXT NOT NULL,
  nik TEXT,
  phone TEXT,
  business_name TEXT,
  risk_class TEXT,
  purpose TEXT NOT NULL,
  outcome TEXT NOT NULL,
  note TEXT,
  outside_window_reason TEXT,
  complaint_id TEXT,
  ticket_id TEXT,
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  UNIQUE (visit_id, order_number)
);
CREATE TABLE IF NOT EXISTS visit_permits (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL,
  entry_id TEXT,
  nib TEXT NOT NULL,
  business_name TEXT NOT NULL,
  risk_class TEXT NOT NULL,
  document TEXT NOT NULL,
  issued_in_oss_at TEXT NOT NULL,
  printed INTEGER NOT NULL,
  handed_over INTEGER NOT NULL,
  access_explained INTEGER NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS visit_counselling (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  people_reached INTEGER NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS visit_photos (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  caption TEXT,
  at TEXT NOT NULL,
  by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS visit_register_by_visit ON visit_register (visit_id, order_number);
CREATE INDEX IF NOT EXISTS visit_permits_by_visit ON visit_permits (visit_id);
`;
