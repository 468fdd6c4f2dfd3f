// Display latency: from a counter app's `counter:call-next` over its socket to the called number being on the
// waiting-room display (the built display page, served by an in-process hub, in Debian's Chromium at 1920×1080),
// p50/p99 over 200 calls while 10 displays (that page and 9 socket clients) and 60 counter clients are connected.
// The page notes, with a MutationObserver installed before its own code, the first Date.now() at which a number
// stood in its current-call box; a sample is that minus the emit's Date.now() in this process (same machine clock,
// 1 ms steps). Polling the page for the note does not add to the figure.
// Baseline in the same run, on the same calls: the hub's `ticket:called` broadcast reaching the 9 bare display
// clients (latest of them), i.e. the display figure without browser, page code or rendering.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { loadSiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { createHub, type Hub } from '../../apps/hub/src/hub.ts';
import { launchBrowser, type Browser } from '../../tests/support/browser.ts';
import { httpRequest, isMain, progress, runBench, type BenchResult } from './run-all.ts';
import { answer, summarise, ensureWebBuild, connectClient, sleep, type HubSocket } from './bench-support.ts';
import { ratioTarget } from './ratio-target.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DISPLAY_PAGE = join(ROOT, 'dist', 'web', 'display', 'renderer', 'index.html');
const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
/** The demo site with the per-kiosk rate limit lifted, so the queue can be filled quickly. */
const SITE = { ...loadSiteConfig(SITE_FILE), kioskMaxTicketsPerMinute: 10_000 };
const KIOSK_TOKEN = 'demo-kiosk';
const DISPLAY_TOKEN = 'demo-display';
const OFFICERS = 12;
const SOCKETS_PER_OFFICER = 5;
const DISPLAYS = 10;
// One display renders in Chromium; the other nine are socket clients with the display token. Ten 1080p renderers
// on this 2-CPU machine measure the machine, not the hub: on site every TV is its own computer.
const TABS = 1;
const BARE = DISPLAYS - TABS;
const CALLING_COUNTER = 'loket-1';
const CALLING_SERVICE = 'ktp-el';
const CURRENT_NUMBER = '[data-testid="current-number"]';
const TV = { width: 1920, height: 1080 };
const WARMUP = 10;
const SAMPLES = Number(process.env.BENCH_DISPLAY_SAMPLES ?? 200);
const PHASE_TIME_LIMIT_MS = 180_000;
const EVENT_TIMEOUT_MS = 5000;
const STEP_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 20;
const SETTLE_MS = 30;
const TARGET_P99_MS = 50;
/** The same p99 against the bare broadcast p99 in the same run: 1.25× measured on 2 shared cores; 2× leaves room for noise. */
const TARGET_P99_RATIO = 2;

/** What the init script leaves on the page's window: number → first Date.now() it was on screen. */
interface SeenWindow {
  readonly __seen: Readonly<Record<string, number | undefined>>;
}

/** The little of the page's globals the init script uses (this project's TypeScript has no DOM lib). */
interface PageGlobals {
  __seen: Record<string, number>;
  readonly document: {
    querySelector(selector: string): { readonly textContent: string | null } | null;
  };
  readonly MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { subtree: boolean; childList: boolean; characterData: boolean }): void;
  };
  readonly HTMLMediaElement: { readonly prototype: { play: () => Promise<void> } };
}

/**
 * Runs in each tab before the page's own code: notes the first Date.now() at which each number stood in the
 * current-call box, and makes audio play a no-op that resolves at once (sound is not what is measured here).
 * No named inner functions: the function travels to the page as its source text.
 */
function installSeenRecorder(selector: string): void {
  const page = globalThis as unknown as PageGlobals;
  page.__seen = {};
  page.HTMLMediaElement.prototype.play = () => Promise.resolve();
  new page.MutationObserver(() => {
    const text = page.document.querySelector(selector)?.textContent?.trim() ?? '';
    if (text !== '' && !(text in page.__seen)) page.__seen[text] = Date.now();
  }).observe(page.document, { subtree: true, childList: true, characterData: true });
}

