// Dashboard update cost with 500 and with 2,000 active tickets (issue 22): the MOD dashboard page (the built page,
// served by an in-process hub, signed in as `mod` in Debian's Chromium at 1920×1080) shows every active ticket,
// waiting, called and being served. A sample runs from a counter app's `counter:call-next` over its socket to the
// called ticket's row in the active-ticket table reading "Dipanggil", p50/p99 over 100 calls. The page notes, with a
// MutationObserver installed before its own code, the first Date.now() at which each number's row read so; a
// sample is that minus the emit's Date.now() in this process. After each sample the ticket is finished and a new
// one issued, so the table stays at its size, and the page is left to settle before the next call.
// The page keeps its table from the hub's `live:delta` (the rows a committed batch changed), with a snapshot only
// on connect or on a gap, and draws only the rows in view whose texts changed; the bench sorts the table by counter,
// so the row called at loket-1 is the first one. Long tasks on the page are collected during the whole run,
// including the per-second clock ticks.
// Baseline in the same run: the same calls' `ticket:called` reaching a bare Socket.IO client with the MOD token.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IssuedTicket } from '@giliran/protocol';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { loadSiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { createHub, type Hub } from '../../apps/hub/src/hub.ts';
import { launchBrowser, type Browser } from '../../tests/support/browser.ts';
import { httpRequest, isMain, progress, runBench, type BenchResult } from './run-all.ts';
import { answer, summarise, ensureWebBuild, connectClient, sleep, type HubSocket } from './bench-support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MOD_PAGE = join(ROOT, 'dist', 'web', 'mod', 'renderer', 'index.html');
const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
/** The demo site with the per-kiosk rate limit lifted, so the queue can be filled quickly. */
const SITE = { ...loadSiteConfig(SITE_FILE), kioskMaxTicketsPerMinute: 10_000 };
const KIOSK_TOKEN = 'demo-kiosk';
const MOD_ACCOUNT = { username: 'mod', pin: '1234' };
const OFFICERS = 12;
/** Active tickets on the page: a busy hall, and a 300-service hall on a busy morning. */
const SIZES = (process.env.BENCH_DASHBOARD_ACTIVE ?? '500,2000').split(',').map(Number);
/** Every demo service but the passport, whose opening hours (mornings on weekdays) would refuse tickets. */
const SERVICES = SITE.services.map((s) => s.id).filter((id) => id !== 'paspor');
const CALLING_COUNTER = 'loket-1';
/** loket-1 serves these; new tickets alternate between them so its queue never runs dry. */
const CALLING_SERVICES = ['ktp-el', 'kk'];
const STAGE_CALLED = 'Dipanggil';
const ROW = '[data-testid="active-tickets"] tr[data-number]';
const COUNT = '[data-testid="active-count"]';
const DESK = { width: 1920, height: 1080 };
const WARMUP = 10;
const SAMPLES = Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 100);
const PHASE_TIME_LIMIT_MS = 300_000;
const EVENT_TIMEOUT_MS = 5000;
const STEP_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 20;
/** After the table shows the finish and the new ticket, so that one sample's redraw does not meet the next. */
const SETTLE_MS = 300;
/** The page's call → row p99 may be at most this many times the bare socket event's (same calls, same run). */
const TARGET_RATIO = 2;
/** No task on the page may take longer than this (the browser's own long-task threshold). */
const TARGET_LONG_TASK_MS = 50;

/** When a number's row first read "Dipanggil": Date.now() and the page's performance.now() at that moment. */
interface Seen {
  readonly at: number;
  readonly perf: number;
}

interface RowLike {
  getAttribute(name: string): string | null;
  readonly children: ArrayLike<{ readonly textContent: string | null } | undefined>;
}

/** The little of the page's globals the page-side functions use (this project's TypeScript has no DOM lib). */
interface PageGlobals {
  __seen: Record<string, Seen | undefined>;
  __longTasks: number[];
  readonly document: {
    querySelector(selector: string): unknown;
    querySelectorAll(selector: string): ArrayLike<RowLike | undefined>;
  };
  readonly MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { subtree: boolean; childList: boolean; characterData: boolean }): void;
  };
  readonly PerformanceObserver: new (
    callback: (list: { getEntries(): readonly { readonly duration: number }[] }) => void,
  ) => { observe(options: { type: string }): void };
  readonly performance: {
    now(): number;
  };
}

