import Database from 'better-sqlite3';
import { privateFile } from './private-files.ts';
import { SCHEMA_V2 } from './schema-v2-settings.ts';
import { SCHEMA_V3 } from './schema-v3-report-chain.ts';
import { SCHEMA_V4 } from './schema-v4-reports.ts';
import { SCHEMA_V5 } from './schema-v5-skm.ts';
import { SCHEMA_V6 } from './schema-v6-complaints.ts';
import { SCHEMA_V7 } from './schema-v7-lean-tickets.ts';
import { migrateToOneLog } from './schema-v8-one-log.ts';
import { SCHEMA_V10 } from './schema-v10-booking.ts';
import { SCHEMA_V9 } from './schema-v9-hardening.ts';
import { SCHEMA_V11 } from './schema-v11-messages.ts';
import { SCHEMA_V12 } from './schema-v12-mobile-unit.ts';
import { SCHEMA_V15 } from './schema-v15-message-variables.ts';

export type Db = Database.Database;

/** Version 1 of the schema. A later change is a new entry in MIGRATIONS, never an edit of this one. */
const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  service_day TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_day ON events (service_day, id);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, id);

CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_day TEXT NOT NULL,
  number TEXT NOT NULL,
  seq INTEGER NOT NULL,
  service_id TEXT NOT NULL,
  priority TEXT,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  print_status TEXT NOT NULL DEFAULT 'pending',
  counter_id TEXT,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  first_called_at TEXT,
  called_at TEXT,
  finished_at TEXT,
  outcome TEXT,
  recalls INTEGER NOT NULL DEFAULT 0,
  late_tier INTEGER NOT NULL DEFAULT -1,
  steps TEXT NOT NULL DEFAULT '[]',
  UNIQUE (service_day, number)
);
CREATE INDEX IF NOT EXISTS tickets_by_day ON tickets (service_day, service_id);

CREATE TABLE IF NOT EXISTS counters (
  id TEXT PRIMARY KEY,
  service_day TEXT NOT NULL,
  paused_reason TEXT,
  paused_since TEXT,
  active_ticket_id TEXT
);

CREATE TABLE IF NOT EXISTS compensations (
  id TEXT PRIMARY KEY,
  service_day TEXT NOT NULL,
  kind TEXT NOT NULL,
  ticket_id TEXT,
  counter_id TEXT,
  tier INTEGER,
  remedy TEXT NOT NULL,
  officer_consequence TEXT NOT NULL,
  note TEXT,
  raised_at TEXT NOT NULL,
  raised_by TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT
);
CREATE INDEX IF NOT EXISTS compensations_open ON compensations (resolved_at);

CREATE TABLE IF NOT EXISTS accounts (
  username TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  counter_ids TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS sessions (
  token_sha256 TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  counter_id TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency (
  actor TEXT NOT NULL,
  key TEXT NOT NULL,
  command TEXT NOT NULL,
  result_ref TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (actor, key)
);
`;

// One file per later version, so work on different tables never edits the same lines. A step is SQL, or a
// function for one that computes what it writes (version 8 turns rows into events).
const MIGRATIONS: readonly (string | ((db: Db) => void))[] = [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  migrateToOneLog,
  SCHEMA_V9,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V15,
];
/** The version a freshly opened file is at. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file up to the newest schema, each step in its own transaction; `user_version` records where it is. */
function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      const step = MIGRATIONS[version] ?? '';
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${String(version + 1)}`);
    })();
  }
}

/**
 * WAL lets readers run beside the single writer; synchronous=FULL fsyncs the WAL at every commit,
 * so an acknowledged ticket survives a power cut, not only a process crash (NORMAL would only survive the latter).
 */
export function openDatabase(file: string): Db {
  // An in-memory database (tests) is no file: creating one named ':memory:' would litter the working folder.
  if (file !== ':memory:' && file !== '') privateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
