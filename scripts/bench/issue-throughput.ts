// Ticket-issue throughput over HTTP (a real in-process hub, kiosk token), sequential and 8-way concurrent,
// beside a raw better-sqlite3 baseline: the hub's schema and pragmas (WAL, synchronous=FULL), one INSERT of a
// ticket:issued-sized event row per transaction. Both are bound by the fsync of every commit.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TicketIssued } from '@giliran/domain';
import { openDatabase } from '../../apps/hub/src/db/database.ts';
import { loadSiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { spawnHub } from '../../tests/support/hub-process.ts';
import { isMain, median, progress, runBench, type BenchResult } from './run-all.ts';

const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
/** The demo site with the per-kiosk rate limit lifted: this measures the hub, not its flood guard. */
const SITE = { ...loadSiteConfig(SITE_FILE), kioskMaxTicketsPerMinute: 10_000 };
const KIOSK_TOKEN = 'demo-kiosk';
const SERVICES = ['ktp-el', 'kk', 'stnk'] as const;
const COUNT = Number(process.env.BENCH_ISSUE_COUNT ?? 2000);
const WARMUP = 100;
const CONCURRENCY = 8;
const PHASE_TIME_LIMIT_MS = 60_000;
const TARGET_SHARE = 0.3;

interface Rate {
  readonly count: number;
  readonly ms: number;
  readonly perSecond: number;
}

function rateOf(count: number, ms: number): Rate {
  return { count, ms, perSecond: (count / ms) * 1000 };
}

// The load generator: plain JavaScript in a worker thread, so it runs on the other core and costs the hub nothing.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { port, token, services, warmup, count, concurrency, timeLimitMs } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
function issue(i) {
  const body = JSON.stringify({ serviceId: services[i % services.length] });
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, method: 'POST', path: '/api/tickets', headers: {
      authorization: 'Bearer ' + token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => { res.resume(); res.on('end', () => res.statusCode === 201 ? resolve() : reject(new Error('HTTP ' + res.statusCode))); });
    req.on('error', reject);
    req.end(body);
  });
}
(async () => {
  for (let i = 0; i < warmup; i++) await issue(i);
  let next = 0, done = 0;
  const started = performance.now();
  const loop = async () => { while (next < count && performance.now() - started < timeLimitMs) { await issue(warmup + next++); done++; } };
  await Promise.all(Array.from({ length: concurrency }, loop));
  parentPort.postMessage({ done, ms: performance.now() - started });
  agent.destroy();
})().catch((error) => { parentPort.postMessage({ error: String(error) }); });
`;

function runLoad(port: number, concurrency: number): Promise<Rate> {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: {
      port,
      token: KIOSK_TOKEN,
      services: SERVICES,
      warmup: WARMUP,
      count: COUNT,
      concurrency,
      timeLimitMs: PHASE_TIME_LIMIT_MS,
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { done?: number; ms?: number; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined || message.done === undefined || message.ms === undefined) {
        reject(new Error(`load failed: ${message.error ?? 'no result'}`));
      } else resolve(rateOf(message.done, message.ms));
    });
    worker.once('error', reject);
  });
}

/**
 * A fresh hub per phase, so both phases issue their tickets into an equally empty day. The hub runs as its own
 * process, as in a hall, and the load comes from a worker thread: neither takes the other's core.
 */
async function hubPhase(concurrency: number): Promise<Rate> {
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-issue-'));
  const siteFile = join(dataDir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(SITE));
  const hub = await spawnHub(dataDir, siteFile);
  try {
    const port = Number(new URL(hub.url).port);
    return WRK ? runWrk(port, concurrency, dataDir) : await runLoad(port, concurrency);
  } finally {
    hub.child.kill('SIGTERM');
    await hub.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** wrk (Debian's `wrk`), when installed: a C load generator takes far less of the shared CPU than Node's client. */
const WRK = spawnSync('wrk', ['--version']).error === undefined;
const WRK_SECONDS = 4;

function runWrk(port: number, concurrency: number, dir: string): Rate {
  const script = join(dir, 'issue.lua');
  writeFileSync(
    script,
    [
      'wrk.method = "POST"',
      'wrk.headers["Content-Type"] = "application/json"',
      `wrk.headers["Authorization"] = "Bearer ${KIOSK_TOKEN}"`,
      `local services = { ${SERVICES.map((s) => `"${s}"`).join(', ')} }`,
      'local i = 0',
      'request = function()',
      '  i = i + 1',
      `  return wrk.format(nil, "/api/tickets", nil, '{"serviceId":"' .. services[(i % #services) + 1] .. '"}')`,
      'end',
    ].join('\n'),
  );
  const target = `http://127.0.0.1:${String(port)}`;
  const args = ['-t1', `-c${String(concurrency)}`, `-d${String(WRK_SECONDS)}s`, '-s', script, target];
  const out = spawnSync('wrk', args, { encoding: 'utf8' }).stdout;
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw refused requests:\n${out}`);
  const done = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const seconds = Number(/requests in ([\d.]+)s/.exec(out)?.[1] ?? NaN);
  if (!Number.isFinite(done) || !Number.isFinite(seconds))
    throw new Error(`cannot read wrk's output:\n${out}`);
  return rateOf(done, seconds * 1000);
}

