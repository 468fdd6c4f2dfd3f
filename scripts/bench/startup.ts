// Start-up of the real hub process (`node --import tsx apps/hub/src/main.ts`) on databases holding 1,000,000
// and 5,000,000 tickets of earlier service days (one and about five years of a busy hall), beside the same start
// on an empty database: time from spawn to the "hub listening" log line and to the first successful
// GET /api/health, and the resident memory after a few requests. The target is a ratio: start-up must not grow
// with history. Each history database is generated once with the hub's own schema and cached under .tmp/bench/,
// keyed by that schema, so a schema change regenerates it.
//
// Each start gets its own copy of the cached file, written to disk (fsync) before the clock starts. Without that,
// the hub's first fsync'd commit waited for the kernel to write back the whole just-copied file (strace: one
// fsync of 544 ms on the 1.3 GB copy, 1.5 ms once synced; the same ~445 reads on either): the bench measured
// the copy, not the hub, which reads only today's events at start.
import { createHash } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TicketIssued } from '@giliran/domain';
import { openDatabase, type Db } from '../../apps/hub/src/db/database.ts';
import { DATABASE_FILE } from '../../apps/hub/src/hub.ts';
import { spawnHub } from '../../tests/support/hub-process.ts';
import { HistoryGenerator, type HistoricTicket } from './report-history.ts';
import { isMain, median, progress, runBench, type BenchResult } from './run-all.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
const CACHE_DIR = join(ROOT, '.tmp', 'bench');
const KIOSK_TOKEN = 'demo-kiosk';

/** Tickets a day in the generated history: 1,000,000 tickets over 365 days, a busy hall's year. */
const TICKETS_PER_YEAR = 1_000_000;
const DAYS_PER_YEAR = 365;
const BATCH = 50_000;
/** The history sizes started on, beside the empty database. */
export const HISTORY_SIZES = [1_000_000, 5_000_000] as const;
/** Bump when the generated content changes; the schema itself is part of the cache key already. */
const GENERATOR_VERSION = 2;
const RUNS = 3;
/** Start-up on a long history may be at most this many times the start on an empty database (same run). */
const TARGET_START_RATIO = 1.2;
const TARGET_RSS_MB = 200;

