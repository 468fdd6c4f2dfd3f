// Central ingest: many sites each replaying a busy day into one central process at once, over HTTP with their
// keys, in the hub pusher's batches; against a raw batched insert of the same rows into the same table of the same
// PostgreSQL. The two alternate (A/B/A/B: each site's day is cut into ROUNDS parts, each part pushed through central,
// then inserted raw), so a burst of load from whoever else shares the machine falls on both. Then one site three
// days behind catches up alone. Scale with BENCH_CENTRAL_SITES, BENCH_CENTRAL_TICKETS, BENCH_CENTRAL_ROUNDS and
// BENCH_CENTRAL_POOL (the issue's figure is 100 sites × 3,000 tickets; each ticket is five events: issued, called,
// two steps, finished).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { SyncEvent } from '@giliran/protocol';
import type { CentralProcess } from '../../tests/support/central-process.ts';
import { startPostgres, type PostgresCluster } from '../../tests/support/postgres-cluster.ts';
import { startBenchCentral } from './central-start.ts';
import { isMain, progress, runBench, type BenchResult } from './run-all.ts';

const SITES = Number(process.env.BENCH_CENTRAL_SITES ?? 100);
const TICKETS = Number(process.env.BENCH_CENTRAL_TICKETS ?? 3000);
const ROUNDS = Number(process.env.BENCH_CENTRAL_ROUNDS ?? 6);
/** Connections to PostgreSQL, central's pool and the baseline's alike (central's own default unless set). */
const POOL = process.env.BENCH_CENTRAL_POOL;
const BASELINE_POOL = Number(POOL ?? 10);
/** `BENCH_CENTRAL_PROFILE=<dir>`: central writes a V8 CPU profile there when it stops. */
const PROFILE_DIR = process.env.BENCH_CENTRAL_PROFILE;
const BATCH = 500;
const TARGET_RATIO = 0.5;

/** A busy day of one hall as its log holds it, sequences from `firstSeq`. */
function busyDay(day: string, tickets: number, firstSeq = 1): SyncEvent[] {
  const events: SyncEvent[] = [];
  const open = Date.parse(`${day}T01:00:00.000Z`);
  const push = (type: string, at: number, payload: Record<string, unknown>) => {
    const iso = new Date(at).toISOString();
    events.push({
      seq: firstSeq + events.length,
      type,
      serviceDay: day,
      at: iso,
      payload: { type, ...payload, at: iso },
    });
  };
  for (let i = 0; i < tickets; i++) {
    const ticketId = `${day}-t${i}`;
    const issued = open + i * 9_000;
    const counterId = `loket-${(i % 12) + 1}`;
    const by = `loket${(i % 12) + 1}`;
    push('ticket:issued', issued, {
      ticketId,
      code: `C${i}`,
      serviceId: `svc-${i % 13}`,
      serviceDay: day,
      seq: i + 1,
      number: `A${i + 1}`,
      priority: null,
      channel: 'kiosk',
      issuedAt: new Date(issued).toISOString(),
      by: 'device:kiosk-1',
    });
    push('ticket:called', issued + 600_000, { ticketId, counterId, via: 'next', by });
    push('ticket:step-started', issued + 630_000, { ticketId, counterId, step: 4, by });
    push('ticket:step-started', issued + 800_000, { ticketId, counterId, step: 5, by });
    push('ticket:finished', issued + 900_000, { ticketId, counterId, outcome: 'completed', by });
  }
  return events;
}

/** The site's request bodies, serialised before the clock starts: the driver's JSON work is not central's. */
function bodiesOf(siteId: string, events: readonly SyncEvent[]): string[] {
  const bodies: string[] = [];
  const last = events.at(-1);
  for (let start = 0; start < events.length; start += BATCH) {
    const batch = events.slice(start, start + BATCH);
    bodies.push(
      JSON.stringify({
        siteId,
        after: (batch[0]?.seq ?? 1) - 1,
        head: last?.seq ?? 0,
        headAt: last?.at ?? null,
        events: batch,
      }),
    );
  }
  return bodies;
}

function post(agent: Agent, port: number, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/api/central/sync',
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function pushAll(
  agent: Agent,
  port: number,
  site: { id: string; key: string },
  bodies: readonly string[],
) {
  for (const body of bodies) {
    const status = await post(agent, port, site.key, body);
    if (status !== 200) throw new Error(`sync ${site.id}: ${status}`);
  }
}

function rssMbOf(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? 0) / 1024;
}

/** CPU seconds (user + system) a process has used, from /proc; 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function postmasterOf(cluster: PostgresCluster): number {
  return Number(
    readFileSync(join(dirname(cluster.logFile), 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
}

/** The server processes of the cluster: its postmaster and every child (backends, writers, checkpointer). */
function clusterPids(cluster: PostgresCluster): number[] {
  const postmaster = postmasterOf(cluster);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(postmaster);
      } catch {
        return false;
      }
    });
  return [postmaster, ...children];
}

