// Kiosk print latency: from the citizen's tap on "no priority" in the browser kiosk (the built page, served by an
// in-process hub, in Debian's Chromium) to the first byte reaching the kiosk's printer, p50/p99 over 200 tickets.
// The figure includes the kiosk page's issue command, the hub's commit (fsync), the second request asking the hub
// to print, the ticket's layout and ESC/POS encoding, and the TCP connect to a fake raw-TCP printer on 127.0.0.1.
// Baseline in the same run: the bare print path, printTicket() on a sample ticket straight to the same kind of
// fake printer, without hub or browser. Both ends of each sample are Date.now() in this one process (1 ms steps).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTicket } from '@giliran/printing';
import { FakeTcpPrinter, sampleTicket, type FakePrintJob } from '@giliran/printing/testing';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { loadSiteConfig, type SiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { createHub } from '../../apps/hub/src/hub.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { isMain, percentile, progress, runBench, type BenchResult } from './run-all.ts';
import { summarise, ensureWebBuild } from './bench-support.ts';
import { ratioTarget } from './ratio-target.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KIOSK_PAGE = join(ROOT, 'dist', 'web', 'kiosk', 'renderer', 'index.html');
const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
const KIOSK_TOKEN = 'demo-kiosk';
const KIOSK_DEVICE = 'kiosk-1';
const AGENCY = 'disdukcapil';
const SERVICE = 'kk';
const PORTRAIT = { width: 1080, height: 1920 };
const WARMUP = 10;
const SAMPLES = Number(process.env.BENCH_PRINT_SAMPLES ?? 200);
const HUB_PHASE_TIME_LIMIT_MS = 120_000;
const BASELINE_PHASE_TIME_LIMIT_MS = 60_000;
const JOB_TIMEOUT_MS = 5000;
const STEP_TIMEOUT_MS = 10_000;
const DRIVER_PROBES = 50;
const TARGET_P99_MS = 150;
/**
 * The same p99 against the bare print path's p99 in the same run. The tap also crosses Chromium, HTTP and the
 * issue's fsync, which the bare path does not: 9.3× measured on 2 shared cores, so 15× leaves room for noise
 * and still fails when the hub's part doubles.
 */
const TARGET_P99_RATIO = 15;

/** The little of a DOM element the page functions use (this project's TypeScript has no DOM lib). */
interface DomElement {
  readonly childElementCount: number;
  click(): void;
}

/** The demo site with the rate limit lifted and the browser kiosk printing, through the hub, on `printer`. */
function benchSite(printer: FakeTcpPrinter): SiteConfig {
  const site = loadSiteConfig(SITE_FILE);
  return {
    ...site,
    kioskMaxTicketsPerMinute: 10_000,
    devices: site.devices.map((d) =>
      d.role === 'kiosk' && d.id === KIOSK_DEVICE
        ? { ...d, printer: { interface: printer.printerInterface, paperWidth: 80 as const } }
        : d,
    ),
  };
}

function firstByteLatency(job: FakePrintJob, t0: number): number {
  if (job.firstByteAt === null) throw new Error('print job without a single byte');
  return job.firstByteAt - t0;
}

/** Home → agency → service, up to the priority choice; the tap itself is left to the caller. */
async function toPriorityScreen(page: Page): Promise<void> {
  await page.click(`[data-agency="${AGENCY}"]`, { timeout: STEP_TIMEOUT_MS });
  await page.click(`[data-service="${SERVICE}"]`, { timeout: STEP_TIMEOUT_MS });
  await page.locator('[data-priority="none"]').waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Median round trip of a no-op `page.$eval`, the driver's share of the tap that the hub figure carries. */
async function driverRoundTrip(page: Page): Promise<number> {
  const trips: number[] = [];
  for (let i = 0; i < DRIVER_PROBES; i++) {
    const t0 = performance.now();
    await page.$eval('body', (body: DomElement) => body.childElementCount);
    trips.push(performance.now() - t0);
  }
  return percentile(
    trips.sort((a, b) => a - b),
    50,
  );
}

async function hubPhase(): Promise<{ samples: number[]; driverMs: number }> {
  ensureWebBuild(KIOSK_PAGE);
  const printer = new FakeTcpPrinter();
  await printer.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-print-'));
  const hub = await createHub({
    dataDir,
    site: benchSite(printer),
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await hub.close();
    await printer.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    progress('hub: opening the kiosk page in Chromium');
    const page = await browser.page(PORTRAIT);
    await page.goto(`${hub.url}/kiosk?token=${KIOSK_TOKEN}`);
    await page.locator(`[data-agency="${AGENCY}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
    const driverMs = await driverRoundTrip(page);

    const total = WARMUP + SAMPLES;
    progress(`hub: ${total} tickets tapped (${WARMUP} warm-up)`);
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < total && performance.now() - started < HUB_PHASE_TIME_LIMIT_MS; i++) {
      await toPriorityScreen(page);
      // THE TAP: t0 right before the one driver call that clicks inside the page.
      const t0 = Date.now();
      await page.$eval('[data-priority="none"]', (button: DomElement) => {
        button.click();
      });
      const job = await printer.waitForJob(JOB_TIMEOUT_MS);
      const latency = firstByteLatency(job, t0);
      if (i >= WARMUP) samples.push(latency);

      // The page shows the ticket once the hub answered the print request; then back home for the next one.
      await page.locator('[data-screen="done"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.click('.home-button', { timeout: STEP_TIMEOUT_MS });
      await page.locator(`[data-agency="${AGENCY}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
    }
    await page.close();
    return { samples, driverMs };
  } finally {
    await browser.close();
    await hub.close();
    await printer.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function baselinePhase(): Promise<number[]> {
  const printer = new FakeTcpPrinter();
  await printer.start();
  try {
    const content = sampleTicket();
    const options = { printerInterface: printer.printerInterface, paperWidth: 80 as const };
    const total = WARMUP + SAMPLES;
    progress(`baseline: ${total} bare printTicket() calls (${WARMUP} warm-up)`);
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < total && performance.now() - started < BASELINE_PHASE_TIME_LIMIT_MS; i++) {
      const t0 = Date.now();
      await printTicket(content, options);
      const latency = firstByteLatency(await printer.waitForJob(JOB_TIMEOUT_MS), t0);
      if (i >= WARMUP) samples.push(latency);
    }
    return samples;
  } finally {
    await printer.close();
  }
}

export async function run(): Promise<BenchResult> {
  const baseline = summarise(await baselinePhase());
  const { samples, driverMs } = await hubPhase();
  const hub = summarise(samples);
  const baselineLabel = 'bare printTicket() → fake printer';
  const ratio = hub.p99 / baseline.p99;
  return {
    name: 'kiosk-print-latency',
    figures: [
      {
        label: 'tap → first printer byte, p50',
        unit: 'ms',
        value: hub.p50,
        baseline: baseline.p50,
        baselineLabel,
      },
      {
        label: 'tap → first printer byte, p99',
        unit: 'ms',
        value: hub.p99,
        baseline: baseline.p99,
        baselineLabel,
      },
      {
        label: 'tap → first printer byte, max',
        unit: 'ms',
        value: hub.max,
        baseline: baseline.max,
        baselineLabel,
      },
    ],
    targets: [
      {
        label: `p99 ≤ ${TARGET_P99_MS} ms`,
        pass: hub.n > 0 && hub.p99 <= TARGET_P99_MS,
        detail:
          `${hub.p99.toFixed(0)} ms (p50 ${hub.p50.toFixed(0)} ms); bare print path p99 ` +
          `${baseline.p99.toFixed(0)} ms = ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—'}`,
      },
      ratioTarget('p99', hub.p99, baseline.p99, TARGET_P99_RATIO, 'bare print path p99'),
    ],
    notes: [
      `${hub.n} hub samples, ${baseline.n} baseline samples after ${WARMUP} warm-up; Date.now() on both ends, 1 ms steps`,
      'hub figure: Chromium kiosk page → issue command (fsync) → print request → layout + ESC/POS → TCP to the printer; ' +
        'hub, driver and printer in this process',
      `the tap is one playwright $eval; a no-op one takes ${driverMs.toFixed(2)} ms round trip (median), ` +
        'an upper bound on the driver overhead inside the hub figure',
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