interface Column {
  name: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

interface Generated {
  readonly id: string;
  readonly code: string;
  readonly day: string;
  readonly seq: number;
  readonly number: string;
  readonly serviceId: string;
  readonly issuedAt: string;
  /** How the ticket's day went (served, no-show, …): the report bench needs real work to do. */
  readonly history: HistoricTicket;
}

const BY = 'device:kiosk-1';

/** Values for the ticket columns the generator knows; a new NOT NULL column without default stops it loudly. */
const TICKET_VALUES: Record<string, (t: Generated) => unknown> = {
  id: (t) => t.id,
  code: (t) => t.code,
  service_day: (t) => t.day,
  number: (t) => t.number,
  seq: (t) => t.seq,
  service_id: (t) => t.history.serviceId,
  priority: (t) => t.history.priority,
  channel: () => 'kiosk',
  // Earlier days are never folded from the log (it holds only ticket:issued for these): the read model carries the
  // day as it went, which is what reports read.
  status: (t) => t.history.status,
  print_status: () => 'printed',
  counter_id: (t) => t.history.counterId,
  issued_at: (t) => t.issuedAt,
  issued_by: () => BY,
  first_called_at: (t) => t.history.firstCalledAt,
  called_at: (t) => t.history.calledAt,
  finished_at: (t) => t.history.finishedAt,
  outcome: (t) => t.history.outcome,
  recalls: (t) => t.history.recalls,
  late_tier: (t) => t.history.lateTier,
  steps: (t) => t.history.steps,
  served_by: (t) => t.history.servedBy,
  transfers: (t) => t.history.transfers,
};

function issuedEvent(t: Generated): TicketIssued {
  return {
    type: 'ticket:issued',
    ticketId: t.id,
    code: t.code,
    serviceId: t.serviceId,
    serviceDay: t.day,
    seq: t.seq,
    number: t.number,
    priority: t.history.priority,
    channel: 'kiosk',
    issuedAt: t.issuedAt,
    by: BY,
  };
}

const EVENT_VALUES: Record<string, (t: Generated) => unknown> = {
  service_day: (t) => t.day,
  type: () => 'ticket:issued',
  at: (t) => t.issuedAt,
  payload: (t) => JSON.stringify(issuedEvent(t)),
};

function insertFor(db: Db, table: string, values: Record<string, (t: Generated) => unknown>) {
  const columns = db.pragma(`table_info(${table})`) as Column[];
  const used = columns.filter((c) => c.name in values);
  for (const c of columns) {
    const generated = c.pk === 1 && table === 'events';
    if (!(c.name in values) && c.notnull === 1 && c.dflt_value === null && !generated)
      throw new Error(`${table}.${c.name} is new and NOT NULL: give it a value in scripts/bench/startup.ts`);
  }
  const statement = db.prepare(
    `INSERT INTO ${table} (${used.map((c) => c.name).join(', ')}) VALUES (${used.map(() => '?').join(', ')})`,
  );
  const getters = used.map((c) => values[c.name] ?? (() => null));
  return (t: Generated) => statement.run(...getters.map((get) => get(t)));
}

/** The schema as SQLite reports it after openDatabase, hashed: the cache key. */
function schemaKey(tickets: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-bench-schema-'));
  try {
    const db = openDatabase(join(dir, 'schema.sqlite'));
    const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
    db.close();
    return createHash('sha256')
      .update(JSON.stringify({ rows, TICKETS: tickets, DAYS: daysFor(tickets), GENERATOR_VERSION }))
      .digest('hex')
      .slice(0, 16);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Days of history for a size: the same tickets a day whatever the size, so a longer history is more days. */
function daysFor(tickets: number): number {
  return Math.round((tickets / TICKETS_PER_YEAR) * DAYS_PER_YEAR);
}

function generate(file: string, tickets: number): void {
  const days = daysFor(tickets);
  const site = JSON.parse(readFileSync(SITE_FILE, 'utf8')) as {
    numberWidth: number;
    services: { id: string; prefix: string }[];
  };
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
  const db = openDatabase(partial);
  // Bulk load: no journal, no fsync (a crash here just means regenerating); WAL again before the hub sees it.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const insertTicket = insertFor(db, 'tickets', TICKET_VALUES);
  const insertEvent = insertFor(db, 'events', EVENT_VALUES);
  const history = new HistoryGenerator(SITE_FILE);
  // Late service was raised and, these days being over, resolved: no compensation of history is still open.
  const insertCompensation = db.prepare(
    `INSERT INTO compensations (id, service_day, kind, ticket_id, counter_id, tier, remedy, officer_consequence,
       note, raised_at, raised_by, resolved_at, resolution) VALUES (?, ?, 'late_service', ?, NULL, 0, ?, 'none', NULL,
       ?, 'system', ?, ?)`,
  );
  const perDay = Math.ceil(tickets / days);
  const firstDay =
    Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) -
    (days + 1) * 86_400_000;
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const dayIndex = Math.floor(i / perDay);
      const inDay = i % perDay;
      const day = new Date(firstDay + dayIndex * 86_400_000).toISOString().slice(0, 10);
      // Services take turns, so each one's numbers run 1..n within the day.
      const service = site.services[inDay % site.services.length] ?? { id: 'ktp-el', prefix: 'A' };
      const seq = Math.floor(inDay / site.services.length) + 1;
      const issuedAt = new Date(firstDay + dayIndex * 86_400_000 + 3_600_000 + inDay * 10_000).toISOString();
      const t: Generated = {
        id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        code: i.toString(36).toUpperCase().padStart(10, '0'),
        day,
        seq,
        number: `${service.prefix}${String(seq).padStart(site.numberWidth, '0')}`,
        serviceId: service.id,
        // 08:00 local (UTC+7) onwards, one ticket every 10 s.
        issuedAt,
        history: history.ticket(i, issuedAt, service.id),
      };
      insertTicket(t);
      insertEvent(t);
      const { lateAt, servedBy, finishedAt } = t.history;
      if (lateAt !== null) {
        const resolution = {
          at: finishedAt ?? lateAt,
          by: servedBy ?? 'fo',
          remedyGiven: 'minuman',
          officerConsequence: 'none',
          note: null,
        };
        insertCompensation.run(
          `late-${t.id}`,
          day,
          t.id,
          history.lateRemedy,
          lateAt,
          resolution.at,
          JSON.stringify(resolution),
        );
      }
    }
  });
  const started = performance.now();
  for (let from = 0; from < tickets; from += BATCH) {
    insertBatch(from, Math.min(tickets, from + BATCH));
    if ((from / BATCH) % 20 === 19)
      progress(
        `generated ${(from + BATCH).toLocaleString('en-US')} tickets (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(partial, file);
}

/** A cached history database of `tickets` tickets (1M by default), generated when missing; stale caches of
 * that size with another schema are removed. */
export function cachedDatabase(tickets: number = TICKETS_PER_YEAR): {
  file: string;
  generatedMs: number | null;
} {
  mkdirSync(CACHE_DIR, { recursive: true });
  const prefix = `startup-${String(tickets)}-`;
  const name = `${prefix}${schemaKey(tickets)}.sqlite`;
  const file = join(CACHE_DIR, name);
  for (const entry of readdirSync(CACHE_DIR)) {
    if (entry.startsWith(prefix) && !entry.startsWith(name)) rmSync(join(CACHE_DIR, entry), { force: true });
  }
  if (existsSync(file)) return { file, generatedMs: null };
  progress(`generating ${tickets.toLocaleString('en-US')} tickets into ${file}`);
  const started = performance.now();
  generate(file, tickets);
  return { file, generatedMs: performance.now() - started };
}

/** Writes a file and its folder entry to disk, so that no later fsync of the hub waits for them. */
function syncToDisk(file: string): void {
  for (const path of [file, dirname(file)]) {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

interface StartMeasure {
  readonly listeningMs: number;
  readonly healthyMs: number;
  readonly selfReportedMs: number;
  readonly rssMb: number;
  readonly hwmMb: number;
}

function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

async function get(url: string, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function measureStart(dataDir: string): Promise<StartMeasure> {
  const spawned = performance.now();
  const hub = await spawnHub(dataDir, SITE_FILE);
  const listeningAt = performance.now();
  try {
    const base = `${hub.url}/api`;
    let healthyAt = Number.NaN;
    for (let attempt = 0; attempt < 500; attempt++) {
      const res = await get(`${base}/health`).catch(() => null);
      if (res?.status === 200) {
        healthyAt = performance.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (Number.isNaN(healthyAt)) throw new Error('GET /api/health never answered 200');

    // A few ordinary requests, so the figure is of a hub at work rather than just booted.
    for (let i = 0; i < 10; i++) await get(`${base}/health`);
    for (let i = 0; i < 5; i++) await get(`${base}/services`, KIOSK_TOKEN);
    for (const serviceId of ['ktp-el', 'kk', 'stnk']) {
      const issued = await fetch(`${base}/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KIOSK_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await issued.json()) as { id?: string };
      if (issued.status !== 201 || body.id === undefined) throw new Error(`issue: HTTP ${issued.status}`);
      await get(`${base}/tickets/${body.id}`, KIOSK_TOKEN);
    }
    // A ticket of the history, read from the read model rather than the live state.
    await get(`${base}/tickets/00000000-0000-4000-8000-000000000001`, KIOSK_TOKEN);

    const pid = hub.child.pid ?? 0;
    return {
      listeningMs: listeningAt - spawned,
      healthyMs: healthyAt - spawned,
      selfReportedMs: hub.startupMs,
      rssMb: statusKb(pid, 'VmRSS') / 1024,
      hwmMb: statusKb(pid, 'VmHWM') / 1024,
    };
  } finally {
    if (hub.isAlive()) {
      hub.child.kill('SIGTERM');
      const stopped = await Promise.race([
        hub.exited.then(() => true),
        new Promise<boolean>((resolve) => {
          setTimeout(() => {
            resolve(false);
          }, 10_000);
        }),
      ]);
      if (!stopped) {
        hub.child.kill('SIGKILL');
        await hub.exited;
      }
    }
  }
}

