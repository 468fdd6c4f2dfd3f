// Soak: the large MPP of tests/load (40 counters, 6 displays, 4 kiosks, front office; 3,000 citizens a day with a
// morning peak) run day after day through the real hub in its own process, on a compressed clock, at full speed,
// for about BENCH_SOAK_SECONDS of wall time (at least three days). Officers sign in each morning, MOD polls today's
// report as the dashboard does. The hub's RSS and heap (after a forced GC) are sampled every few seconds.
// Baselines from the same run: the same hub idle with the same clients before the soak (memory), the end of the
// first day as warm-up (growth), and the first day's exact traffic replayed on a bare Socket.IO server, after day 1
// and again at the end (throughput).
import { toQueueConfig } from '../../apps/hub/src/index.ts';
import { Hall, signIn } from '../../tests/support/load-clients.ts';
import { runDay } from '../../tests/support/load-driver.ts';
import { startLoadHub, type LoadHub } from '../../tests/support/load-hub-process.ts';
import { Ledger } from '../../tests/support/load-ledger.ts';
import { planDay } from '../../tests/support/load-plan.ts';
import { loadOfficers, loadSite } from '../../tests/support/load-site.ts';
import { replayOnEcho, type ReplayResult } from './load-echo.ts';
import { Sampler, type Sample } from './load-memory.ts';
import { soakResult, type DayRecord } from './load-soak-result.ts';
import { isMain, progress, runBench, type BenchResult } from './run-all.ts';

const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 115);
const IDLE_SECONDS = 10;
const SAMPLE_EVERY_MS = 2000;
const REPORT_POLL_MS = 2000;
const MIN_DAYS = 3;
const TICKETS = 3000;
const FIRST_DAY = '2026-03-02';
const SEED = 20260302;
const DAY_MS = 86_400_000;

const dayOf = (index: number) =>
  new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10);
/** The site's local date and time (WIB, UTC+7) of an instant, as `03-02 09:15`. */
const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** MOD's dashboard asks for today's report every few seconds; overnight (no token) it is closed. */
function pollReports(url: string, token: () => string | null): () => Promise<number> {
  let polls = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await sleep(REPORT_POLL_MS);
      const bearer = token();
      if (bearer === null) continue;
      const response = await fetch(`${url}/api/reports/today`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      if (response.status !== 200) throw new Error(`report poll: HTTP ${response.status}`);
      await response.arrayBuffer();
      polls++;
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return polls;
  };
}

/** Days one after another until the time is up; `afterFirstDay` runs once, between day 1 and day 2. */
async function playDays(
  hub: LoadHub,
  hall: Hall,
  sampler: Sampler,
  setMod: (token: string | null) => void,
  afterFirstDay: (day: DayRecord) => Promise<void>,
): Promise<DayRecord[]> {
  const site = loadSite();
  const config = toQueueConfig(site);
  const days: DayRecord[] = [];
  const started = performance.now();
  for (let index = 0; ; index++) {
    const elapsed = (performance.now() - started) / 1000;
    const perDay = days.length === 0 ? 0 : elapsed / days.length;
    if (days.length >= MIN_DAYS && elapsed + perDay > SOAK_SECONDS) return days;
    const day = dayOf(index);
    const plan = planDay(config, day, TICKETS, SEED + index);
    if (index > 0) {
      // Overnight the clock goes to the morning; a new day's sessions (12 hours) need a new sign-in.
      setMod(null);
      await hub.advanceTo(plan.opensAt - 60 * 60_000);
      setMod(await signIn(hub.url, 'mod'));
      await hall.openDay(loadOfficers());
    }
    progress(`day ${index + 1} (${day}): ${TICKETS} tickets`);
    const stats = await runDay(hub, hall, plan, new Ledger(), site, SEED + index);
    const end = await sampler.take(`end of day ${index + 1}`);
    const record: DayRecord = { day, tickets: TICKETS, stats, end };
    days.push(record);
    progress(`day ${index + 1}: ${stats.commands} commands in ${(stats.wallMs / 1000).toFixed(1)} s`);
    if (index === 0) await afterFirstDay(record);
  }
}

export async function run(): Promise<BenchResult> {
  const origin = performance.now();
  const hub = await startLoadHub(loadSite(), Date.parse(`${FIRST_DAY}T06:30:00+07:00`));
  const hall = new Hall(hub.url);
  let simNow = 0;
  // The driver moves the clock; remembering where it is labels the samples.
  const tracked: LoadHub = {
    ...hub,
    advanceTo: async (at) => {
      simNow = at;
      await hub.advanceTo(at);
    },
  };
  const echoes: ReplayResult[] = [];
  let idle: readonly Sample[];
  let days: DayRecord[];
  let samples: readonly Sample[];
  let polls: number;
  try {
    await hall.openDevices();
    await hall.openDay(loadOfficers());
    progress(`idle hub, ${hall.clientCount} clients connected: ${IDLE_SECONDS} s`);
    const idleSampler = new Sampler(hub, 1000, origin, () => 'idle');
    idleSampler.start();
    await sleep(IDLE_SECONDS * 1000);
    await idleSampler.stop();
    idle = idleSampler.samples;

    const sampler = new Sampler(hub, SAMPLE_EVERY_MS, origin, () => `hub clock ${wib(simNow)}`);
    let mod: string | null = await signIn(hub.url, 'mod');
    const stopPolling = pollReports(hub.url, () => mod);
    sampler.start();
    try {
      days = await playDays(
        tracked,
        hall,
        sampler,
        (token) => {
          mod = token;
        },
        async (day) => {
          progress(`baseline (1/2): day 1's traffic on a bare Socket.IO server`);
          echoes.push(await replayOnEcho(day.stats.traffic, hall.clientCount));
        },
      );
    } finally {
      // Before the hub stops: nothing may still be asking it.
      await sampler.stop();
      polls = await stopPolling();
      samples = sampler.samples;
    }
  } finally {
    hall.closeAll();
    await hub.stop();
  }
  const first = days[0];
  if (first) {
    progress(`baseline (2/2): day 1's traffic on a bare Socket.IO server`);
    echoes.push(await replayOnEcho(first.stats.traffic, hall.clientCount));
  }
  return soakResult({ days, samples, idle, polls, echoes, clients: hall.clientCount });
}

if (isMain(import.meta.url)) await runBench(run);