/**
 * Runs before the page's own code: notes, per number, the first moment its row's stage cell read `stageCalled`
 * (Date.now() and performance.now(), taken when the observer is called, i.e. right after the render's DOM changes
 * and before the scan of the rows), and collects long tasks.
 * No named inner functions: the function travels to the page as its source text.
 */
function installRowRecorder(args: { row: string; stageCalled: string }): void {
  const page = globalThis as unknown as PageGlobals;
  page.__seen = {};
  page.__longTasks = [];
  new page.MutationObserver(() => {
    const at = Date.now();
    const perf = page.performance.now();
    const rows = page.document.querySelectorAll(args.row);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const number = row?.getAttribute('data-number') ?? null;
      if (row && number !== null && page.__seen[number] === undefined) {
        if (row.children[3]?.textContent === args.stageCalled) page.__seen[number] = { at, perf };
      }
    }
  }).observe(page.document, { subtree: true, childList: true, characterData: true });
  try {
    new page.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) page.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  } catch {
    // No long-task timing in this browser: the note says none were seen.
  }
}

async function login(agent: Agent, port: number, username: string, pin: string): Promise<string> {
  const res = await httpRequest(agent, port, 'POST', '/api/auth/login', undefined, { username, pin });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status}`);
  return (JSON.parse(res.body) as { token: string }).token;
}

async function issue(agent: Agent, port: number, serviceId: string): Promise<IssuedTicket> {
  const res = await httpRequest(agent, port, 'POST', '/api/tickets', KIOSK_TOKEN, { serviceId });
  if (res.status !== 201) throw new Error(`issue ${serviceId}: HTTP ${res.status} ${res.body}`);
  return JSON.parse(res.body) as IssuedTicket;
}

/** When the page first showed `number` as called, polled until it has. */
async function shownAt(page: Page, number: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const seen = await page.evaluate(
      (n: string) => (globalThis as unknown as PageGlobals).__seen[n]?.at ?? null,
      number,
    );
    if (seen !== null) return seen;
    if (performance.now() - started > EVENT_TIMEOUT_MS)
      throw new Error(`${number}: not shown as called after ${EVENT_TIMEOUT_MS} ms`);
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Until the table no longer lists `gone` and counts `count` again: the deltas of finish and issue are drawn. */
async function tableShows(page: Page, gone: string, count: number): Promise<void> {
  await page.waitForFunction(
    (a: { gone: string; count: number; row: string; heading: string }) => {
      const doc = (globalThis as unknown as PageGlobals).document;
      const heading = doc.querySelector(a.heading) as { getAttribute(name: string): string | null } | null;
      return (
        doc.querySelector(`${a.row}[data-number="${a.gone}"]`) === null &&
        heading?.getAttribute('data-count') === String(a.count)
      );
    },
    { gone, count, row: ROW, heading: COUNT },
    { timeout: STEP_TIMEOUT_MS, polling: POLL_INTERVAL_MS },
  );
}

async function arrival(arrivals: Map<string, number>, ticketId: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const at = arrivals.get(ticketId);
    if (at !== undefined) return at;
    if (performance.now() - started > EVENT_TIMEOUT_MS)
      throw new Error(`ticket:called ${ticketId}: not at the bare client`);
    await sleep(1);
  }
}

async function openDashboard(browser: Browser, hub: Hub, active: number): Promise<Page> {
  const page = await browser.page(DESK);
  await page.addInitScript(installRowRecorder, { row: ROW, stageCalled: STAGE_CALLED });
  await page.goto(`${hub.url}/mod`);
  await page.locator('input[name=username]').fill(MOD_ACCOUNT.username);
  await page.locator('input[name=pin]').fill(MOD_ACCOUNT.pin);
  await page.locator('button[type=submit]').click();
  await page.locator('[data-testid="live"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(
    (a: { heading: string; count: number }) => {
      const doc = (globalThis as unknown as PageGlobals).document;
      const heading = doc.querySelector(a.heading) as { getAttribute(name: string): string | null } | null;
      return heading?.getAttribute('data-count') === String(a.count);
    },
    { heading: COUNT, count: active },
    { timeout: STEP_TIMEOUT_MS, polling: 100 },
  );
  // Sorted by counter, the ticket called at loket-1 is the first row: in view, as a MOD watching the counters
  // would see it (the table draws only the rows in view).
  await page.locator('button[data-sort="counter"]').click();
  return page;
}

interface Measured {
  readonly active: number;
  readonly page: number[];
  readonly bare: number[];
  readonly longTasks: number[];
  readonly phases: Record<string, number>;
  readonly liveBytes: number;
  readonly sampleSeconds: number;
}

async function startHub(prefix: string): Promise<{ hub: Hub; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const hub = await createHub({
    dataDir,
    site: SITE,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
  });
  return { hub, dataDir };
}

async function measure(active: number): Promise<Measured> {
  ensureWebBuild(MOD_PAGE);
  const { hub, dataDir } = await startHub('giliran-bench-dashboard-');
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const sockets: HubSocket[] = [];
  let browser: Browser | null = null;
  try {
    const { port } = hub;
    const officers: string[] = [];
    for (let i = 1; i <= OFFICERS; i++) officers.push(await login(agent, port, `loket${i}`, '1234'));
    const modToken = await login(agent, port, MOD_ACCOUNT.username, MOD_ACCOUNT.pin);

    progress(`issuing ${String(active)} tickets across ${String(SERVICES.length)} services`);
    for (let i = 0; i < active; i++) await issue(agent, port, SERVICES[i % SERVICES.length] ?? 'ktp-el');

    progress(`connecting ${String(OFFICERS)} counter clients and 1 bare MOD client`);
    const counters: HubSocket[] = [];
    for (const token of officers) counters.push(await connectClient(hub.url, token));
    sockets.push(...counters);
    const bare = await connectClient(hub.url, modToken);
    sockets.push(bare);
    const arrivals = new Map<string, number>();
    bare.on('ticket:called', (e) => {
      if (e.counterId === CALLING_COUNTER) arrivals.set(e.ticketId, Date.now());
    });

    // The other counters each hold one ticket for the whole run: called, or at its first or second step.
    for (let i = 2; i <= OFFICERS; i++) {
      const socket = counters[i - 1];
      if (!socket) continue;
      const called = await answer(
        'call-next',
        socket.emitWithAck('counter:call-next', { counterId: `loket-${String(i)}` }),
      );
      if (!called) continue;
      for (let s = 0; s < Math.floor(i / 2) % 3; s++)
        await answer('step', socket.emitWithAck('ticket:step', { ticketId: called.id }));
    }
    const counterApp = counters[0];
    if (!counterApp) throw new Error('no counter client');

    const liveRes = await httpRequest(agent, port, 'GET', '/api/live', modToken);
    const liveBytes = Buffer.byteLength(liveRes.body);
    const phases: Record<string, number> = {};
    for (const t of (JSON.parse(liveRes.body) as { timings: { phase: string }[] }).timings)
      phases[t.phase] = (phases[t.phase] ?? 0) + 1;

    progress(`opening the MOD dashboard in Chromium and waiting for its ${String(active)} rows`);
    browser = await launchBrowser();
    const page = await openDashboard(browser, hub, active);
    await sleep(1000);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).__longTasks = [];
    });

    const total = WARMUP + SAMPLES;
    progress(`${String(total)} call-next → step → finish → issue cycles (${String(WARMUP)} warm-up)`);
    const pageSamples: number[] = [];
    const bareSamples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < total && performance.now() - started < PHASE_TIME_LIMIT_MS; i++) {
      const t0 = Date.now();
      const called = await answer(
        'call-next',
        counterApp.emitWithAck('counter:call-next', { counterId: CALLING_COUNTER }),
      );
      if (!called) throw new Error('call-next: nobody waiting');
      const seenAt = await shownAt(page, called.number);
      const arrivedAt = await arrival(arrivals, called.id);
      if (i >= WARMUP) {
        pageSamples.push(seenAt - t0);
        bareSamples.push(arrivedAt - t0);
      }

      // Free the counter and keep the table at its size.
      const ticketId = called.id;
      await answer('step', counterApp.emitWithAck('ticket:step', { ticketId }));
      await answer('finish', counterApp.emitWithAck('ticket:finish', { ticketId }));
      await issue(agent, port, CALLING_SERVICES[i % CALLING_SERVICES.length] ?? 'ktp-el');
      arrivals.delete(ticketId);
      await tableShows(page, called.number, active);
      await sleep(SETTLE_MS);
    }
    const sampleSeconds = (performance.now() - started) / 1000;
    const longTasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks);
    return { active, page: pageSamples, bare: bareSamples, longTasks, phases, liveBytes, sampleSeconds };
  } finally {
    if (browser) await browser.close();
    for (const s of sockets) s.disconnect();
    agent.destroy();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function ratioText(value: number, baseline: number): string {
  const ratio = value / baseline;
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—';
}

const BARE_LABEL = 'ticket:called at a bare MOD socket client';

function figuresOf(m: Measured): BenchResult['figures'] {
  const page = summarise(m.page);
  const bare = summarise(m.bare);
  const longTasks = summarise(m.longTasks);
  const row = (label: string, value: number, baseline: number) => ({
    label: `call → row "called" on the MOD page (${String(m.active)} active), ${label}`,
    unit: 'ms',
    value,
    baseline,
    baselineLabel: BARE_LABEL,
  });
  return [
    row('p50', page.p50, bare.p50),
    row('p99', page.p99, bare.p99),
    row('max', page.max, bare.max),
    {
      label: `longest task on the page (${String(m.active)} active)`,
      unit: 'ms',
      value: m.longTasks.length === 0 ? 0 : longTasks.max,
      baseline: null,
      baselineLabel: '',
    },
  ];
}

function targetsOf(m: Measured): BenchResult['targets'] {
  const page = summarise(m.page);
  const bare = summarise(m.bare);
  const longest = m.longTasks.length === 0 ? 0 : Math.max(...m.longTasks);
  return [
    {
      label: `call → row p99 ≤ ${String(TARGET_RATIO)}× the bare socket event (${String(m.active)} active)`,
      pass: page.n > 0 && page.p99 <= TARGET_RATIO * bare.p99,
      detail:
        `${page.p99.toFixed(0)} ms (p50 ${page.p50.toFixed(0)} ms) against bare ticket:called p99 ` +
        `${bare.p99.toFixed(0)} ms (p50 ${bare.p50.toFixed(0)} ms) = ${ratioText(page.p99, bare.p99)}`,
    },
    {
      label: `no long task over ${String(TARGET_LONG_TASK_MS)} ms on the page (${String(m.active)} active)`,
      pass: longest <= TARGET_LONG_TASK_MS,
      detail: `${String(m.longTasks.length)} long tasks, longest ${longest.toFixed(0)} ms`,
    },
  ];
}

function notesOf(m: Measured): string[] {
  const phaseText = Object.entries(m.phases)
    .map(([phase, n]) => `${String(n)} ${phase}`)
    .join(', ');
  return [
    `${String(m.active)} active: ${String(m.page.length)} samples after ${String(WARMUP)} warm-up ` +
      `(${m.sampleSeconds.toFixed(0)} s), page and bare baseline from the same calls; ${phaseText} at the start, ` +
      `kept there by finishing each called ticket and issuing a new one; GET /api/live (the page's snapshot, ` +
      `taken only on connect or a gap) is ${(m.liveBytes / 1024).toFixed(0)} KiB`,
  ];
}

export async function run(): Promise<BenchResult> {
  const measured: Measured[] = [];
  for (const active of SIZES) measured.push(await measure(active));
  return {
    name: 'dashboard-update',
    figures: measured.flatMap(figuresOf),
    targets: measured.flatMap(targetsOf),
    notes: [
      ...measured.flatMap(notesOf),
      'page figure: socket command → hub commit (fsync) → broadcast of the event and of the live delta → the ' +
        'page applies the delta and redraws the changed rows, up to the DOM mutation (MutationObserver, before ' +
        'layout and paint); Date.now() on both ends, 1 ms steps',
      'long tasks: every task over 50 ms on the page from the first sample to the last, per-second clock ticks ' +
        'of every row included',
      `${String(availableParallelism())} CPUs shared by the hub, the clients and Chromium (software rendering, ` +
        '--disable-gpu); hub and driver in this process',
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
