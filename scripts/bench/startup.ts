// Start-up of the real hub process (`node --import tsx apps/hub/src/main.ts`) on a database holding 1,000,000
// tickets of earlier service days, beside the same start on an empty database: time from spawn to the
// "hub listening" log line and to the first successful GET /api/health, and the resident memory after a few
// requests. The 1M database is generated once with the hub's own schema and cached under .tmp/bench/, keyed by
// that schema, so a schema change regenerates it.
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
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const TICKETS = 1_000_000;
const DAYS = 365;
const BATCH = 50_000;
/** Bump when the generated content changes; the schema itself is part of the cache key already. */
const GENERATOR_VERSION = 2;
const RUNS = 3;
const TARGET_START_MS = 2000;
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
function schemaKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-bench-schema-'));
  try {
    const db = openDatabase(join(dir, 'schema.sqlite'));
    const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
    db.close();
    return createHash('sha256')
      .update(JSON.stringify({ rows, TICKETS, DAYS, GENERATOR_VERSION }))
      .digest('hex')
      .slice(0, 16);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function generate(file: string): void {
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
  const perDay = Math.ceil(TICKETS / DAYS);
  const firstDay =
    Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) -
    (DAYS + 1) * 86_400_000;
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
  for (let from = 0; from < TICKETS; from += BATCH) {
    insertBatch(from, Math.min(TICKETS, from + BATCH));
    if ((from / BATCH) % 4 === 3)
      progress(
        `generated ${(from + BATCH).toLocaleString('en-US')} tickets (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(partial, file);
}

/** The cached 1M database, generated when missing; stale caches of other schemas are removed. */
export function cachedDatabase(): { file: string; generatedMs: number | null } {
  mkdirSync(CACHE_DIR, { recursive: true });
  const name = `startup-${TICKETS}-${schemaKey()}.sqlite`;
  const file = join(CACHE_DIR, name);
  for (const entry of readdirSync(CACHE_DIR)) {
    if (entry.startsWith(`startup-`) && !entry.startsWith(name))
      rmSync(join(CACHE_DIR, entry), { force: true });
  }
  if (existsSync(file)) return { file, generatedMs: null };
  progress(`generating ${TICKETS.toLocaleString('en-US')} tickets into ${file}`);
  const started = performance.now();
  generate(file);
  return { file, generatedMs: performance.now() - started };
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

async function startOn(source: string | null): Promise<StartMeasure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-start-'));
  try {
    if (source !== null) copyFileSync(source, join(dataDir, DATABASE_FILE), constants.COPYFILE_FICLONE);
    return await measureStart(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult> {
  const cache = cachedDatabase();
  progress('one untimed start, so both series find the TypeScript transform cache equally warm');
  await startOn(null);
  const big: StartMeasure[] = [];
  const empty: StartMeasure[] = [];
  for (let i = 0; i < RUNS; i++) {
    progress(`start ${i + 1}/${RUNS}: empty database`);
    empty.push(await startOn(null));
    progress(`start ${i + 1}/${RUNS}: ${TICKETS.toLocaleString('en-US')} tickets`);
    big.push(await startOn(cache.file));
  }
  const m = (list: StartMeasure[], key: keyof StartMeasure) => median(list.map((x) => x[key]));
  const worst = (list: StartMeasure[], key: keyof StartMeasure) => Math.max(...list.map((x) => x[key]));
  const baselineLabel = 'same start, empty database';
  const healthy = m(big, 'healthyMs');
  const rss = m(big, 'rssMb');
  return {
    name: 'startup',
    figures: [
      {
        label: 'spawn → "hub listening"',
        unit: 'ms',
        value: m(big, 'listeningMs'),
        baseline: m(empty, 'listeningMs'),
        baselineLabel,
      },
      {
        label: 'spawn → GET /api/health 200',
        unit: 'ms',
        value: healthy,
        baseline: m(empty, 'healthyMs'),
        baselineLabel,
      },
      {
        label: 'createHub (self-reported)',
        unit: 'ms',
        value: m(big, 'selfReportedMs'),
        baseline: m(empty, 'selfReportedMs'),
        baselineLabel,
      },
      { label: 'RSS after requests', unit: 'MB', value: rss, baseline: m(empty, 'rssMb'), baselineLabel },
      {
        label: 'peak RSS (VmHWM)',
        unit: 'MB',
        value: m(big, 'hwmMb'),
        baseline: m(empty, 'hwmMb'),
        baselineLabel,
      },
    ],
    targets: [
      {
        label: `start-up on 1M tickets ≤ ${TARGET_START_MS} ms`,
        pass: healthy <= TARGET_START_MS,
        detail: `spawn → healthy ${Math.round(healthy)} ms (median of ${RUNS}, worst ${Math.round(worst(big, 'healthyMs'))} ms)`,
      },
      {
        label: `RSS on 1M tickets ≤ ${TARGET_RSS_MB} MB`,
        pass: rss <= TARGET_RSS_MB,
        detail: `${rss.toFixed(0)} MB (median of ${RUNS}, worst ${worst(big, 'rssMb').toFixed(0)} MB)`,
      },
    ],
    notes: [
      `1M database: ${cache.generatedMs === null ? 'from cache' : `generated in ${(cache.generatedMs / 1000).toFixed(0)} s`} (${cache.file.replace(ROOT, '')}); ` +
        `copied to a fresh folder for each start, so it is in the page cache`,
      `medians of ${RUNS} starts each, interleaved, after one untimed start`,
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