/** When `number` was first on screen in every tab: the latest of them, polled until all have it. */
async function lastShown(pages: readonly Page[], number: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const seen = await Promise.all(
      pages.map((page) =>
        page.evaluate((n: string) => (globalThis as unknown as SeenWindow).__seen[n] ?? null, number),
      ),
    );
    const shown = seen.filter((at): at is number => at !== null);
    if (shown.length === pages.length) return Math.max(...shown);
    if (performance.now() - started > EVENT_TIMEOUT_MS)
      throw new Error(
        `${number}: on ${shown.length} of ${pages.length} displays after ${EVENT_TIMEOUT_MS} ms`,
      );
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Arrival Date.now() of every `ticket:called` from the calling counter, per bare client, by ticket id. */
function recordArrivals(sockets: readonly HubSocket[]): Map<string, number>[] {
  return sockets.map((socket) => {
    const arrivals = new Map<string, number>();
    socket.on('ticket:called', (e) => {
      if (e.counterId === CALLING_COUNTER) arrivals.set(e.ticketId, Date.now());
    });
    return arrivals;
  });
}

async function lastArrival(arrivals: readonly Map<string, number>[], ticketId: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const at = arrivals.map((a) => a.get(ticketId)).filter((t): t is number => t !== undefined);
    if (at.length === arrivals.length) return Math.max(...at);
    if (performance.now() - started > EVENT_TIMEOUT_MS)
      throw new Error(`ticket:called: ${at.length} of ${arrivals.length} bare clients got it`);
    await sleep(1);
  }
}

/**
 * Opens one display tab. Until the hub answers `/display` itself (that route comes with the display page, still
 * being finished), the tab opens the hub's 404 at that address and writes into it the very file the route will
 * send: the page keeps the hub's origin (a route-fulfilled document would not count as loopback, and Chromium's
 * local-network checks would then block its socket), and its assets, API and socket are the hub's.
 */
async function openDisplay(browser: Browser, hub: Hub, servedByHub: boolean): Promise<Page> {
  const page = await browser.page(TV);
  await page.addInitScript(installSeenRecorder, CURRENT_NUMBER);
  await page.goto(`${hub.url}/display?token=${DISPLAY_TOKEN}`);
  if (!servedByHub) await page.setContent(readFileSync(DISPLAY_PAGE, 'utf8'));
  await page.locator('[data-testid="current-call"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.waiting-item').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return page;
}

interface PhaseResult {
  readonly display: number[];
  readonly baseline: number[];
  readonly servedByHub: boolean;
}

