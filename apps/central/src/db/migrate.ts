import type pg from 'pg';
import { SCHEMA_001 } from './schema-001-initial.ts';
import { SCHEMA_002 } from './schema-002-socket-adapter.ts';
import { SCHEMA_003 } from './schema-003-site-feed.ts';
import { SCHEMA_003B } from './schema-003b-site-epochs.ts';
import { SCHEMA_004 } from './schema-004-region-reports.ts';
import { SCHEMA_005 } from './schema-005-mobile-visits.ts';
import { SCHEMA_006 } from './schema-006-central-booking.ts';

// Ordered and append-only: a later change is a new entry, never an edit of one already shipped.
const MIGRATIONS: readonly string[] = [
  SCHEMA_001,
  SCHEMA_002,
  SCHEMA_003,
  SCHEMA_003B,
  SCHEMA_004,
  SCHEMA_005,
  SCHEMA_006,
];
export const CENTRAL_SCHEMA_VERSION = MIGRATIONS.length;

/** Any fixed number: every central process takes this lock to migrate, so two starting at once take turns. */
const MIGRATION_LOCK = 7_716_001;

/** Brings the database to the newest schema, each step in its own transaction, recorded in `schema_migrations`. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    for (let version = rows[0]?.v ?? 0; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version] ?? '');
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
