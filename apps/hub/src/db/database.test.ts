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
});
