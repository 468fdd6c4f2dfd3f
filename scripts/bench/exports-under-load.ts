// Staff load against the hall (issue 15): sixty PDF/XLSX report exports and sixty announcement WAVs asked for at
// once while four kiosks keep issuing tickets, on the real hub in a child process. Exports are refused beyond the
// hub's cap with 429 and Retry-After; the bench's clients ask again a second later until every file is served.
// Baseline in the same run: the same kiosks issuing with nothing else going on.
// Target: ticket issue p99 under the load at most 2× its idle figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { spawnHub } from '../../tests/support/hub-process.ts';
import { sleep, summarise, type Summary } from './bench-support.ts';
import { httpRequest, isMain, progress, runBench, type BenchResult } from './run-all.ts';

const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
const KIOSKS = 4;
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 60);
const ANNOUNCEMENTS = Number(process.env.BENCH_ANNOUNCEMENTS ?? 60);
const IDLE_TICKETS_PER_KIOSK = 150;
/** A kiosk's pace: a citizen every 50 ms per kiosk is far above a hall's, and keeps the loop busy. */
const KIOSK_PAUSE_MS = 50;
const TARGET_RATIO = 2;
const RETRY_MS = 1000;
const EXPORT_TIMEOUT_MS = 120_000;
const SERVICES = ['ktp-el', 'kk', 'stnk'] as const;

interface Issued {
  readonly id: string;
}

async function login(port: number, agent: Agent, username: string): Promise<string> {
  const res = await httpRequest(agent, port, 'POST', '/api/auth/login', undefined, { username, pin: '1234' });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { token: string }).token;
}

/** Kiosks issuing one ticket after another until `done()`, or `perKiosk` each; every answer's time in ms. */
async function kiosks(port: number, done: () => boolean, perKiosk = Infinity): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: KIOSKS }, async (_, k) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; i < perKiosk && !done(); i++) {
        const started = performance.now();
        const res = await httpRequest(agent, port, 'POST', '/api/tickets', 'demo-kiosk', {
          serviceId: SERVICES[(k + i) % SERVICES.length],
        });
        samples.push(performance.now() - started);
        if (res.status !== 201) throw new Error(`issue: ${res.status} ${res.body}`);
        await sleep(KIOSK_PAUSE_MS);
      }
      agent.destroy();
    }),
  );
  return samples;
}

interface Flood {
  readonly ms: number;
  readonly refusals: number;
  readonly exportMs: Summary;
  readonly announcementMs: Summary;
}

/** A GET whose body is read and dropped; an export may wait its turn longer than httpRequest's 10 s. */
function statusOf(port: number, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = get(
      {
        host: '127.0.0.1',
        port,
        path,
        timeout: EXPORT_TIMEOUT_MS,
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error(`GET ${path} timed out`));
    });
    req.on('error', reject);
  });
}

/**
 * One staff member's export, asked again a second after each 429 until the file comes: more insistent than the
 * hub's Retry-After of 5 s, so the cap is kept busy the whole time.
 */
async function exportUntilServed(
  port: number,
  token: string,
  format: string,
): Promise<{ ms: number; refusals: number }> {
  const started = performance.now();
  let refusals = 0;
  for (;;) {
    const status = await statusOf(port, `/api/reports/today?format=${format}`, token);
    if (status === 200) return { ms: performance.now() - started, refusals };
    if (status !== 429) throw new Error(`export ${format}: ${status}`);
    refusals++;
    await sleep(RETRY_MS);
  }
}

