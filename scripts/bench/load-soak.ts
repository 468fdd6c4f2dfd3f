// Soak: the large MPP of tests/load (40 counters, 6 displays, 4 kiosks, front office; 3,000 citizens a day with a
// morning peak) run day after day through the real hub in its own process, on a compressed clock, at full speed,
// for about BENCH_SOAK_SECONDS of wall time (at least three days). Officers sign in each morning, MOD polls today's
// report as the dashboard does. The hub's RSS and heap (after a forced GC) are sampled every few seconds.
// Baselines from the same run: the same hub idle with the same clients before the soak (memory), the end of the
// first day as warm-up (growth), and the first day's exact traffic replayed on a bare Socket.IO server (throughput).
import { toQueueConfig } from '../../apps/hub/src/index.ts';
import { Hall, signIn } from '../../tests/support/load-clients.ts';
import { runDay, type DayStats } from '../../tests/support/load-driver.ts';
import { startLoadHub, type LoadHub } from '../../tests/support/load-hub-process.ts';
import { Ledger } from '../../tests/support/load-ledger.ts';
import { planDay } from '../../tests/support/load-plan.ts';
import { loadOfficers, loadSite } from '../../tests/support/load-site.ts';
import { replayOnEcho } from './load-echo.ts';
import { Sampler, slope, type Sample } from './load-memory.ts';
import { isMain, median, progress, runBench, type BenchResult } from './run-all.ts';

const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 100);
const IDLE_SECONDS = 10;
const SAMPLE_EVERY_MS = 2000;
const REPORT_POLL_MS = 2000;
const MIN_DAYS = 3;
const TICKETS = 3000;
const FIRST_DAY = '2026-03-02';
const SEED = 20260302;
const DAY_MS = 86_400_000;
/** A hall's hub runs for weeks: after the first day, a day's work may not leave memory behind. */
const RSS_GROWTH_TARGET = 0.1;
/** 1 MB a day is about 350 bytes a ticket: far less than one ticket's state (~2 KB), so a leak of tickets shows. */
const HEAP_SLOPE_TARGET_MB_PER_DAY = 1;

interface DayRecord {
  readonly day: string;
  readonly stats: DayStats;
  readonly end: Sample;
}

const dayOf = (index: number) =>
  new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10);
const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16);

