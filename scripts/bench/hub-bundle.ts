// The production hub (`npm run build:hub`, then `node dist/hub/main.js` as `npm run start:prod` and the services
// run it) against the same hub from its TypeScript sources through tsx (`npm start`), in the same run, each as
// its own child process on a fresh data folder: start-up (spawn to "hub listening", wall clock: what a restart
// after a crash costs the hall), sequential ticket issue over HTTP, and call latency (a counter's call-next over
// its socket until a display's socket has the `ticket:called`). Rounds alternate which build goes first, so
// the other engineers' load on the shared machine falls on both alike; figures are medians of the rounds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { spawnHub, type HubBuild, type HubProcess } from '../../tests/support/hub-process.ts';
import { connectClient, summarise } from './bench-support.ts';
import { httpRequest, isMain, median, progress, runBench, type BenchResult } from './run-all.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE_FILE = join(ROOT, 'assets', 'demo-site', 'site.json');
const SITE = { ...loadSiteConfig(SITE_FILE), kioskMaxTicketsPerMinute: 10_000 };
const ROUNDS = Number(process.env.BENCH_BUNDLE_ROUNDS ?? 3);
const ISSUES = Number(process.env.BENCH_BUNDLE_ISSUES ?? 400);
const CALLS = Number(process.env.BENCH_BUNDLE_CALLS ?? 100);
const WARMUP = 30;
const COUNTER = 'loket-1';

interface Round {
  readonly startupMs: number;
  readonly issuesPerSecond: number;
  readonly callP50Ms: number;
}

function buildBundle(): void {
  progress('npm run build:hub');
  const build = spawnSync('npm', ['run', 'build:hub'], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build:hub failed (exit ${String(build.status)})`);
}

async function issueTickets(agent: Agent, port: number, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const res = await httpRequest(agent, port, 'POST', '/api/tickets', 'demo-kiosk', { serviceId: 'ktp-el' });
    if (res.status !== 201) throw new Error(`issue: HTTP ${res.status} ${res.body}`);
  }
  return (count / (performance.now() - started)) * 1000;
}

/** call-next over the counter's socket until the display's socket has it; then step and finish to free it. */
async function callLatencies(hub: HubProcess, agent: Agent, port: number): Promise<number[]> {
  const login = await httpRequest(agent, port, 'POST', '/api/auth/login', undefined, {
    username: 'loket1',
    pin: '1234',
  });
  const officer = (JSON.parse(login.body) as { token: string }).token;
  const counter = await connectClient(hub.url, officer);
  const display = await connectClient(hub.url, 'demo-display');
  const samples: number[] = [];
  try {
    for (let i = 0; i < WARMUP + CALLS; i++) {
      const arrived = new Promise<number>((resolve) => {
        const listener = (payload: { counterId?: unknown }): void => {
          if (payload.counterId !== COUNTER) return;
          display.off('ticket:called', listener);
          resolve(performance.now());
        };
        display.on('ticket:called', listener);
      });
      const sent = performance.now();
      const call = (await counter.emitWithAck('counter:call-next', { counterId: COUNTER })) as {
        ok: boolean;
        data?: { id: string } | null;
      };
      if (!call.ok || !call.data) throw new Error(`call-next: ${JSON.stringify(call)}`);
      const last = await arrived;
      if (i >= WARMUP) samples.push(last - sent);
      for (const action of ['step', 'finish']) {
        const res = await httpRequest(agent, port, 'POST', `/api/tickets/${call.data.id}/${action}`, officer);
        if (res.status !== 200) throw new Error(`${action}: HTTP ${res.status}`);
      }
    }
    return samples;
  } finally {
    counter.disconnect();
    display.disconnect();
  }
}

async function measure(build: HubBuild): Promise<Round> {
  const dataDir = mkdtempSync(join(tmpdir(), `giliran-bench-${build}-`));
  const siteFile = join(dataDir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(SITE));
  const spawned = performance.now();
  const hub = await spawnHub(dataDir, siteFile, 'info', build);
  const startupMs = performance.now() - spawned;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const port = Number(new URL(hub.url).port);
    await issueTickets(agent, port, WARMUP);
    const issuesPerSecond = await issueTickets(agent, port, ISSUES);
    const calls = summarise(await callLatencies(hub, agent, port));
    progress(
      `${build}: start-up ${startupMs.toFixed(0)} ms, ${issuesPerSecond.toFixed(0)} issues/s, call p50 ${calls.p50.toFixed(2)} ms`,
    );
    return { startupMs, issuesPerSecond, callP50Ms: calls.p50 };
  } finally {
    agent.destroy();
    hub.child.kill('SIGTERM');
    await hub.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult> {
  buildBundle();
  const rounds: Record<HubBuild, Round[]> = { tsx: [], bundle: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: HubBuild[] = round % 2 === 0 ? ['tsx', 'bundle'] : ['bundle', 'tsx'];
    for (const build of order) rounds[build].push(await measure(build));
  }
  const of = (build: HubBuild, pick: (r: Round) => number): number => median(rounds[build].map(pick));
  const figure = (label: string, unit: string, pick: (r: Round) => number) => ({
    label,
    unit,
    value: of('bundle', pick),
    baseline: of('tsx', pick),
    baselineLabel: 'the same hub through tsx (npm start)',
  });
  const startup = figure('start-up, spawn to listening', 'ms', (r) => r.startupMs);
  return {
    name: 'hub-bundle',
    figures: [
      startup,
      figure('ticket issue, sequential', 'tickets/s', (r) => r.issuesPerSecond),
      figure('call latency p50 (call-next → display)', 'ms', (r) => r.callP50Ms),
    ],
    targets: [
      {
        label: 'the bundled hub starts faster than the tsx one',
        pass: startup.value < startup.baseline,
        detail: `${startup.value.toFixed(0)} ms against ${startup.baseline.toFixed(0)} ms`,
      },
    ],
    notes: [
      `median of ${ROUNDS} rounds a build, alternating which goes first; ${ISSUES} issues, ${CALLS} calls`,
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