async function flood(port: number, mod: string, tickets: readonly Issued[]): Promise<Flood> {
  const started = performance.now();
  const exports = Array.from({ length: EXPORTS }, (_, i) =>
    exportUntilServed(port, mod, i % 2 ? 'xlsx' : 'pdf'),
  );
  const announcements = tickets.slice(0, ANNOUNCEMENTS).map(async (ticket) => {
    const t0 = performance.now();
    const path = `/api/tickets/${ticket.id}/announcement.wav?counter=loket-1`;
    const status = await statusOf(port, path, 'demo-display');
    if (status !== 200) throw new Error(`announcement: ${status}`);
    return performance.now() - t0;
  });
  const [exported, spoken] = await Promise.all([Promise.all(exports), Promise.all(announcements)]);
  return {
    ms: performance.now() - started,
    refusals: exported.reduce((sum, e) => sum + e.refusals, 0),
    exportMs: summarise(exported.map((e) => e.ms)),
    announcementMs: summarise(spoken),
  };
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-exports-'));
  const siteFile = join(dataDir, 'site.json');
  writeFileSync(siteFile, JSON.stringify({ ...loadSiteConfig(SITE_FILE), kioskMaxTicketsPerMinute: 10_000 }));
  const hub = await spawnHub(dataDir, siteFile);
  const port = Number(new URL(hub.url).port);
  const agent = new Agent({ keepAlive: true });
  try {
    const mod = await login(port, agent, 'mod');
    // Tickets for the announcements to name, each its own text (a cache hit would measure nothing).
    const tickets: Issued[] = [];
    for (let i = 0; i < ANNOUNCEMENTS; i++) {
      const res = await httpRequest(agent, port, 'POST', '/api/tickets', 'demo-kiosk', { serviceId: 'kk' });
      tickets.push(JSON.parse(res.body) as Issued);
    }
    progress('idle: kiosks issuing alone');
    await kiosks(port, () => false, 20); // warm-up
    // The export worker thread starts with the first export, as after any quiet minute in the hall.
    if ((await statusOf(port, '/api/reports/today?format=pdf', mod)) !== 200)
      throw new Error('warm-up export');
    const idle = summarise(await kiosks(port, () => false, IDLE_TICKETS_PER_KIOSK));
    progress(`under load: ${EXPORTS} exports and ${ANNOUNCEMENTS} announcements at once`);
    let flooding = true;
    const [loaded, result] = await Promise.all([
      kiosks(port, () => !flooding),
      flood(port, mod, tickets).finally(() => {
        flooding = false;
      }),
    ]);
    const busy = summarise(loaded);
    const ratio = busy.p99 / idle.p99;
    return {
      name: 'exports-under-load',
      figures: [
        {
          label: 'ticket issue p50 under load',
          unit: 'ms',
          value: busy.p50,
          baseline: idle.p50,
          baselineLabel: 'idle p50',
        },
        {
          label: 'ticket issue p99 under load',
          unit: 'ms',
          value: busy.p99,
          baseline: idle.p99,
          baselineLabel: 'idle p99',
        },
        {
          label: 'ticket issue max under load',
          unit: 'ms',
          value: busy.max,
          baseline: idle.max,
          baselineLabel: 'idle max',
        },
        {
          label: `${EXPORTS} exports, all served`,
          unit: 'ms',
          value: result.ms,
          baseline: null,
          baselineLabel: '',
        },
        {
          label: 'export p50 (with retries)',
          unit: 'ms',
          value: result.exportMs.p50,
          baseline: null,
          baselineLabel: '',
        },
        {
          label: '429 answers (Retry-After)',
          unit: '',
          value: result.refusals,
          baseline: null,
          baselineLabel: '',
        },
        {
          label: `${ANNOUNCEMENTS} announcement WAVs p99`,
          unit: 'ms',
          value: result.announcementMs.p99,
          baseline: null,
          baselineLabel: '',
        },
      ],
      targets: [
        {
          label: `ticket issue p99 under load ≤ ${TARGET_RATIO}× idle`,
          pass: ratio <= TARGET_RATIO,
          detail: `${busy.p99.toFixed(1)} ms vs ${idle.p99.toFixed(1)} ms idle (${ratio.toFixed(2)}×), ${busy.n} tickets`,
        },
      ],
      notes: [
        `${KIOSKS} kiosks, one ticket each per ${KIOSK_PAUSE_MS} ms; ${idle.n} idle tickets`,
        'exports: 1 worker thread, 2 accepted at once (one rendering, one next); WAVs: 1 espeak-ng at a time',
      ],
    };
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nhub alive: ${hub.isAlive()}\n${hub.tail()}`,
      {
        cause: error,
      },
    );
  } finally {
    agent.destroy();
    hub.child.kill('SIGTERM');
    await hub.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runBench(run);
