// Central ingest: many sites each replaying a busy day into one central process at once, over HTTP with their
// keys, in the hub pusher's batches; against a raw batched insert of the same rows into the same PostgreSQL.
// Then one site three days behind catches up alone. Scale with BENCH_CENTRAL_SITES and BENCH_CENTRAL_TICKETS
// (the figure is 100 sites × 3,000 tickets; each ticket is five events: issued, called, two steps, finished).
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import pg from 'pg';
import type { SyncEvent } from '@giliran/protocol';
import { upsertAccount } from '../../apps/central/src/index.ts';
import { spawnCentral } from '../../tests/support/central-process.ts';
import { startPostgres } from '../../tests/support/postgres-cluster.ts';
import { httpRequest, isMain, progress, runBench, type BenchResult } from './run-all.ts';

const SITES = Number(process.env.BENCH_CENTRAL_SITES ?? 100);
const TICKETS = Number(process.env.BENCH_CENTRAL_TICKETS ?? 3000);
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

function rssMbOf(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? 0) / 1024;
}

async function run(): Promise<BenchResult> {
  const cluster = await startPostgres();
  try {
    const databaseUrl = await cluster.createDatabase('central_bench');
    const port = await freePort();
    // Central in its own process, as deployed: the bench driver's work does not share its thread.
    const central = await spawnCentral(databaseUrl, port);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
    const agent = new Agent({ keepAlive: true, maxSockets: SITES + 1 });
    await upsertAccount(pool, {
      username: 'bench',
      name: 'Bench',
      role: 'regional_admin',
      pin: '583920',
    });
    const login = await httpRequest(agent, port, 'POST', '/api/auth/login', undefined, {
      username: 'bench',
      pin: '583920',
    });
    const token = (JSON.parse(login.body) as { token: string }).token;
    const enrol = async (id: string) => {
      const res = await httpRequest(agent, port, 'POST', '/api/central/sites', token, {
        id,
        kind: 'hall',
        name: id,
        region: 'Bench',
      });
      return JSON.parse(res.body) as { id: string; key: string };
    };
    const sites = await Promise.all(Array.from({ length: SITES }, (_, i) => enrol(`site-${i}`)));
    const day = busyDay('2026-03-09', TICKETS);
    const total = day.length * SITES;
    progress(`${SITES} sites × ${day.length} events = ${total} events through POST /api/central/sync`);

    const bodies = sites.map((site) => bodiesOf(site.id, day));
    const started = performance.now();
    await Promise.all(sites.map((site, i) => pushAll(agent, port, site, bodies[i] ?? [])));
    const ingestSeconds = (performance.now() - started) / 1000;
    const ingestRate = total / ingestSeconds;

    progress('raw baseline: the same rows, batched unnest inserts from as many writers');
    await pool.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
    const rawStarted = performance.now();
    await Promise.all(
      sites.map(async (site) => {
        for (let start = 0; start < day.length; start += BATCH) {
          const batch = day.slice(start, start + BATCH);
          await pool.query(
            `INSERT INTO raw_events (site_id, seq, type, service_day, at, payload)
             SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])`,
            [
              site.id,
              batch.map((e) => e.seq),
              batch.map((e) => e.type),
              batch.map((e) => e.serviceDay),
              batch.map((e) => e.at),
              batch.map((e) => JSON.stringify(e.payload)),
            ],
          );
        }
      }),
    );
    const rawRate = total / ((performance.now() - rawStarted) / 1000);

    progress('one site three days behind catches up alone');
    const late = await enrol('site-late');
    const threeDays = [
      ...busyDay('2026-03-09', TICKETS, 1),
      ...busyDay('2026-03-10', TICKETS, 5 * TICKETS + 1),
      ...busyDay('2026-03-11', TICKETS, 10 * TICKETS + 1),
    ];
    const lateBodies = bodiesOf(late.id, threeDays);
    const catchUpStarted = performance.now();
    await pushAll(agent, port, late, lateBodies);
    const catchUpSeconds = (performance.now() - catchUpStarted) / 1000;
    const rssMb = rssMbOf(central.child.pid ?? 0);
    agent.destroy();
    await central.kill9();
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
          baselineLabel: 'raw batched INSERT, same rows',
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
          detail: `${Math.round(ingestRate)} against ${Math.round(rawRate)} events/s (${(ratio * 100).toFixed(0)} %)`,
        },
      ],
      notes: [
        `${SITES} sites × ${TICKETS} tickets (${day.length} events each), batches of ${BATCH}; central runs in its own process; ingest includes HTTP, key check, validation, the per-site row lock, the duplicate check and the ticket fold; PostgreSQL runs with fsync off (throwaway cluster)`,
      ],
    };
  } finally {
    await cluster.stop();
  }
}

if (isMain(import.meta.url)) await runBench(run);