/** MOD's dashboard asks for today's report every few seconds; it signs in anew each morning. */
function pollReports(url: string, token: () => string): () => Promise<number> {
  let polls = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, REPORT_POLL_MS));
      const response = await fetch(`${url}/api/reports/today`, {
        headers: { authorization: `Bearer ${token()}` },
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

async function soak(
  hub: LoadHub,
  hall: Hall,
  origin: number,
): Promise<{ days: DayRecord[]; samples: Sample[]; polls: number }> {
  const site = loadSite();
  const config = toQueueConfig(site);
  let simNow = 0;
  let dayIndex = 0;
  // The driver moves the clock; remembering where it is labels the samples.
  const tracked: LoadHub = {
    ...hub,
    advanceTo: async (at) => {
      simNow = at;
      await hub.advanceTo(at);
    },
  };
  const sampler = new Sampler(hub, SAMPLE_EVERY_MS, origin, () => `day ${dayIndex + 1} ${wib(simNow)}`);
  let modToken = await signIn(hub.url, 'mod');
  const stopPolling = pollReports(hub.url, () => modToken);
  sampler.start();
  const days: DayRecord[] = [];
  const soakStarted = performance.now();
  for (; ; dayIndex++) {
    const elapsed = (performance.now() - soakStarted) / 1000;
    const perDay = days.length === 0 ? 0 : elapsed / days.length;
    if (days.length >= MIN_DAYS && elapsed + perDay > SOAK_SECONDS) break;
    const day = dayOf(dayIndex);
    const plan = planDay(config, day, TICKETS, SEED + dayIndex);
    if (dayIndex > 0) {
      // Overnight: the hub's clock goes to the morning; a new day's sessions (12 hours) need a new sign-in.
      await tracked.advanceTo(plan.opensAt - 60 * 60_000);
      modToken = await signIn(hub.url, 'mod');
      await hall.openDay(loadOfficers());
    }
    progress(`day ${dayIndex + 1} (${day}): ${TICKETS} tickets`);
    const stats = await runDay(tracked, hall, plan, new Ledger(), site, SEED + dayIndex);
    const end = await sampler.take(`end of day ${dayIndex + 1}`);
    days.push({ day, stats, end });
    progress(
      `day ${dayIndex + 1}: ${stats.commands} commands in ${(stats.wallMs / 1000).toFixed(1)} s ` +
        `(${Math.round(TICKETS / (stats.wallMs / 1000))} tickets/s)`,
    );
  }
  await sampler.stop();
  return { days, samples: sampler.samples, polls: await stopPolling() };
}

export async function run(): Promise<BenchResult> {
  const origin = performance.now();
  const site = loadSite();
  const hub = await startLoadHub(site, Date.parse(`${FIRST_DAY}T06:30:00+07:00`));
  const hall = new Hall(hub.url);
  let result: Awaited<ReturnType<typeof soak>>;
  let idle: Sample[];
  try {
    await hall.openDevices();
    await hall.openDay(loadOfficers());
    progress(`idle hub, ${hall.clientCount} clients connected: ${IDLE_SECONDS} s`);
    const idleSampler = new Sampler(hub, 1000, origin, () => 'idle');
    idleSampler.start();
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    await idleSampler.stop();
    idle = idleSampler.samples;
    result = await soak(hub, hall, origin);
  } finally {
    hall.closeAll();
    await hub.stop();
  }
  const { days, samples, polls } = result;
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last || days.length < 2) throw new Error('the soak ran fewer than two days');
  progress(`baseline: day 1's traffic on a bare Socket.IO server`);
  const echo = await replayOnEcho(first.stats.traffic, hall.clientCount);

  const idleRss = median(idle.map((s) => s.rssMb));
  const maxRss = Math.max(...samples.map((s) => s.rssMb));
  const rssGrowth = last.end.rssMb / first.end.rssMb - 1;
  const heapSlope = slope(days.slice(1).map((d, i) => [i, d.end.heapMb] as const));
  const heapSlopeOk = days.length < 3 ? false : heapSlope <= HEAP_SLOPE_TARGET_MB_PER_DAY;
  const seconds = (ms: number) => ms / 1000;
  const dayCommandsPerSecond = first.stats.commands / seconds(first.stats.wallMs);
  const echoCommandsPerSecond = echo.commands / seconds(echo.wallMs);
  const soakWall = days.reduce((s, d) => s + d.stats.wallMs, 0);
  const echoLabel = `day 1's traffic on bare Socket.IO, ${hall.clientCount} clients`;
  const mb = (v: number) => `${v.toFixed(1)} MB`;
  return {
    name: 'load-soak',
    figures: [
      {
        label: 'simulated day 1, tickets/s',
        unit: 'tickets/s',
        value: TICKETS / seconds(first.stats.wallMs),
        baseline: TICKETS / seconds(echo.wallMs),
        baselineLabel: echoLabel,
      },
      {
        label: 'simulated day 1, commands/s',
        unit: 'cmd/s',
        value: dayCommandsPerSecond,
        baseline: echoCommandsPerSecond,
        baselineLabel: echoLabel,
      },
      {
        label: `soak ${days.length} days, tickets/s`,
        unit: 'tickets/s',
        value: (days.length * TICKETS) / seconds(soakWall),
        baseline: null,
        baselineLabel: '—',
      },
      {
        label: 'hub RSS, max during soak',
        unit: 'MB',
        value: maxRss,
        baseline: idleRss,
        baselineLabel: 'same hub idle, same clients, before the soak',
      },
      {
        label: `hub RSS, end of day ${days.length}`,
        unit: 'MB',
        value: last.end.rssMb,
        baseline: first.end.rssMb,
        baselineLabel: 'end of day 1 (warm-up)',
      },
      {
        label: `heap after GC, end of day ${days.length}`,
        unit: 'MB',
        value: last.end.heapMb,
        baseline: first.end.heapMb,
        baselineLabel: 'end of day 1 (warm-up)',
      },
    ],
    targets: [
      {
        label: `RSS growth after warm-up ≤ ${RSS_GROWTH_TARGET * 100}%`,
        pass: rssGrowth <= RSS_GROWTH_TARGET,
        detail: `end of day 1 ${mb(first.end.rssMb)} → end of day ${days.length} ${mb(last.end.rssMb)} = ${(rssGrowth * 100).toFixed(1)}%`,
      },
      {
        label: `heap after GC grows ≤ ${HEAP_SLOPE_TARGET_MB_PER_DAY} MB a day after warm-up`,
        pass: heapSlopeOk,
        detail: `ends of days 2–${days.length}: ${days
          .slice(1)
          .map((d) => d.end.heapMb.toFixed(1))
          .join(', ')} MB, slope ${heapSlope.toFixed(2)} MB/day`,
      },
    ],
    notes: [
      `${days.length} simulated days (${days.map((d) => d.day).join(', ')}) of ${TICKETS} tickets, ${days.reduce((s, d) => s + d.stats.commands, 0)} commands, ` +
        `${seconds(soakWall).toFixed(0)} s of wall time; ${polls} report polls by MOD; ${samples.length} memory samples`,
      `RSS start ${mb(idle[0]?.rssMb ?? Number.NaN)} (idle), end ${mb(samples.at(-1)?.rssMb ?? Number.NaN)}, max ${mb(maxRss)}; ` +
        `heap after GC at day ends ${days.map((d) => d.end.heapMb.toFixed(1)).join(', ')} MB`,
      `hub (tsx, own process) and the ${hall.clientCount} clients' process share the machine; day 1 includes JIT warm-up, as its baseline does`,
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