/** CPU seconds used while `work` ran by each group of processes (listed again after: PostgreSQL forks). */
async function cpuDuring(
  groups: readonly (() => number[])[],
  work: () => Promise<unknown>,
): Promise<{ seconds: number; cpu: number[] }> {
  const before = groups.map((pids) => new Map(pids().map((pid) => [pid, cpuSecondsOf(pid)])));
  const seconds = await timed(work);
  const cpu = groups.map((pids, i) =>
    pids().reduce((sum, pid) => sum + cpuSecondsOf(pid) - (before[i]?.get(pid) ?? 0), 0),
  );
  return { seconds, cpu };
}

const uptime = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

/**
 * The baseline: the same rows, in the same batches, into the same table, one INSERT per batch of the rows as one
 * JSON text unpacked by json_to_recordset (the form central's own write uses; it measured as fast as unnest arrays
 * in PostgreSQL and cheaper in the client). The JSON is made before the clock starts, as the bodies are.
 */
function rawBatchesOf(events: readonly SyncEvent[]): string[] {
  const batches: string[] = [];
  for (let start = 0; start < events.length; start += BATCH)
    batches.push(JSON.stringify(events.slice(start, start + BATCH)));
  return batches;
}

async function insertRaw(pool: pg.Pool, siteId: string, batches: readonly string[]): Promise<void> {
  for (const rows of batches)
    await pool.query(
      `INSERT INTO events (site_id, seq, type, service_day, at, payload)
       SELECT $1, e.seq, e.type, e."serviceDay", e.at, e.payload
       FROM json_to_recordset($2::json) AS e(seq bigint, type text, "serviceDay" text, at timestamptz, payload jsonb)`,
      [siteId, rows],
    );
}

