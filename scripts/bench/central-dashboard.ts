// Central dashboard latency: an event at a hall hub → that site's row updated on /pusat, p50/p95/p99, while 100
// sites push (99 simulated pushers at a busy hall's pace plus one real hub with the pusher's default timing), against
// the same path with that one hub alone (the in-run baseline). The split: the hub and its push interval (commit →
// central's ingest transaction starts), ingest and broadcast (→ a Socket.IO client hears `site:synced`), and the page
// (→ the row shows the new figure). Then the resident memory of the central process with 100 sites connected.
// Scale with BENCH_DASHBOARD_SITES, BENCH_DASHBOARD_EVENT_MS (each simulated site's mean time between events) and
// BENCH_DASHBOARD_SAMPLES. Needs the built pages (`npm run build:web`).
import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { pino } from 'pino';
import { io } from 'socket.io-client';
import type { SyncEvent } from '@giliran/protocol';
import { launchBrowser } from '../../tests/support/browser.ts';
import { demoSite, KIOSK_TOKEN, startTestHub } from '../../tests/support/hub-harness.ts';
import { startPostgres } from '../../tests/support/postgres-cluster.ts';
import { BENCH_ADMIN, startBenchCentral } from './central-start.ts';
import { httpRequest, isMain, percentile, progress, runBench, type BenchResult } from './run-all.ts';

const SITES = Number(process.env.BENCH_DASHBOARD_SITES ?? 100);
/** A busy hall logs about 15,000 events in an 8-hour day: one every 2 s. */
const EVENT_MS = Number(process.env.BENCH_DASHBOARD_EVENT_MS ?? 2000);
const SAMPLES = Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 40);
const IDLE_SAMPLES = Math.max(5, Math.round(SAMPLES / 3));
const TARGET_P99_MS = 2000;
/** The hub pusher's own delay after a commit (DEFAULT_PUSHER_TIMING.nudgeDelayMs), used by the simulated sites. */
const NUDGE_MS = 200;
const MEASURED = 'mpp-ukur';

/**
 * A hall's pusher without the hall: a ticket's life as queue events at a busy hall's pace, each pushed like the hub
 * does (200 ms after the event, gathering what comes meanwhile, from central's last acknowledgement).
 */
class SimulatedSite {
  private events: SyncEvent[] = [];
  private acked = 0;
  private n = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pushing = false;
  private stopped = false;
  batches = 0;

  constructor(
    private readonly agent: Agent,
    private readonly port: number,
    private readonly site: { id: string; key: string },
    private readonly day: string,
  ) {}

