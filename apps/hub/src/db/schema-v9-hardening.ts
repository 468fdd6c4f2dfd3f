/**
 * Schema version 9: hardening (issue 15).
 *
 * - `login_failures`: failed sign-ins per account and address (`address` = '*' for the account as a whole), kept on
 *   disk so a restart does not wipe an attacker's count; times in epoch ms. A good sign-in clears only its own
 *   address's count and marks that address as one the account signs in from (`last_success_at`).
 * - `pairing_codes`: one-time codes an admin creates on the MOD page for a kiosk or display; only their hash is
 *   kept, and a code works once, before `expires_at`.
 * - `devices.counter_id`: a kiosk-role device standing at a counter (a counter-side tablet); its SKM answers are
 *   reported apart. `devices.paired_at`: when a device was paired (null for one from the site file).
 * - `skm_responses.counter_id`: the counter whose tablet took the answer; null for the kiosk and the citizen's phone.
 */
export const SCHEMA_V9 = `
CREATE TABLE IF NOT EXISTS login_failures (
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failed_at INTEGER NOT NULL,
  last_success_at INTEGER,
  PRIMARY KEY (username, address)
);
CREATE TABLE IF NOT EXISTS pairing_codes (
  code_sha256 TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  role TEXT NOT NULL,
  counter_id TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
ALTER TABLE devices ADD COLUMN counter_id TEXT;
ALTER TABLE devices ADD COLUMN paired_at TEXT;
ALTER TABLE skm_responses ADD COLUMN counter_id TEXT;
`;