/** A start on an empty database, in a fresh folder. */
async function startEmpty(): Promise<StartMeasure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-start-'));
  try {
    return await measureStart(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A working copy of a cached history, made once before any start is timed and written to disk: copying gigabytes
 * between starts would flush the page cache (node_modules, the transform cache) and time the copy, not the hub.
 * Each start on it adds three tickets of today, which the next start folds: nothing beside a year of history.
 */
function workingCopy(source: string): string {
  // Beside the cache, not in tmpdir(): /tmp may be a tmpfs, where gigabytes would sit in RAM and fsync means nothing.
  const dataDir = mkdtempSync(join(CACHE_DIR, 'work-'));
  const copy = join(dataDir, DATABASE_FILE);
  copyFileSync(source, copy, constants.COPYFILE_FICLONE);
  syncToDisk(copy);
  return dataDir;
}

interface Series {
  readonly tickets: number;
  readonly cache: { file: string; generatedMs: number | null };
  readonly dataDir: string;
  readonly starts: StartMeasure[];
}

const m = (list: readonly StartMeasure[], key: keyof StartMeasure) => median(list.map((x) => x[key]));
const worst = (list: readonly StartMeasure[], key: keyof StartMeasure) =>
  Math.max(...list.map((x) => x[key]));
const millions = (tickets: number) => `${String(tickets / 1_000_000)}M`;

function seriesFigures(series: Series, empty: readonly StartMeasure[]): BenchResult['figures'] {
  const baselineLabel = 'same start, empty database';
  const size = millions(series.tickets);
  const figure = (label: string, unit: string, key: keyof StartMeasure) => ({
    label: `${label} (${size})`,
    unit,
    value: m(series.starts, key),
    baseline: m(empty, key),
    baselineLabel,
  });
  return [
    figure('spawn → "hub listening"', 'ms', 'listeningMs'),
    figure('spawn → GET /api/health 200', 'ms', 'healthyMs'),
    figure('createHub (self-reported)', 'ms', 'selfReportedMs'),
    figure('RSS after requests', 'MB', 'rssMb'),
    figure('peak RSS (VmHWM)', 'MB', 'hwmMb'),
  ];
}

function seriesTargets(series: Series, empty: readonly StartMeasure[]): BenchResult['targets'] {
  const size = millions(series.tickets);
  const healthy = m(series.starts, 'healthyMs');
  const emptyHealthy = m(empty, 'healthyMs');
  const self = m(series.starts, 'selfReportedMs');
  const emptySelf = m(empty, 'selfReportedMs');
  const rss = m(series.starts, 'rssMb');
  return [
    {
      label: `start-up on ${size} tickets ≤ ${String(TARGET_START_RATIO)}× the empty start`,
      pass: healthy <= TARGET_START_RATIO * emptyHealthy,
      detail: `spawn → healthy ${Math.round(healthy)} ms against ${Math.round(emptyHealthy)} ms (${(healthy / emptyHealthy).toFixed(2)}×; medians of ${String(RUNS)}, worst ${Math.round(worst(series.starts, 'healthyMs'))} ms)`,
    },
    {
      label: `createHub on ${size} tickets ≤ ${String(TARGET_START_RATIO)}× the empty one`,
      pass: self <= TARGET_START_RATIO * emptySelf,
      detail: `${Math.round(self)} ms against ${Math.round(emptySelf)} ms (${(self / emptySelf).toFixed(2)}×)`,
    },
    {
      label: `RSS on ${size} tickets ≤ ${String(TARGET_RSS_MB)} MB`,
      pass: rss <= TARGET_RSS_MB,
      detail: `${rss.toFixed(0)} MB (median of ${String(RUNS)}, worst ${worst(series.starts, 'rssMb').toFixed(0)} MB)`,
    },
  ];
}

export async function run(): Promise<BenchResult> {
  const series: Series[] = HISTORY_SIZES.map((tickets) => {
    const cache = cachedDatabase(tickets);
    progress(
      `copying the ${millions(tickets)} database to a working folder (written to disk before any start)`,
    );
    return { tickets, cache, dataDir: workingCopy(cache.file), starts: [] };
  });
  try {
    progress('one untimed start, so every series finds the TypeScript transform cache equally warm');
    await startEmpty();
    const empty: StartMeasure[] = [];
    for (let i = 0; i < RUNS; i++) {
      progress(`start ${String(i + 1)}/${String(RUNS)}: empty database`);
      empty.push(await startEmpty());
      for (const s of series) {
        progress(`start ${String(i + 1)}/${String(RUNS)}: ${s.tickets.toLocaleString('en-US')} tickets`);
        s.starts.push(await measureStart(s.dataDir));
      }
    }
    return result(series, empty);
  } finally {
    for (const s of series) rmSync(s.dataDir, { recursive: true, force: true });
  }
}

function result(series: readonly Series[], empty: readonly StartMeasure[]): BenchResult {
  return {
    name: 'startup',
    figures: series.flatMap((s) => seriesFigures(s, empty)),
    targets: series.flatMap((s) => seriesTargets(s, empty)),
    notes: [
      ...series.map(
        (s) =>
          `${millions(s.tickets)} database: ${s.cache.generatedMs === null ? 'from cache' : `generated in ${(s.cache.generatedMs / 1000).toFixed(0)} s`} (${s.cache.file.replace(ROOT, '')})`,
      ),
      'each history database is copied once to a working folder and fsynced before any start is timed',
      `medians of ${String(RUNS)} starts each, interleaved, after one untimed start`,
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
