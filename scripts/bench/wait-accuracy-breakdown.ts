// Where the wait estimate's error comes from: `npx tsx scripts/bench/wait-accuracy.ts --breakdown` splits the
// promises judged at issue by what happened during each ticket's wait (read from the day's own events, after the
// fact: nothing here feeds the estimator) and prints, per group, how much of the total absolute error it carries.
import { accuracyOf, rivalServices, type JudgedQuote, type QueueEvent } from '@giliran/domain';
import { SIM_PEOPLE, SIM_SITE, type PeopleParams } from './wait-accuracy-params.ts';
import { simConfig, type SimDay } from './wait-accuracy-sim.ts';

const MINUTE = 60_000;
/** A desk visit this many times its service's median is a "long case" (a missing document, the back office). */
const LONG_VISIT = 2.5;

/** What happened while one promised ticket waited. */
interface Wait {
  readonly quote: JudgedQuote;
  readonly kind: string;
  readonly ahead: number;
  readonly hour: number;
  readonly counters: number;
  readonly crossesBreak: boolean;
  readonly afterClose: boolean;
  readonly priorityArrivals: number;
  readonly noShows: number;
  readonly transfersIn: number;
  readonly unplannedPause: boolean;
  readonly longVisits: number;
}

interface DayIndex {
  readonly issued: Map<string, { at: number; serviceId: string; priority: boolean }>;
  readonly calls: Map<string, { at: number; counterId: string; end: number }>;
  readonly noShows: Set<string>;
  readonly transfers: { ticketId: string; serviceId: string; at: number }[];
  readonly pauses: { counterId: string; reason: string; from: number; to: number }[];
  readonly ahead: Map<string, number>;
}

function indexDay(log: readonly QueueEvent[]): DayIndex {
  const index: DayIndex = {
    issued: new Map(),
    calls: new Map(),
    noShows: new Set(),
    transfers: [],
    pauses: [],
    ahead: new Map(),
  };
  const open = new Map<string, { reason: string; from: number }>();
  const active = new Map<string, string>();
  const end = (ticketId: string, at: string): void => {
    const call = index.calls.get(ticketId);
    if (call && call.end === Infinity) call.end = Date.parse(at);
  };
  for (const e of log) {
    if (e.type === 'ticket:issued')
      index.issued.set(e.ticketId, {
        at: Date.parse(e.issuedAt),
        serviceId: e.serviceId,
        priority: !!e.priority,
      });
    else if (e.type === 'ticket:called') {
      if (!index.calls.has(e.ticketId))
        index.calls.set(e.ticketId, { at: Date.parse(e.at), counterId: e.counterId, end: Infinity });
      active.set(e.counterId, e.ticketId);
    } else if (e.type === 'ticket:finished') end(e.ticketId, e.at);
    else if (e.type === 'ticket:no-show') {
      index.noShows.add(e.ticketId);
      end(e.ticketId, e.at);
    } else if (e.type === 'ticket:transferred') {
      end(e.ticketId, e.at);
      index.transfers.push({ ticketId: e.ticketId, serviceId: e.toServiceId, at: Date.parse(e.at) });
    } else if (e.type === 'counter:paused')
      open.set(e.counterId, { reason: e.reason, from: Date.parse(e.at) });
    else if (e.type === 'counter:resumed') {
      const p = open.get(e.counterId);
      if (p) index.pauses.push({ counterId: e.counterId, ...p, to: Date.parse(e.at) });
      open.delete(e.counterId);
    } else if (e.type === 'ticket:wait-quoted' && e.channel === 'issue') index.ahead.set(e.ticketId, e.ahead);
  }
  return index;
}

const median = new Map<string, number>(SIM_SITE.services.map((s) => [s.id, s.medianMinutes]));