/** The floor under any durable hub: one fsync'd transaction per ticket, nothing else. */
function rawPhase(): Rate {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-bench-raw-'));
  const db = openDatabase(join(dir, 'raw.sqlite'));
  try {
    const insert = db.prepare<[string, string, string, string]>(
      'INSERT INTO events (service_day, type, at, payload) VALUES (?, ?, ?, ?)',
    );
    const insertOne = db.transaction((i: number) => {
      const at = new Date().toISOString();
      const event: TicketIssued = {
        type: 'ticket:issued',
        ticketId: randomUUID(),
        code: 'K7QW3MZP9X',
        serviceId: SERVICES[i % SERVICES.length] ?? 'ktp-el',
        serviceDay: at.slice(0, 10),
        seq: i + 1,
        number: `A${String(i + 1).padStart(3, '0')}`,
        priority: null,
        channel: 'kiosk',
        issuedAt: at,
        by: 'device:kiosk-1',
      };
      insert.run(event.serviceDay, event.type, at, JSON.stringify(event));
    });
    for (let i = 0; i < WARMUP; i++) insertOne(i);
    let done = 0;
    const started = performance.now();
    while (done < COUNT && performance.now() - started < PHASE_TIME_LIMIT_MS) insertOne(WARMUP + done++);
    return rateOf(done, performance.now() - started);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult> {
  // fsync speed drifts over a run: the raw baseline is taken before, between and after the hub phases.
  const raws: Rate[] = [];
  progress(`raw better-sqlite3: ${COUNT} single-row transactions (1/3)`);
  raws.push(rawPhase());
  progress(`hub over HTTP, sequential: ${COUNT} tickets`);
  const sequential = await hubPhase(1);
  progress(`raw better-sqlite3 (2/3)`);
  raws.push(rawPhase());
  progress(`hub over HTTP, ${CONCURRENCY}-way concurrent: ${COUNT} tickets`);
  const concurrent = await hubPhase(CONCURRENCY);
  progress(`raw better-sqlite3 (3/3)`);
  raws.push(rawPhase());
  const raw = rateOf(COUNT, (COUNT / median(raws.map((r) => r.perSecond))) * 1000);
  const baselineLabel = 'raw INSERT + fsync per tx';
  const target = (label: string, rate: Rate) => {
    const share = rate.perSecond / raw.perSecond;
    return {
      label: `${label} ≥ ${TARGET_SHARE * 100}% of raw`,
      pass: share >= TARGET_SHARE,
      detail: `${Math.round(rate.perSecond)} vs ${Math.round(raw.perSecond)} tickets/s = ${(share * 100).toFixed(0)}%`,
    };
  };
  return {
    name: 'issue-throughput',
    figures: [
      {
        label: 'issue, sequential',
        unit: 'tickets/s',
        value: sequential.perSecond,
        baseline: raw.perSecond,
        baselineLabel,
      },
      {
        label: `issue, ${CONCURRENCY}-way`,
        unit: 'tickets/s',
        value: concurrent.perSecond,
        baseline: raw.perSecond,
        baselineLabel,
      },
    ],
    targets: [target('sequential', sequential), target(`${CONCURRENCY}-way`, concurrent)],
    notes: [
      `${sequential.count}/${concurrent.count}/${COUNT} tickets (sequential/${CONCURRENCY}-way/raw)${WRK ? '' : ` after ${WARMUP} warm-up each`}, kiosk rate limit lifted`,
      `raw runs: ${raws.map((r) => Math.round(r.perSecond)).join(', ')} tickets/s (median is the baseline)`,
      WRK
        ? `load from wrk (${WRK_SECONDS} s per phase, hub in its own process)`
        : "load from a Node worker thread (install Debian's wrk for a load generator that takes less of the shared CPU)",
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
