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
import { sha256 } from '../../apps/hub/src/auth/secrets.ts';
import { spawnHub } from '../../tests/support/hub-process.ts';
import { isMain, median, progress, runBench, type BenchResult } from './run-all.ts';

const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
const DEMO = loadSiteConfig(SITE_FILE);
/** The demo kiosk and three more, as in a hall: with wrk the load turns between them, request by request. */
const KIOSK_TOKENS = ['demo-kiosk', 'bench-kiosk-2', 'bench-kiosk-3', 'bench-kiosk-4'] as const;
const KIOSK_TOKEN = KIOSK_TOKENS[0];
/**
 * The demo site with the per-kiosk rate limit at its highest (10,000 a minute) and the bench's extra kiosks: this
 * measures the hub, not its flood guard.
 */
const SITE = {
  ...DEMO,
  kioskMaxTicketsPerMinute: 10_000,
  devices: [
    ...DEMO.devices,
    ...KIOSK_TOKENS.slice(1).map((token) => ({
      id: token,
      role: 'kiosk' as const,
      tokenSha256: sha256(token),
    })),
  ],
};
const SERVICES = ['ktp-el', 'kk', 'stnk'] as const;
const COUNT = Number(process.env.BENCH_ISSUE_COUNT ?? 2000);
const WARMUP = 100;
const CONCURRENCY = 8;
const PHASE_TIME_LIMIT_MS = 60_000;
const TARGET_SHARE = 0.3;
const ROUNDS = 3;

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
/** Like the Node load's first 100 tickets: the hub's code is compiled by V8 before it is timed, as in a running hall. */
const WRK_WARMUP_SECONDS = 1;

function runWrk(port: number, concurrency: number, dir: string): Rate {
  const script = join(dir, 'issue.lua');
  writeFileSync(
    script,
    [
      'wrk.method = "POST"',
      `local services = { ${SERVICES.map((s) => `"${s}"`).join(', ')} }`,
      `local tokens = { ${KIOSK_TOKENS.map((t) => `"${t}"`).join(', ')} }`,
      'local i = 0',
      'request = function()',
      '  i = i + 1',
      '  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] }',
      `  return wrk.format(nil, "/api/tickets", headers, '{"serviceId":"' .. services[(i % #services) + 1] .. '"}')`,
      'end',
    ].join('\n'),
  );
  const target = `http://127.0.0.1:${String(port)}`;
  const wrk = (seconds: number) =>
    spawnSync('wrk', ['-t1', `-c${String(concurrency)}`, `-d${String(seconds)}s`, '-s', script, target], {
      encoding: 'utf8',
    }).stdout;
  wrk(WRK_WARMUP_SECONDS);
  const out = wrk(WRK_SECONDS);
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

/** The run of median rate: each side of the ratio is a median of runs, so one slow fsync stretch moves neither. */
function medianRate(rates: readonly Rate[]): Rate {
  const perSecond = median(rates.map((r) => r.perSecond));
  return rates.find((r) => r.perSecond === perSecond) ?? rateOf(COUNT, (COUNT / perSecond) * 1000);
}

export async function run(): Promise<BenchResult> {
  // fsync speed drifts over a run: a raw baseline run is taken before and after every hub phase (an odd number of
  // runs, so the median is one of them), and every hub phase is run ROUNDS times, on a fresh hub each time.
  const raws: Rate[] = [];
  const sequentials: Rate[] = [];
  const concurrents: Rate[] = [];
  const rawRuns = 2 * ROUNDS + 1;
  const takeRaw = () => {
    progress(`raw better-sqlite3: ${COUNT} single-row transactions (${raws.length + 1}/${rawRuns})`);
    raws.push(rawPhase());
  };
  takeRaw();
  for (let round = 1; round <= ROUNDS; round++) {
    progress(`hub over HTTP, sequential (${round}/${ROUNDS})`);
    sequentials.push(await hubPhase(1));
    takeRaw();
    progress(`hub over HTTP, ${CONCURRENCY}-way concurrent (${round}/${ROUNDS})`);
    concurrents.push(await hubPhase(CONCURRENCY));
    takeRaw();
  }
  const raw = medianRate(raws);
  const sequential = medianRate(sequentials);
  const concurrent = medianRate(concurrents);
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
      `hub runs, sequential: ${sequentials.map((r) => Math.round(r.perSecond)).join(', ')}; ${CONCURRENCY}-way: ${concurrents.map((r) => Math.round(r.perSecond)).join(', ')} tickets/s (medians are shown)`,
      WRK
        ? `load from wrk (${WRK_SECONDS} s per phase after ${WRK_WARMUP_SECONDS} s of warm-up, ${KIOSK_TOKENS.length} kiosks, hub in its own process)`
        : "load from a Node worker thread (install Debian's wrk for a load generator that takes less of the shared CPU)",
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