function waitsOf(day: SimDay): Wait[] {
  const config = simConfig();
  const index = indexDay(day.log);
  const midnight = Date.parse(`${day.day}T00:00:00Z`) - 7 * 60 * MINUTE;
  const hours = day.kind === 'friday' ? SIM_SITE.hours.fri : SIM_SITE.hours.monThu;
  const clock = (hhmm: string): number => {
    const [h = 0, m = 0] = hhmm.split(':').map(Number);
    return midnight + (h * 60 + m) * MINUTE;
  };
  const breakStart = clock(hours[0].close);
  const close = clock(hours[hours.length - 1]?.close ?? '15:00');
  return day.quotes.flatMap((quote) => {
    const issued = index.issued.get(quote.ticketId);
    const call = index.calls.get(quote.ticketId);
    if (!issued || !call) return [];
    const rivals = rivalServices(config, issued.serviceId);
    const counters = new Set(
      config.counters.filter((c) => c.serviceIds.includes(issued.serviceId)).map((c) => c.id),
    );
    const during = (at: number): boolean => at >= issued.at && at < call.at;
    const calledHere = [...index.calls].filter(
      ([id, c]) => id !== quote.ticketId && counters.has(c.counterId) && during(c.at),
    );
    const priorityArrivals = [...index.issued].filter(
      ([id, t]) =>
        t.priority &&
        rivals.has(t.serviceId) &&
        t.at > issued.at &&
        (index.calls.get(id)?.at ?? Infinity) < call.at,
    ).length;
    return [
      {
        quote,
        kind: day.kind,
        ahead: index.ahead.get(quote.ticketId) ?? 0,
        hour: Math.floor((issued.at - midnight) / (60 * MINUTE)),
        counters: counters.size,
        crossesBreak: issued.at < breakStart && call.at > breakStart,
        afterClose: call.at > close,
        priorityArrivals,
        noShows: calledHere.filter(([id]) => index.noShows.has(id)).length,
        transfersIn: index.transfers.filter(
          (t) =>
            rivals.has(t.serviceId) && during(t.at) && (index.calls.get(t.ticketId)?.at ?? 0) > issued.at,
        ).length,
        unplannedPause: index.pauses.some(
          (p) =>
            p.reason === 'urusan_dinas' && counters.has(p.counterId) && p.from < call.at && p.to > issued.at,
        ),
        longVisits: calledHere.filter(([id, c]) => {
          const serviceId = index.issued.get(id)?.serviceId ?? '';
          return c.end - c.at > LONG_VISIT * (median.get(serviceId) ?? 10) * MINUTE;
        }).length,
      },
    ];
  });
}

function band(value: number, edges: readonly number[]): string {
  for (let i = 0; i < edges.length; i++) {
    const hi = edges[i] ?? 0;
    if (value < hi) return i === 0 ? `< ${String(hi)}` : `${String(edges[i - 1])}–${String(hi - 1)}`;
  }
  return `≥ ${String(edges[edges.length - 1])}`;
}

function table(title: string, waits: readonly Wait[], key: (w: Wait) => string): string {
  const total = waits.reduce((s, w) => s + Math.abs(w.quote.minutes - w.quote.actualMinutes), 0);
  const groups = new Map<string, Wait[]>();
  for (const w of waits) {
    const k = key(w);
    groups.set(k, [...(groups.get(k) ?? []), w]);
  }
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const lines = rows.map(([k, list]) => {
    const f = accuracyOf(list.map((w) => ({ quoted: w.quote.minutes, actual: w.quote.actualMinutes })));
    const naive = accuracyOf(
      list.map((w) => ({ quoted: w.quote.naiveMinutes ?? 0, actual: w.quote.actualMinutes })),
    );
    const abs = list.reduce((s, w) => s + Math.abs(w.quote.minutes - w.quote.actualMinutes), 0);
    const actual = list.reduce((s, w) => s + w.quote.actualMinutes, 0) / list.length;
    return [
      k.padEnd(16),
      String(list.length).padStart(5),
      `${((100 * list.length) / waits.length).toFixed(0).padStart(3)} %`,
      actual.toFixed(1).padStart(6),
      (f.mae ?? 0).toFixed(1).padStart(6),
      (naive.mae ?? 0).toFixed(1).padStart(6),
      (f.bias ?? 0).toFixed(1).padStart(6),
      `${((f.withinTolerance ?? 0) * 100).toFixed(0).padStart(4)} %`,
      `${((100 * abs) / total).toFixed(0).padStart(4)} %`,
    ].join('  ');
  });
  return [
    `\n${title}`,
    '  group             tix  share  actual    MAE  naive   bias  within  of |error|',
    ...lines.map((l) => `  ${l}`),
  ].join('\n');
}