/** Part `round` of `rounds` of a list, as even as whole items allow. */
function part<T>(items: readonly T[], round: number, rounds: number): T[] {
  return items.slice(
    Math.floor((round * items.length) / rounds),
    Math.floor(((round + 1) * items.length) / rounds),
  );
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** What a failed run leaves to find its cause: the end of PostgreSQL's log and of central's output. */
function failureReport(cluster: PostgresCluster, postmaster: number, central: CentralProcess | null): string {
  const log = existsSync(cluster.logFile) ? readFileSync(cluster.logFile, 'utf8').slice(-3000) : '(no log)';
  // Gone with no line in its log: killed (SIGKILL) from outside, as every lost run of this bench so far.
  const alive = existsSync(`/proc/${postmaster}`) ? 'still running' : 'gone';
  const ended = central === null ? null : (central.child.exitCode ?? central.child.signalCode);
  const exit =
    central === null
      ? ''
      : `, central's process ${ended === null ? 'still running' : `ended (${String(ended)})`}`;
  return `\n--- PostgreSQL's postmaster (pid ${postmaster}) ${alive}${exit}; its log (end) ---\n${log}\n--- central (end) ---\n${central?.output() ?? ''}`;
}

async function run(): Promise<BenchResult> {
  const cluster = await startPostgres();
  const postmaster = postmasterOf(cluster);
  let central: CentralProcess | null = null;
  try {
    const databaseUrl = await cluster.createDatabase('central_bench');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: BASELINE_POOL });
    // A connection PostgreSQL drops while idle in the pool is reported here rather than crashing the bench unread.
    pool.on('error', (error) => {
      progress(`baseline pool: ${error.message}`);
    });
    // Central in its own process, as deployed: the bench driver's work does not share its thread.
    const started = await startBenchCentral(databaseUrl, pool, {
      maxSockets: SITES + 1,
      spawn: {
        env: POOL === undefined ? {} : { CENTRAL_DB_POOL: POOL },
        nodeArgs: PROFILE_DIR === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`],
      },
    });
    central = started.central;
    const { port, agent, enrol } = started;
    const sites = await Promise.all(Array.from({ length: SITES }, (_, i) => enrol(`site-${i}`)));
    // The baseline's rows go to the same table under sites of their own (the foreign key holds for both).
    const rawSites = await Promise.all(Array.from({ length: SITES }, (_, i) => enrol(`raw-${i}`)));
    const day = busyDay('2026-03-09', TICKETS);
    const total = day.length * SITES;
    const loadBefore = uptime();
    progress(`${SITES} sites × ${day.length} events = ${total} events, A/B × ${ROUNDS}; load ${loadBefore}`);

    // Warm-up, not measured: both paths once at a small scale (JIT, plan caches, the pools' connections).
    const warm = busyDay('2026-03-08', 200);
    const warmSite = await enrol('warm-central');
    await pushAll(agent, port, warmSite, bodiesOf(warmSite.id, warm));
    await Promise.all(
      Array.from({ length: BASELINE_POOL }, async (_, i) => {
        const raw = await enrol(`warm-raw-${i}`);
        await insertRaw(pool, raw.id, rawBatchesOf(warm));
      }),
    );

    const bodies = sites.map((site) => bodiesOf(site.id, day));
    const rawBatches = rawBatchesOf(day);
    const batchSizes = rawBatches.map((_, i) => Math.min(BATCH, day.length - i * BATCH));
    const rounds: { central: number; raw: number; events: number; centralCpu: number; rawCpu: number }[] = [];
    const centralPid = central.child.pid ?? 0;
    // CPU of each side: central's process and the database's for A; the driver's process and the database's for B.
    const groups = [() => [centralPid], () => [process.pid], () => clusterPids(cluster)];
    for (let round = 0; round < ROUNDS; round++) {
      const events = part(batchSizes, round, ROUNDS).reduce((n, size) => n + size, 0) * SITES;
      const a = await cpuDuring(groups, () =>
        Promise.all(sites.map((site, i) => pushAll(agent, port, site, part(bodies[i] ?? [], round, ROUNDS)))),
      );
      const b = await cpuDuring(groups, () =>
        Promise.all(rawSites.map((site) => insertRaw(pool, site.id, part(rawBatches, round, ROUNDS)))),
      );
      const [centralCpu = 0, , centralDb = 0] = a.cpu;
      const [, driverCpu = 0, rawDb = 0] = b.cpu;
      rounds.push({
        central: a.seconds,
        raw: b.seconds,
        events,
        centralCpu: centralCpu + centralDb,
        rawCpu: driverCpu + rawDb,
      });
      progress(
        `round ${round + 1}: central ${Math.round(events / a.seconds)} events/s, raw ${Math.round(events / b.seconds)} events/s (${((b.seconds / a.seconds) * 100).toFixed(0)} %); CPU s: central ${centralCpu.toFixed(1)} + database ${centralDb.toFixed(1)}, against driver ${driverCpu.toFixed(1)} + database ${rawDb.toFixed(1)}; load ${uptime()}`,
      );
    }
    const sum = (pick: (r: (typeof rounds)[number]) => number) => rounds.reduce((n, r) => n + pick(r), 0);
    const ingestRate = total / sum((r) => r.central);
    const rawRate = total / sum((r) => r.raw);
    const centralCpuPer1000 = (sum((r) => r.centralCpu) / total) * 1000;
    const rawCpuPer1000 = (sum((r) => r.rawCpu) / total) * 1000;

    progress('one site three days behind catches up alone');
    const late = await enrol('site-late');
    const threeDays = [
      ...busyDay('2026-03-09', TICKETS, 1),
      ...busyDay('2026-03-10', TICKETS, 5 * TICKETS + 1),
      ...busyDay('2026-03-11', TICKETS, 10 * TICKETS + 1),
    ];
    const lateBodies = bodiesOf(late.id, threeDays);
    const catchUpSeconds = await timed(() => pushAll(agent, port, late, lateBodies));
    const rssMb = rssMbOf(central.child.pid ?? 0);
    const loadAfter = uptime();
    agent.destroy();
    if (PROFILE_DIR === undefined) await central.kill9();
    else await central.stop();
    await pool.end();
    const ratio = ingestRate / rawRate;
    return {
      name: 'central-ingest',
      figures: [
        {
          label: `ingest, ${SITES} sites at once`,
          unit: 'events/s',
          value: ingestRate,
          baseline: rawRate,
          baselineLabel: 'raw batched INSERT, same rows and table',
        },
        {
          label: 'CPU per 1,000 events (A: central + PostgreSQL; B: driver + PostgreSQL)',
          unit: 'ms',
          value: centralCpuPer1000 * 1000,
          baseline: rawCpuPer1000 * 1000,
          baselineLabel: 'raw batched INSERT, same rows and table',
        },
        {
          label: `catch-up of 3 days (${threeDays.length} events)`,
          unit: 's',
          value: catchUpSeconds,
          baseline: null,
          baselineLabel: '',
        },
        {
          label: 'RSS of the central process after the run',
          unit: 'MB',
          value: rssMb,
          baseline: null,
          baselineLabel: '',
        },
      ],
      targets: [
        {
          label: `ingest ≥ ${TARGET_RATIO * 100} % of a raw batched insert`,
          pass: ratio >= TARGET_RATIO,
          detail: `${Math.round(ingestRate)} against ${Math.round(rawRate)} events/s (${(ratio * 100).toFixed(0)} %); by round ${rounds.map((r) => `${((r.raw / r.central) * 100).toFixed(0)} %`).join(', ')}`,
        },
      ],
      notes: [
        `${SITES} sites × ${TICKETS} tickets (${day.length} events each), batches of ${BATCH}, A/B in ${ROUNDS} rounds; central runs in its own process; ingest includes HTTP, key check, validation, the per-site head check, the duplicate and gap checks, the ticket fold and the live broadcast`,
        `baseline: the same rows (as JSON made before the clock) in the same batches into the same events table (same keys, indexes, foreign key) under sites of its own, one INSERT … json_to_recordset per batch, ${SITES} writers on ${BASELINE_POOL} connections (central's pool: ${POOL ?? 'its default'}); PostgreSQL runs with fsync off (throwaway cluster)`,
        `load average (1, 5, 15 min) before ${loadBefore}, after ${loadAfter}`,
      ],
    };
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}${failureReport(cluster, postmaster, central)}`,
      {
        cause: error,
      },
    );
  } finally {
    if (central?.child.exitCode === null) await central.kill9();
    await cluster.stop();
  }
}

if (isMain(import.meta.url)) await runBench(run);
