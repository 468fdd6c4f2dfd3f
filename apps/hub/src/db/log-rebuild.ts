import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyInPlace, initialState, isQueueEvent, type HubEvent, type QueueState } from '@giliran/domain';
import { openDatabase, type Db } from './database.ts';
import { QueueStore } from './queue-store.ts';
import { LEGACY_TABLES, MOBILE_TABLES, projectRecord } from './record-projection.ts';

/**
 * Every read-model table, each a projection of `events`. Not in the list: `report_days` (summaries of closed days
 * computed on demand from `tickets`, a cache that a rebuild leaves empty), `idempotency` (the commands' answers,
 * not state) and `sessions` (sign-ins, never logged: they hold bearer-token hashes and expire). Nor the security
 * telemetry of issue 15, kept outside the log for the same reasons as sessions: `login_failures` (failed sign-ins
 * per account and address, counted on every wrong PIN, including guesses at usernames that do not exist; logging
 * them would let anyone fill the log) and `pairing_codes` (one-time codes' hashes that expire within minutes; the
 * device a code pairs is logged as `device:paired` with only its token's hash).
 */
export const PROJECTION_TABLES = [
  'tickets',
  'counters',
  'compensations',
  ...LEGACY_TABLES,
  ...MOBILE_TABLES,
  'bookings',
] as const;

const BATCH = 5_000;

/** The next day's queue starts empty but for the compensations still open (as the engine's own start does). */
function nextDay(previous: QueueState, serviceDay: string): QueueState {
  const state = initialState();
  state.serviceDay = serviceDay;
  for (const [id, record] of previous.compensations)
    if (!record.resolution) state.compensations.set(id, record);
  return state;
}

/** Empties what the schema's migrations seeded: the rebuilt file must hold only what the log says. */
function clearProjections(target: Db): void {
  target.exec('DELETE FROM events');
  const outsideLog = ['report_days', 'idempotency', 'sessions', 'login_failures', 'pairing_codes'];
  for (const table of [...outsideLog, ...PROJECTION_TABLES].reverse()) target.exec(`DELETE FROM ${table}`);
  target.exec("DELETE FROM sqlite_sequence WHERE name != 'events'");
}

/**
 * Builds every projection afresh from `source`'s log into a new database file `targetFile`: the events are
 * copied with their ids and folded in order, the queue's day by day through the same row writer the hub commits
 * with, the other features' through their projections.
 */
export function rebuildFromLog(source: Db, targetFile: string): { events: number } {
  if (existsSync(targetFile)) throw new Error(`${targetFile} exists; a rebuild writes a new file`);
  const target = openDatabase(targetFile);
  try {
    target.pragma('foreign_keys = OFF');
    clearProjections(target);
    const store = new QueueStore(target);
    const copy = target.prepare<[number, string, string, string, string]>(
      'INSERT INTO events (id, service_day, type, at, payload) VALUES (?, ?, ?, ?, ?)',
    );
    const read = source.prepare<[number, number]>(
      'SELECT id, service_day, type, at, payload FROM events WHERE id > ? ORDER BY id LIMIT ?',
    );
    let state = initialState();
    let last = 0;
    let count = 0;
    const applyBatch = target.transaction(
      (rows: { id: number; service_day: string; type: string; at: string; payload: string }[]) => {
        for (const row of rows) {
          copy.run(row.id, row.service_day, row.type, row.at, row.payload);
          const event = JSON.parse(row.payload) as HubEvent;
          if (isQueueEvent(event)) {
            if (state.serviceDay !== row.service_day) state = nextDay(state, row.service_day);
            applyInPlace(state, event);
            store.projectQueue(event, state, row.service_day);
          } else projectRecord(target, event);
        }
      },
    );
    for (;;) {
      const rows = read.all(last, BATCH) as {
        id: number;
        service_day: string;
        type: string;
        at: string;
        payload: string;
      }[];
      if (rows.length === 0) break;
      applyBatch(rows);
      last = rows[rows.length - 1]?.id ?? last;
      count += rows.length;
    }
    target.pragma('foreign_keys = ON');
    return { events: count };
  } finally {
    target.close();
  }
}

export interface TableDifference {
  readonly table: string;
  readonly onlyLive: readonly string[];
  readonly onlyRebuilt: readonly string[];
}

function rowsOf(db: Db, table: string): string[] {
  return db
    .prepare(`SELECT * FROM ${table} ORDER BY rowid`)
    .all()
    .map((row) => JSON.stringify(row));
}

/** Rows that differ between two databases, table by table (a row is compared whole, every column). */
export function compareProjections(live: Db, rebuilt: Db): TableDifference[] {
  const differences: TableDifference[] = [];
  for (const table of PROJECTION_TABLES) {
    const a = rowsOf(live, table);
    const b = rowsOf(rebuilt, table);
    const inB = new Set(b);
    const inA = new Set(a);
    const onlyLive = a.filter((row) => !inB.has(row));
    const onlyRebuilt = b.filter((row) => !inA.has(row));
    if (onlyLive.length > 0 || onlyRebuilt.length > 0) differences.push({ table, onlyLive, onlyRebuilt });
  }
  return differences;
}

/** Rebuilds `live`'s projections into a temporary file and compares them with the live tables. */
export function verifyLog(live: Db): { events: number; differences: TableDifference[] } {
  const folder = mkdtempSync(join(tmpdir(), 'giliran-verify-'));
  try {
    const file = join(folder, 'rebuilt.sqlite');
    const { events } = rebuildFromLog(live, file);
    const rebuilt = openDatabase(file);
    try {
      return { events, differences: compareProjections(live, rebuilt) };
    } finally {
      rebuilt.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