async function measure(): Promise<PhaseResult> {
  ensureWebBuild(DISPLAY_PAGE);
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-display-'));
  const hub = await createHub({
    dataDir,
    site: SITE,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const sockets: HubSocket[] = [];
  const browser = await launchBrowser().catch(async (error: unknown) => {
    agent.destroy();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const { port } = hub;
    const tokens: string[] = [];
    for (let i = 1; i <= OFFICERS; i++) {
      const res = await httpRequest(agent, port, 'POST', '/api/auth/login', undefined, {
        username: `loket${i}`,
        pin: '1234',
      });
      if (res.status !== 200) throw new Error(`login loket${i}: HTTP ${res.status}`);
      tokens.push((JSON.parse(res.body) as { token: string }).token);
    }

    const total = WARMUP + SAMPLES;
    progress(`issuing ${total} tickets`);
    for (let i = 0; i < total; i++) {
      const res = await httpRequest(agent, port, 'POST', '/api/tickets', KIOSK_TOKEN, {
        serviceId: CALLING_SERVICE,
      });
      if (res.status !== 201) throw new Error(`issue: HTTP ${res.status} ${res.body}`);
    }

    progress(`connecting ${OFFICERS * SOCKETS_PER_OFFICER} counter clients and ${BARE} bare display clients`);
    const counters: HubSocket[] = [];
    for (const token of tokens)
      for (let i = 0; i < SOCKETS_PER_OFFICER; i++) counters.push(await connectClient(hub.url, token));
    sockets.push(...counters);
    const bare: HubSocket[] = [];
    for (let i = 0; i < BARE; i++) bare.push(await connectClient(hub.url, DISPLAY_TOKEN));
    sockets.push(...bare);
    const arrivals = recordArrivals(bare);
    // loket1's first socket is the counter app at loket-1: it sends every command, as the real app does.
    const counterApp = counters[0];
    if (!counterApp) throw new Error('no counter client');

    const page = await httpRequest(agent, port, 'GET', `/display?token=${DISPLAY_TOKEN}`);
    const servedByHub = page.status === 200;
    if (!servedByHub)
      progress(
        `the hub answers /display with HTTP ${page.status}: each tab writes the built file into that 404`,
      );
    progress(`opening ${TABS} display tab in Chromium`);
    const pages: Page[] = [];
    for (let i = 0; i < TABS; i++) pages.push(await openDisplay(browser, hub, servedByHub));
    await sleep(500);

    progress(`${total} call-next → step → finish cycles (${WARMUP} warm-up)`);
    const display: number[] = [];
    const baseline: number[] = [];
    const started = performance.now();
    for (let i = 0; i < total && performance.now() - started < PHASE_TIME_LIMIT_MS; i++) {
      const t0 = Date.now();
      const called = await answer(
        'call-next',
        counterApp.emitWithAck('counter:call-next', { counterId: CALLING_COUNTER }),
      );
      if (!called) throw new Error('call-next: nobody waiting');
      const shownAt = await lastShown(pages, called.number);
      const arrivedAt = await lastArrival(arrivals, called.id);
      if (i >= WARMUP) {
        display.push(shownAt - t0);
        baseline.push(arrivedAt - t0);
      }

      // Free the counter for the next call, and let the broadcasts of that settle.
      const ticketId = called.id;
      await answer('step', counterApp.emitWithAck('ticket:step', { ticketId }));
      await answer('finish', counterApp.emitWithAck('ticket:finish', { ticketId }));
      for (const a of arrivals) a.delete(ticketId);
      await sleep(SETTLE_MS);
    }
    return { display, baseline, servedByHub };
  } finally {
    await browser.close();
    for (const s of sockets) s.disconnect();
    agent.destroy();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult> {
  const { display: displaySamples, baseline: baselineSamples, servedByHub } = await measure();
  const display = summarise(displaySamples);
  const baseline = summarise(baselineSamples);
  const baselineLabel = `ticket:called at ${BARE} bare display clients`;
  const ratio = display.p99 / baseline.p99;
  return {
    name: 'display-latency',
    figures: [
      {
        label: 'call → number on the display page, p50',
        unit: 'ms',
        value: display.p50,
        baseline: baseline.p50,
        baselineLabel,
      },
      {
        label: 'call → number on the display page, p99',
        unit: 'ms',
        value: display.p99,
        baseline: baseline.p99,
        baselineLabel,
      },
      {
        label: 'call → number on the display page, max',
        unit: 'ms',
        value: display.max,
        baseline: baseline.max,
        baselineLabel,
      },
    ],
    targets: [
      {
        label: `p99 ≤ ${TARGET_P99_MS} ms`,
        pass: display.n > 0 && display.p99 <= TARGET_P99_MS,
        detail:
          `${display.p99.toFixed(0)} ms (p50 ${display.p50.toFixed(0)} ms); bare broadcast p99 ` +
          `${baseline.p99.toFixed(0)} ms (p50 ${baseline.p50.toFixed(0)} ms) = ` +
          (Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—'),
      },
      ratioTarget('p99', display.p99, baseline.p99, TARGET_P99_RATIO, 'bare broadcast p99'),
    ],
    notes: [
      `${display.n} samples after ${WARMUP} warm-up, display and baseline from the same calls; ` +
        `${OFFICERS * SOCKETS_PER_OFFICER} counter clients on ${OFFICERS} officer tokens, ${TABS} Chromium tab ` +
        `at ${TV.width}×${TV.height} and ${BARE} bare display clients (${DISPLAYS} displays)`,
      'display figure: socket command → hub commit (fsync) → broadcast → page feed → Preact render, up to the DOM ' +
        'mutation (MutationObserver, before paint); Date.now() on both ends, 1 ms steps; hub and driver in this process',
      `${availableParallelism()} CPUs shared by the hub, all clients and the ${TABS} tab (software ` +
        'rendering, --disable-gpu); on site each display is its own machine',
      'audio play() is stubbed to resolve at once and never ends, so the announcer waits on its clip timeout: ' +
        'the hub renders and serves next to no announcement WAVs during the run',
      ...(servedByHub
        ? []
        : [
            'the hub does not serve /display yet: each tab opened the hub’s 404 there and wrote the built ' +
              'dist/web/display/renderer/index.html into it; its assets, API and socket are the hub’s',
          ]),
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
