/**
 * Schema version 3: the end-of-day report chain, SOP steps 9–13 (issue 6).
 *
 * Each row is one sign-off, appended and never changed: the chain's own event log. It is not in `events`, which
 * holds queue events only and is folded into the live queue at start. `stage` is '9'…'13' or 'receipt';
 * `agency_id` is the gerai of a step 9 recap and '' otherwise, so that the UNIQUE key (NULLs never collide in
 * SQLite) makes a second signature of the same step impossible even if two requests raced.
 */
export const SCHEMA_V3 = `
CREATE TABLE IF NOT EXISTS report_chain_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  service_day TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('9', '10', '11', '12', '13', 'receipt')),
  agency_id TEXT NOT NULL DEFAULT '',
  signed_by TEXT NOT NULL,
  signer_role TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  clock_started_at TEXT,
  standard_seconds INTEGER,
  elapsed_seconds INTEGER,
  late INTEGER,
  note TEXT,
  report TEXT,
  missing_agency_ids TEXT NOT NULL DEFAULT '[]',
  UNIQUE (service_day, stage, agency_id)
);
`;