  start(): void {
    this.next();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private next(): void {
    if (this.stopped) return;
    // Exponential gaps: arrivals at a hall are a Poisson stream, and the sites are not in step.
    this.timer = setTimeout(
      () => {
        this.log();
        setTimeout(() => void this.push(), NUDGE_MS);
        this.next();
      },
      -Math.log(1 - Math.random()) * EVENT_MS,
    );
  }

  private log(): void {
    const i = Math.floor(this.n / 4);
    const ticketId = `${this.site.id}-t${i}`;
    const at = new Date().toISOString();
    const kind = this.n % 4;
    this.n += 1;
    const base = { ticketId, at };
    const payload: Record<string, unknown> =
      kind === 0
        ? {
            ...base,
            code: `C${i}`,
            serviceId: 'kk',
            serviceDay: this.day,
            seq: i + 1,
            number: `B${String(i + 1).padStart(3, '0')}`,
            priority: null,
            channel: 'kiosk',
            issuedAt: at,
            by: 'device:kiosk-1',
          }
        : kind === 1
          ? { ...base, counterId: 'loket-1', via: 'next', by: 'loket1' }
          : kind === 2
            ? { ...base, counterId: 'loket-1', step: 4, by: 'loket1' }
            : { ...base, counterId: 'loket-1', outcome: 'completed', by: 'loket1' };
    const type = ['ticket:issued', 'ticket:called', 'ticket:step-started', 'ticket:finished'][kind] ?? '';
    this.events.push({ seq: this.n, type, serviceDay: this.day, at, payload: { type, ...payload } });
  }

  private async push(): Promise<void> {
    if (this.pushing || this.stopped) return;
    this.pushing = true;
    try {
      const events = this.events.filter((e) => e.seq > this.acked);
      if (events.length === 0) return;
      const last = events.at(-1);
      const res = await httpRequest(this.agent, this.port, 'POST', '/api/central/sync', this.site.key, {
        siteId: this.site.id,
        after: this.acked,
        head: last?.seq ?? 0,
        headAt: last?.at ?? null,
        events,
      });
      if (res.status !== 200) throw new Error(`sync ${this.site.id}: ${res.status} ${res.body}`);
      this.acked = (JSON.parse(res.body) as { ackedSeq: number }).ackedSeq;
      this.events = this.events.filter((e) => e.seq > this.acked);
      this.batches += 1;
    } finally {
      this.pushing = false;
    }
  }
}

interface Sample {
  readonly total: number;
  readonly push: number;
  readonly ingest: number;
  readonly page: number;
}

const summary = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

function rssMbOf(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? 0) / 1024;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

async function run(): Promise<BenchResult> {
  if (!existsSync(new URL('../../dist/web/pusat/renderer/index.html', import.meta.url)))
    throw new Error('the /pusat page is not built: run `npm run build:web` first');
  const loadBefore = load();
  const cluster = await startPostgres();
  const browser = await launchBrowser();
  const simulated: SimulatedSite[] = [];
  try {
    const databaseUrl = await cluster.createDatabase('central_dashboard_bench');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    const { central, port, url, agent, token, enrol } = await startBenchCentral(databaseUrl, pool, {
      maxSockets: SITES + 4,
    });

    // The measured site: a real hub, its pusher at the default timing (200 ms nudge, 15 s heartbeat).
    const measured = await enrol(MEASURED);
    const hub = await startTestHub({
      site: demoSite({ id: MEASURED, central: { url, siteId: MEASURED, key: measured.key } }),
      logger: pino({ level: 'silent' }),
    });
    const day = hub.hub.engine.serviceDay;
    const others = await Promise.all(Array.from({ length: SITES - 1 }, (_, i) => enrol(`site-${i}`)));

    // The dashboard: /pusat in Chromium, signed in, showing the list of sites.
    const page = await browser.page({ width: 1920, height: 1080 });
    await page.goto(`${url}/pusat?lang=id`);
    await page.fill('input[name="username"]', BENCH_ADMIN.username);
    await page.fill('input[name="pin"]', BENCH_ADMIN.pin);
    await page.click('button[type="submit"]');
    await page.locator(`[data-testid="sites"] tr[data-site="${MEASURED}"]`).waitFor();

    // A listener beside the page: when central broadcast each batch of the measured site.
    const heard: { at: number; ackedSeq: number }[] = [];
    const listener = io(url, { auth: { token }, transports: ['websocket'] });
    listener.on('site:synced', (m: { siteId: string; ackedSeq: number }) => {
      if (m.siteId === MEASURED) heard.push({ at: Date.now(), ackedSeq: m.ackedSeq });
    });
    await new Promise<void>((resolve) => {
      listener.once('connect', () => {
        resolve();
      });
    });

    const cell = `[data-testid="sites"] tr[data-site="${MEASURED}"] [data-figure="issued"]`;
    const measure = async (): Promise<Sample> => {
      const before = Number((await page.locator(cell).innerText()).replace(/\D/g, '') || '0');
      const expected = (before + 1).toLocaleString('id-ID');
      // Armed before the ticket: resolves with the page's clock when the row shows the new count.
      // A page script (text: this file is not compiled against the DOM) that answers once the figure shows.
      const shown = page.evaluate(`new Promise((resolve) => {
        const check = () => {
          if (document.querySelector(${JSON.stringify(cell)})?.textContent === ${JSON.stringify(expected)}) {
            observer.disconnect();
            resolve(Date.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      })`);
      const issuedAt = Date.now();
      const res = await hub.api<{ id: string }>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: 'kk' },
      });
      if (res.status !== 201) throw new Error(`issue: ${res.status}`);
      const rowAt = Number(await shown);
      const { rows } = await pool.query<{ seq: string; received_at: Date }>(
        `SELECT seq, received_at FROM events
         WHERE site_id = $1 AND type = 'ticket:issued' AND payload ->> 'ticketId' = $2`,
        [MEASURED, res.body.id],
      );
      const seq = Number(rows[0]?.seq ?? 0);
      const receivedAt = rows[0]?.received_at.getTime() ?? issuedAt;
      const syncedAt = heard.find((h) => h.ackedSeq >= seq)?.at ?? rowAt;
      return {
        total: rowAt - issuedAt,
        push: receivedAt - issuedAt,
        ingest: syncedAt - receivedAt,
        page: rowAt - syncedAt,
      };
    };
    const pause = () => new Promise((r) => setTimeout(r, 800 + Math.random() * 700));
    const collect = async (n: number): Promise<Sample[]> => {
      const out: Sample[] = [];
      for (let i = 0; i < n; i++) {
        out.push(await measure());
        await pause();
      }
      return out;
    };

    progress(`baseline: the one hub alone, ${IDLE_SAMPLES} tickets`);
    const idle = await collect(IDLE_SAMPLES);

    progress(`${SITES - 1} simulated sites start pushing (an event every ${EVENT_MS} ms each, on average)`);
    for (const site of others) simulated.push(new SimulatedSite(agent, port, site, day));
    for (const site of simulated) site.start();
    await new Promise((r) => setTimeout(r, 5000)); // every site has pushed at least once
    progress(`loaded: ${SAMPLES} tickets at the measured hub`);
    const loadDuring = load();
    const loaded = await collect(SAMPLES);
    for (const site of simulated) site.stop();
    const batches = simulated.reduce((n, s) => n + s.batches, 0);
    const rssMb = rssMbOf(central.child.pid ?? 0);
    listener.close();
    await page.close();
    await hub.stop();
    agent.destroy();
    await central.kill9();
    await pool.end();

    const total = summary(loaded.map((s) => s.total));
    const base = summary(idle.map((s) => s.total));
    const part = (key: keyof Sample) => summary(loaded.map((s) => s[key]));
    const figures = [
      { label: 'event at hub → row on /pusat, p50', unit: 'ms', value: total.p50, baseline: base.p50 },
      { label: 'event at hub → row on /pusat, p95', unit: 'ms', value: total.p95, baseline: base.p95 },
      { label: 'event at hub → row on /pusat, p99', unit: 'ms', value: total.p99, baseline: base.p99 },
      {
        label: '… of which hub + push interval, p50',
        unit: 'ms',
        value: part('push').p50,
        baseline: null,
      },
      { label: '… of which ingest + broadcast, p50', unit: 'ms', value: part('ingest').p50, baseline: null },
      { label: '… of which page refresh + render, p50', unit: 'ms', value: part('page').p50, baseline: null },
      {
        label: `RSS of the central process, ${SITES} sites connected`,
        unit: 'MB',
        value: rssMb,
        baseline: null,
      },
    ].map((f) => ({ ...f, baselineLabel: f.baseline === null ? '' : 'the one hub alone' }));
    const p99s = (['push', 'ingest', 'page'] as const)
      .map((k) => `${k} ${Math.round(part(k).p99)}`)
      .join(', ');
    return {
      name: 'central-dashboard',
      figures,
      targets: [
        {
          label: `event → /pusat row p99 ≤ ${TARGET_P99_MS} ms with ${SITES} sites pushing`,
          pass: total.p99 <= TARGET_P99_MS,
          detail: `p99 ${Math.round(total.p99)} ms (alone ${Math.round(base.p99)} ms); split p99: ${p99s} ms`,
        },
      ],
      notes: [
        `${SITES} sites: ${SITES - 1} simulated pushers (a ticket's issue, call, step, finish; an event every ${EVENT_MS} ms on average each, pushed ${NUDGE_MS} ms later as the hub pusher does; ${batches} batches during the run) and one real hub with the default pusher timing`,
        `central in its own process; /pusat in headless Chromium at 1920×1080; the row's time is the page's clock when the figure changes; "push" runs from the kiosk's request to central's ingest transaction (events.received_at), "ingest" to a Socket.IO client hearing site:synced, "page" to the row`,
        `machine: ${cpus().length} cores; load average (1/5/15 min) before ${loadBefore}, during the loaded phase ${loadDuring}, after ${load()}`,
      ],
    };
  } finally {
    for (const site of simulated) site.stop();
    await browser.close();
    await cluster.stop();
  }
}

if (isMain(import.meta.url)) await runBench(run);