/** The tables, over the promises of `days` (normal days for the target's MAE, all days for its share). */
export function breakdown(days: readonly SimDay[]): string {
  const waits = days.flatMap(waitsOf).filter((w) => w.quote.naiveMinutes !== null);
  const normal = waits.filter((w) => w.kind === 'normal');
  const yes = (b: boolean): string => (b ? 'yes' : 'no');
  const parts: string[] = [];
  for (const [label, set] of [
    ['normal days', normal],
    ['all days', waits],
  ] as const) {
    parts.push(`\n=== ${label}: ${String(set.length)} promises ===`);
    parts.push(table('by day kind', set, (w) => w.kind));
    parts.push(table('by tickets ahead at issue', set, (w) => band(w.ahead, [1, 3, 6, 11, 21, 41])));
    parts.push(table('by actual wait (min)', set, (w) => band(w.quote.actualMinutes, [5, 10, 20, 30, 60])));
    // Calibration: a promise band whose bias is far from 0 would be worth correcting from the hall's past promises.
    parts.push(
      table('by promised wait (min)', set, (w) => band(w.quote.minutes, [1, 5, 10, 20, 30, 60, 90])),
    );
    parts.push(table('by service', set, (w) => w.quote.serviceId));
    parts.push(table('by counters serving the service', set, (w) => String(w.counters)));
    parts.push(table('by hour of issue (local)', set, (w) => String(w.hour).padStart(2, '0')));
    parts.push(table('waited across the break / Friday prayer', set, (w) => yes(w.crossesBreak)));
    parts.push(table('called after closing time', set, (w) => yes(w.afterClose)));
    parts.push(
      table('priority tickets that arrived later and went first', set, (w) =>
        band(w.priorityArrivals, [1, 2, 4]),
      ),
    );
    parts.push(table('no-shows called at its counters during the wait', set, (w) => band(w.noShows, [1, 2])));
    parts.push(table('transfers into its line during the wait', set, (w) => band(w.transfersIn, [1, 2])));
    parts.push(
      table('an unplanned pause at its counters during the wait', set, (w) => yes(w.unplannedPause)),
    );
    parts.push(
      table(`long desk visits (> ${String(LONG_VISIT)}× median) at its counters`, set, (w) =>
        band(w.longVisits, [1, 2, 3]),
      ),
    );
  }
  return parts.join('\n');
}

/**
 * What-if runs, for the analysis only (never the target scenario): the same days with one source of chance taken
 * away, to see how much of the error each source is responsible for.
 */
export const WHAT_IF: readonly (readonly [string, Partial<PeopleParams>])[] = [
  ['as simulated', {}],
  ['no long cases', { longShare: 0 }],
  ['desk spread σ 0.3 instead of 0.55', { serviceSigma: 0.3 }],
  ['no unplanned pauses', { unplannedPauseChance: 0 }],
  ['officers back from breaks on time', { lateReturnMinutes: [0, 0] }],
  ['no no-shows', { noShowShare: 0 }],
  ['no transfers', { transferShare: 0 }],
  ['no priority tickets', { priorityShare: 0 }],
];

/** Seeds of the what-if runs: one seed's days differ by chance more than some sources weigh, so three are pooled. */
export const WHAT_IF_SEEDS: readonly number[] = [19, 20, 21];

export function whatIf(run: (people: PeopleParams, seed: number) => readonly SimDay[]): string {
  const lines = WHAT_IF.map(([label, change]) => {
    const days = WHAT_IF_SEEDS.flatMap((seed) => run({ ...SIM_PEOPLE, ...change }, seed));
    const judged = (kinds: readonly string[]) =>
      accuracyOf(
        days
          .filter((d) => kinds.includes(d.kind))
          .flatMap((d) => d.quotes)
          .filter((q) => q.naiveMinutes !== null)
          .map((q) => ({ quoted: q.minutes, actual: q.actualMinutes })),
      );
    const normal = judged(['normal']);
    const all = judged(['quiet', 'normal', 'friday', 'peak']);
    return `  ${label.padEnd(36)} ${(normal.mae ?? 0).toFixed(2).padStart(6)}  ${((all.withinTolerance ?? 0) * 100).toFixed(1).padStart(6)} %  ${(normal.bias ?? 0).toFixed(2).padStart(6)}`;
  });
  const seeds = WHAT_IF_SEEDS.join(', ');
  return [
    `\nwhat-if, seeds ${seeds} pooled (analysis only)   normal MAE  all within  normal bias`,
    ...lines,
  ].join('\n');
}
