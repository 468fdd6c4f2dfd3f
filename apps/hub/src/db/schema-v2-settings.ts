/**
 * Schema version 2: runtime settings and their audit trail (issue 6). The settings' values live in the v1
 * `settings` table (one row per changed setting, JSON); this adds who changed what, and disabled accounts.
 */
export const SCHEMA_V2 = `
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  area TEXT NOT NULL,
  target TEXT,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_by_time ON audit_log (at, id);

ALTER TABLE accounts ADD COLUMN disabled_at TEXT;
CREATE INDEX IF NOT EXISTS sessions_by_username ON sessions (username, revoked_at);
`;
