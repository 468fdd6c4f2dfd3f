import type { LegacyRowImported } from '@giliran/domain';
import type { Db } from './database.ts';
import { LEGACY_TABLES } from './record-projection.ts';

/**
 * Schema version 8: the log is the whole truth. Until version 7 only the queue's tables were projections of
 * `events`; accounts, devices, settings and their audit trail, the calendar, complaints and their history, SKM
 * responses and the report chain were written directly. Each of their rows becomes one `legacy:row-imported`
 * event, appended in the tables' order (a complaint before its history), so a rebuild from the log alone gives
 * the same rows. From now on they change only through their features' events (db/record-projection.ts).
 */
export function migrateToOneLog(db: Db): void {
  const at = new Date().toISOString();
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT INTO events (service_day, type, at, payload) VALUES (?, ?, ?, ?)',
  );
  for (const table of LEGACY_TABLES) {
    // rowid order: the order the rows were written in, which AUTOINCREMENT ids keep on rebuild.
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<
      string,
      string | number | null
    >[];
    for (const row of rows) {
      const event: LegacyRowImported = { type: 'legacy:row-imported', table, row, at };
      insert.run(at.slice(0, 10), event.type, at, JSON.stringify(event));
    }
  }
}
