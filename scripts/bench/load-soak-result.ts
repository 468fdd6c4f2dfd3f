// The soak's figures, targets and notes, from its days, memory samples and baselines (see load-soak.ts).
import type { DayStats } from '../../tests/support/load-driver.ts';
import type { ReplayResult } from './load-echo.ts';
import { slope, type Sample } from './load-memory.ts';
import { median, type BenchResult } from './run-all.ts';

/** A hall's hub runs for weeks: after the first day, a day's work may not leave memory behind. */
const RSS_GROWTH_TARGET = 0.1;
/** 1 MB a day is about 350 bytes a ticket: far less than one ticket's state (~2 KB), so a leak of tickets shows. */
const HEAP_SLOPE_TARGET_MB_PER_DAY = 1;
/**
 * The hub decides, commits (fsync) and answers each command and broadcasts its event; the bare server only answers
 * and broadcasts. Keeping at least 30% of the transport's own rate (as issue-throughput asks of raw SQLite) means
 * the hub's own work is not what limits a hall's traffic.
 */
const THROUGHPUT_SHARE_TARGET = 0.3;

export interface DayRecord {
  readonly day: string;
  readonly tickets: number;
  readonly stats: DayStats;
  /** Taken when the day's last citizen has left, before the night. */
  readonly end: Sample;
}

export interface SoakOutcome {
  readonly days: readonly DayRecord[];
  readonly samples: readonly Sample[];
  readonly idle: readonly Sample[];
  readonly polls: number;
  /** Day 1's traffic on the bare server: once after day 1, once after the soak. */
  readonly echoes: readonly ReplayResult[];
  readonly clients: number;
}

const perSecond = (count: number, ms: number) => (count / ms) * 1000;
const mb = (v: number) => `${v.toFixed(1)} MB`;

export function soakResult(o: SoakOutcome): BenchResult {
  const first = o.days[0];
  const last = o.days.at(-1);
  if (!first || !last || o.days.length < 3 || o.echoes.length === 0)
    throw new Error('the soak needs three days and a baseline');
  const later = o.days.slice(1);
  // Throughput: the median day against the mean of the baseline runs, so that one noisy moment on a shared machine
  // moves neither side alone.
  const dayTickets = median(o.days.map((d) => perSecond(d.tickets, d.stats.wallMs)));
  const dayCommands = median(o.days.map((d) => perSecond(d.stats.commands, d.stats.wallMs)));
  const echoMs = o.echoes.reduce((s, e) => s + e.wallMs, 0) / o.echoes.length;
  const echoCommands = perSecond(first.stats.commands, echoMs);
  const echoTickets = perSecond(first.tickets, echoMs);
  const share = dayCommands / echoCommands;
  const rssGrowth = last.end.rssMb / first.end.rssMb - 1;
  const heapSlope = slope(later.map((d, i) => [i, d.end.heapMb] as const));
  const maxRss = Math.max(...o.samples.map((s) => s.rssMb));
  const echoLabel = `day 1's traffic on bare Socket.IO, ${o.clients} clients`;
  const simulatedHours = o.days.reduce((s, d) => s + d.stats.simulatedMs, 0) / 3_600_000;
  const wallSeconds = o.days.reduce((s, d) => s + d.stats.wallMs, 0) / 1000;
  return {
    name: 'load-soak',
    figures: [
      {
        label: 'simulated day, tickets/s',
        unit: 'tickets/s',
        value: dayTickets,
        baseline: echoTickets,
        baselineLabel: echoLabel,
      },
      {
        label: 'simulated day, commands/s',
        unit: 'cmd/s',
        value: dayCommands,
        baseline: echoCommands,
        baselineLabel: echoLabel,
      },
      {
        label: 'hub RSS, max during soak',
        unit: 'MB',
        value: maxRss,
        baseline: median(o.idle.map((s) => s.rssMb)),
        baselineLabel: 'same hub idle, same clients, before the soak',
      },
      {
        label: `hub RSS, end of day ${o.days.length}`,
        unit: 'MB',
        value: last.end.rssMb,
        baseline: first.end.rssMb,
        baselineLabel: 'end of day 1 (warm-up)',
      },
      {
        label: `heap after GC, end of day ${o.days.length}`,
        unit: 'MB',
        value: last.end.heapMb,
        baseline: first.end.heapMb,
        baselineLabel: 'end of day 1 (warm-up)',
      },
    ],
    targets: [
      {
        label: `day commands/s ≥ ${THROUGHPUT_SHARE_TARGET * 100}% of bare Socket.IO`,
        pass: share >= THROUGHPUT_SHARE_TARGET,
        detail: `${Math.round(dayCommands)} vs ${Math.round(echoCommands)} cmd/s = ${(share * 100).toFixed(0)}%`,
      },
      {
        label: `RSS growth after warm-up ≤ ${RSS_GROWTH_TARGET * 100}%`,
        pass: rssGrowth <= RSS_GROWTH_TARGET,
        detail: `end of day 1 ${mb(first.end.rssMb)} → end of day ${o.days.length} ${mb(last.end.rssMb)} = ${(rssGrowth * 100).toFixed(1)}%`,
      },
      {
        label: `heap after GC grows ≤ ${HEAP_SLOPE_TARGET_MB_PER_DAY} MB a day after warm-up`,
        pass: heapSlope <= HEAP_SLOPE_TARGET_MB_PER_DAY,
        detail: `ends of days 2–${o.days.length}: ${later.map((d) => d.end.heapMb.toFixed(1)).join(', ')} MB, slope ${heapSlope.toFixed(2)} MB/day`,
      },
    ],
    notes: [
      `${o.days.length} simulated days from ${first.day}, ${o.days.reduce((s, d) => s + d.stats.commands, 0)} commands: ` +
        `${simulatedHours.toFixed(1)} simulated hours in ${wallSeconds.toFixed(0)} s (${Math.round((simulatedHours * 3600) / wallSeconds)}× real time); ` +
        `days took ${o.days.map((d) => (d.stats.wallMs / 1000).toFixed(1)).join(', ')} s; ${o.polls} report polls by MOD`,
      `RSS idle ${mb(o.idle[0]?.rssMb ?? Number.NaN)}, end ${mb(o.samples.at(-1)?.rssMb ?? Number.NaN)}, max ${mb(maxRss)} ` +
        `(${o.samples.length} samples); RSS at day ends ${o.days.map((d) => d.end.rssMb.toFixed(0)).join(', ')} MB`,
      'RSS steps after morning sign-ins are scrypt (16 MB a PIN check) buffers glibc keeps in the 4 libuv threads, ' +
        'bounded at ~64 MB: the heap after GC is the leak measure',
      `baseline runs ${o.echoes.map((e) => (e.wallMs / 1000).toFixed(1)).join(' and ')} s; hub and clients in two processes on the same machine`,
    ],
  };
}
