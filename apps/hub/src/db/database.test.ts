import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from './database.ts';

describe('openDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the schema once, records its version, and opens durable (WAL, synchronous=FULL)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'giliran-db-'));
    dirs.push(dir);
    const file = join(dir, 'g.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.prepare(
      "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('k', 'v', 'now', 'me')",
    ).run();
    db.close();

    const again = openDatabase(file);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'v' });
    const tables = (
      again.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'accounts',
        'compensations',
        'counters',
        'devices',
        'events',
        'idempotency',
        'sessions',
        'settings',
        'tickets',
      ]),
    );
    again.close();
  });

  it("finds a day's tickets through the (service_day, number) index, and keeps no second index by day", () => {
    const dir = mkdtempSync(join(tmpdir(), 'giliran-db-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'g.sqlite'));
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('; ');
    const days = [
      "SELECT * FROM tickets WHERE service_day = '2026-11-26'",
      "SELECT service_id FROM tickets WHERE service_day BETWEEN '2026-11-01' AND '2026-11-30' AND status = 'done'",
      "SELECT id FROM tickets WHERE service_day BETWEEN '2026-11-01' AND '2026-11-30' AND number = 'A001'",
    ];
    for (const query of days)
      expect(plan(query)).toMatch(/SEARCH tickets USING INDEX sqlite_autoindex_tickets_\d/);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'")
      .all();
    expect(indexes).not.toContainEqual({ name: 'tickets_by_day' });
    db.close();
  });
});
