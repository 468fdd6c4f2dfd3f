import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { SCHEMA_V4 } from '../db/schema-v4-reports.ts';

describe('schema v4 on a database that already holds tickets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-v4-'));
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills served_by and transfers from the event log', () => {
    const file = join(dir, 'giliran.sqlite');
    // A file as version 3 left it: no report columns, no report_days. (Version 4 alone is replayed below, so later
    // versions are not run twice.)
    const db = openDatabase(file);
    db.exec(`ALTER TABLE tickets DROP COLUMN served_by; ALTER TABLE tickets DROP COLUMN transfers;
      DROP TABLE report_days; DROP INDEX compensations_by_day;`);
    const ticket = db.prepare(
      `INSERT INTO tickets (id, code, service_day, number, seq, service_id, channel, status, issued_at, issued_by)
       VALUES (?, ?, '2026-11-25', ?, ?, ?, 'kiosk', ?, '2026-11-25T01:00:00.000Z', 'kiosk-1')`,
    );
    ticket.run('t1', 'c1', 'A001', 1, 'kk', 'done');
    ticket.run('t2', 'c2', 'A002', 2, 'ktp-el', 'no_show');
    ticket.run('t3', 'c3', 'A003', 3, 'ktp-el', 'waiting');
    const event = db.prepare(
      "INSERT INTO events (service_day, type, at, payload) VALUES ('2026-11-25', ?, '2026-11-25T01:00:00.000Z', ?)",
    );
    const log = (payload: Record<string, unknown>) => event.run(payload.type, JSON.stringify(payload));
    const at = '2026-11-25T01:05:00.000Z';
    log({
      type: 'ticket:transferred',
      ticketId: 't1',
      fromServiceId: 'ktp-el',
      toServiceId: 'kk',
      counterId: 'loket-2',
      by: 'loket2',
      at,
    });
    log({ type: 'ticket:no-show', ticketId: 't1', counterId: 'loket-1', by: 'loket1', at });
    log({ type: 'ticket:reactivated', ticketId: 't1', by: 'fo', at });
    log({
      type: 'ticket:finished',
      ticketId: 't1',
      counterId: 'loket-1',
      outcome: 'completed',
      by: 'loket9',
      at,
    });
    log({ type: 'ticket:no-show', ticketId: 't2', counterId: 'loket-2', by: 'loket2', at });
    db.exec(SCHEMA_V4);
    const rows = db.prepare('SELECT id, served_by, transfers FROM tickets ORDER BY id').all();
    expect(rows).toEqual([
      {
        id: 't1',
        served_by: 'loket9', // the last closing event wins: the no-show was undone
        transfers: JSON.stringify([
          { fromServiceId: 'ktp-el', toServiceId: 'kk', counterId: 'loket-2', by: 'loket2', at },
        ]),
      },
      { id: 't2', served_by: 'loket2', transfers: null },
      { id: 't3', served_by: null, transfers: null },
    ]);
    db.close();
  });
});
