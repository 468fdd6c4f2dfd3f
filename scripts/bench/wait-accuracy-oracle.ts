// The best any estimator could promise on the bench's days: `npx tsx scripts/bench/wait-accuracy-oracle.ts`.
// At each promise made at issue, the simulated hall is forked: the queue as it stands (a copy of the state), what
// the hall can see (the counters' visits and pauses with their elapsed times, the breaks to come, its hours), and
// the simulation's TRUE distributions for everything not yet known, drawn afresh in every fork: the desk time of
// each ticket not finished (for the one at the desk, conditioned on its elapsed time only; the proportional split of
// a visit over the SOP steps would reveal its length and is not used), no-shows, transfers, the arrivals still to
// come (priority ones included), unplanned pauses and late returns. The rest of the day is played K times; the
// distribution of the ticket's call is what an estimator knowing the simulation perfectly could know at issue.
// Its median is the best point for the mean absolute error; the point within tolerance of most draws is the best
// for the share within ±max(5 min, 25 %). Nothing of the real future is read: the fork gets the state and the
// day's past events, never the world's fates, plans or random source.
import {
  accuracyOf,
  COUNTER_STEPS,
  DEFAULT_SOP_STANDARDS,
  isWaiting,
  withinTolerance,
  type AccuracyFigures,
  type QueueState,
} from '@giliran/domain';
import { seeded, type Random } from '../../tests/support/load-plan.ts';
import { DAY_PLAN, DAY_VOLUME, SIM_SEED, type DayKind, type PeopleParams } from './wait-accuracy-params.ts';
import { isMain } from './run-all.ts';
import { simulateMonth } from './wait-accuracy-sim.ts';
import {
  arrivals,
  between,
  breakReason,
  deskMinutes,
  drawFate,
  HallWorld,
  medianOf,
  MINUTE,
  STEPS_TOTAL,
  type Fate,
} from './wait-accuracy-world.ts';

const FIRST_DAY = '2026-11-02';
const SECOND = 1000;
/** Share of a visit a ticket to be transferred spends at the desk before it leaves (steps 4 and 5 of 4–8). */
const TRANSFER_SHARE = 4 / STEPS_TOTAL;
/** Draws from a distribution conditioned on what is seen; past this many, the seen elapsed time is very rare. */
const MAX_TRIES = 20_000;

/** What the hall has seen of its day so far, read from the day's events (past only). */
export class Seen {
  readonly originalService = new Map<string, string>();
  readonly transferred = new Set<string>();
  readonly recalledAt = new Map<string, number>();
  readonly breakTaken = new Set<string>();
  readonly unplannedTaken = new Set<string>();
  private read = 0;

  update(world: HallWorld): void {
    const { log } = world;
    for (; this.read < log.length; this.read++) {
      const e = log[this.read];
      if (e?.type === 'ticket:issued') this.originalService.set(e.ticketId, e.serviceId);
      else if (e?.type === 'ticket:transferred') this.transferred.add(e.ticketId);
      else if (e?.type === 'ticket:recalled') this.recalledAt.set(e.ticketId, Date.parse(e.at));
      else if (e?.type === 'counter:paused')
        (e.reason === 'urusan_dinas' ? this.unplannedTaken : this.breakTaken).add(e.counterId);
    }
  }
}

type Ticket = QueueState['tickets'] extends Map<string, infer T> ? T : never;

/** A fork of `parent` at its current instant, with fresh draws for everything the hall cannot know yet. */
/**
 * What a fork knows of the visits in progress beyond their elapsed time, for the bounds around the oracle proper
 * (which knows neither): `step`, which SOP step each is in (`--know-step`: under the sim's fixed split of a visit
 * over the steps that narrows its length, a simulation artefact no estimator may rely on); `visit`, the true fate
 * of each (`--know-desks`: deliberately over-informed, what reading the steps' start times would leak).
 */
export interface Knows {
  readonly step?: boolean;
  readonly visit?: (ticketId: string) => Fate | undefined;
}

/** Minutes of the SOP standard of the counter steps before the `index`-th (0: none). */
const stepsBefore = (index: number): number =>
  COUNTER_STEPS.slice(0, index).reduce((sum, s) => sum + DEFAULT_SOP_STANDARDS[s], 0);

export function forkWorld(
  parent: HallWorld,
  seen: Seen,
  random: Random,
  people: PeopleParams,
  knows: Knows = {},
): HallWorld {
  const world = new HallWorld(parent.plan, structuredClone(parent.state), random, people);
  world.quoting = false;
  world.now = parent.now;
  const fresh = (t: Ticket): Fate => freshFate(t, seen, random, people);
  for (const t of world.state.tickets.values()) if (isWaiting(t)) world.fates.set(t.id, fresh(t));
  for (const c of parent.plan.config.counters) {
    continueCounter(world, c.id, seen, fresh, knows);
    planPauses(world, c.id, seen);
  }
  const { midnight, kind } = parent.plan;
  const left = DAY_VOLUME[kind] - world.state.tickets.size;
  const after = (world.now - midnight) / MINUTE;
  for (const [j, at] of arrivals(random, midnight, left, kind === 'friday', people, after).entries())
    world.at(at, () => {
      world.arrive(`${parent.plan.day}-f${String(j)}`, `F${String(j)}`);
    });
  return world;
}

/**
 * A fresh fate drawn from the model: a ticket transferred in keeps the desk time drawn for its first service (the
 * sim's rule) but not its value, and is neither a no-show nor transferred again.
 */
function freshFate(t: Ticket, seen: Seen, random: Random, people: PeopleParams): Fate {
  if (!seen.transferred.has(t.id)) return drawFate(random, t.serviceId, people);
  const origin = seen.originalService.get(t.id) ?? t.serviceId;
  return {
    desk: deskMinutes(random, medianOf(origin), people) * MINUTE,
    walk: between(random, people.walkSeconds) * SECOND,
    noShow: false,
    transferTo: null,
  };
}

/** Draws `draw()` until `fits` (rejection sampling: the model's distribution conditioned on what is seen). */
function conditioned<T>(draw: () => T, fits: (value: T) => boolean): T {
  let value = draw();
  for (let i = 0; i < MAX_TRIES && !fits(value); i++) value = draw();
  return value;
}

/** A uniform draw on [lo, hi] conditioned on being at least `now` (or `now` when the whole range lies before). */
const uniformAfter = (random: Random, lo: number, hi: number, now: number): number =>
  hi <= now ? now : Math.max(lo, now) + random() * (hi - Math.max(lo, now));

function continueCounter(
  world: HallWorld,
  counterId: string,
  seen: Seen,
  fresh: (t: Ticket) => Fate,
  knows: Knows,
): void {
  const { now, random, people, plan } = world;
  const counter = world.state.counters.get(counterId);
  const active = counter?.activeTicketId ? world.state.tickets.get(counter.activeTicketId) : undefined;
  if (counter?.pausedReason) {
    const since = Date.parse(counter.pausedSince ?? new Date(now).toISOString());
    const afternoon = plan.windows[1]?.[0] ?? now;
    const [lateLo, lateHi] = people.lateReturnMinutes;
    const [lo, hi] = people.unplannedPauseMinutes;
    // An unplanned pause's length is counted from when it began (the sim counts it from its planned start, a
    // little earlier while the counter finished its visit: the oracle is that little more patient).
    const until =
      counter.pausedReason === 'urusan_dinas'
        ? uniformAfter(random, since + lo * MINUTE, since + hi * MINUTE, now)
        : uniformAfter(random, afternoon + lateLo * MINUTE, afternoon + lateHi * MINUTE, now);
    world.onBreak.add(counterId);
    world.at(until, () => {
      world.resume(counterId);
    });
  } else if (active) continueVisit(world, counterId, active, seen, fresh, knows);
  else world.idle.add(counterId);
}

/** The visit at the desk from what is seen: called (walking, or not there) or in its steps, and since when. */
function continueVisit(
  world: HallWorld,
  counterId: string,
  t: Ticket,
  seen: Seen,
  fresh: (t: Ticket) => Fate,
  knows: Knows,
): void {
  const { now, random, people } = world;
  const noShowStep = (): number => between(random, people.noShowStepSeconds) * SECOND;
  const calledAt = Date.parse(t.calledAt ?? new Date(now).toISOString());
  const recalledAt = seen.recalledAt.get(t.id);
  const first = t.steps[0];
  if (first) {
    // In its steps: the desk time is drawn again, conditioned on the visit not having ended after its elapsed time.
    // Past step 5 a ticket is no longer transferred (the sim's transfers leave after step 5).
    const start = Date.parse(first.startedAt);
    const known = knows.visit?.(t.id);
    const step = t.steps.length - 1;
    const inStep = (f: Fate): boolean =>
      !knows.step ||
      (start + (f.desk * stepsBefore(step)) / STEPS_TOTAL <= now &&
        now < start + (f.desk * stepsBefore(step + 1)) / STEPS_TOTAL);
    const fate = known
      ? { ...known }
      : conditioned(
          () => {
            const f = fresh(t);
            if (t.steps.length > 2) f.transferTo = null;
            return f;
          },
          (f) => start + f.desk * (f.transferTo ? TRANSFER_SHARE : 1) > now && inStep(f),
        );
    world.fates.set(t.id, fate);
    world.visit(counterId, t.id, fate, start, t.steps.length);
  } else if (recalledAt !== undefined) {
    world.markNoShowAt(
      counterId,
      t.id,
      conditioned(
        () => recalledAt + noShowStep(),
        (at) => at > now,
      ),
    );
  } else {
    // Called, not at the desk yet: walking to it, or not there (a recall is due), whichever fits the time elapsed.
    const draw = (): { fate: Fate; recallAt: number } => ({
      fate: fresh(t),
      recallAt: calledAt + noShowStep(),
    });
    const { fate, recallAt } = conditioned(draw, (d) =>
      d.fate.noShow ? d.recallAt > now : calledAt + d.fate.walk > now,
    );
    world.fates.set(t.id, fate);
    if (fate.noShow) world.noShowFrom(counterId, t.id, recallAt);
    else world.visit(counterId, t.id, fate, calledAt + fate.walk, 0);
  }
}

/** The breaks still to come and the unplanned pause the counter may still take, as the model has them. */
function planPauses(world: HallWorld, counterId: string, seen: Seen): void {
  const { now, random, people, plan } = world;
  const [morning, afternoon] = plan.windows;
  if (!morning) return;
  if (now < morning[1]) world.planBreak(counterId);
  else if (afternoon && !seen.breakTaken.has(counterId))
    world.pauseWhenFree.set(counterId, {
      reason: breakReason(plan.kind),
      until: afternoon[0] + between(random, people.lateReturnMinutes) * MINUTE,
    });
  if (seen.unplannedTaken.has(counterId) || now >= morning[1]) return;
  // The sim plans one with chance p, starting uniformly in [open, close − 40 min], taken when the counter is next
  // free. Not seen yet: either none, or one still to start, or one due since the counter's current call (pending
  // behind its visit). Their chances, given that nothing was seen before that call:
  const end = morning[1] - 40 * MINUTE;
  const span = end - morning[0];
  const counter = world.state.counters.get(counterId);
  const active = counter?.activeTicketId ? world.state.tickets.get(counter.activeTicketId) : undefined;
  const busySince = active?.calledAt ? Date.parse(active.calledAt) : now;
  const pendingFrom = Math.max(busySince, morning[0]);
  const pendingTo = Math.min(now, end);
  const p = people.unplannedPauseChance;
  const pending = (p * Math.max(0, pendingTo - pendingFrom)) / span;
  const later = (p * Math.max(0, end - now)) / span;
  const draw = random() * (pending + later + 1 - p);
  if (draw < pending) world.startUnplanned(counterId, pendingFrom + random() * (pendingTo - pendingFrom));
  else if (draw < pending + later) world.planUnplanned(counterId, now + random() * (end - now));
}

/** Minutes from now to the ticket's first call in each of `k` forks (Infinity: not called that day). */
export function oracleSamples(
  parent: HallWorld,
  ticketId: string,
  k: number,
  random: Random,
  seen: Seen = new Seen(),
  knows: Knows = {},
): number[] {
  seen.update(parent);
  // From the promise's logged instant (whole milliseconds), as the actual wait is judged.
  const quotedAt = Date.parse(new Date(parent.now).toISOString());
  const samples: number[] = [];
  for (let i = 0; i < k; i++) {
    const world = forkWorld(parent, seen, random, parent.people, knows);
    const ticket = world.state.tickets.get(ticketId);
    world.wakeFor(ticket?.serviceId ?? '');
    world.run(() => ticket?.firstCalledAt != null);
    const calledAt = ticket?.firstCalledAt;
    samples.push(calledAt ? Math.max(0, Date.parse(calledAt) - quotedAt) / MINUTE : Infinity);
  }
  return samples.sort((a, b) => a - b);
}

/** The median of sorted draws (the best point for the absolute error). */
export function medianPoint(sorted: readonly number[]): number {
  const mid = sorted.length / 2;
  const hi = sorted[Math.floor(mid)] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/** The draw that the most draws are within tolerance of (the best point for the share within tolerance). */
export function withinPoint(sorted: readonly number[]): number {
  const finite = sorted.filter(Number.isFinite);
  let best = medianPoint(sorted);
  let bestCount = -1;
  for (const q of finite) {
    const count = finite.filter((a) => withinTolerance(q, a)).length;
    if (count > bestCount) [best, bestCount] = [q, count];
  }
  return best;
}

interface Judged {
  readonly kind: DayKind;
  readonly actual: number;
  readonly estimator: number;
  readonly naive: number;
  readonly oracleMedian: number;
  readonly oracleWithin: number;
  /** Where the actual wait fell among the forks' draws (0–1): uniform if the forks play the hall as it runs. */
  readonly rank: number;
  /** The mean of the forks' calls (finite ones): unbiased against the actual waits if the forks play the hall right. */
  readonly forksMean: number;
}

function runOracle(
  k: number,
  kinds: readonly DayKind[],
  seed: number,
  know: 'desks' | 'step' | null,
): Judged[] {
  const random = seeded(seed * 1000 + 7);
  const tie = seeded(seed * 1000 + 8);
  const points = new Map<string, { median: number; within: number; samples: readonly number[] }>();
  let seen = new Seen();
  let day = '';
  const days = simulateMonth(FIRST_DAY, DAY_PLAN, seed, {
    onQuote: (world, ticketId) => {
      if (!kinds.includes(world.plan.kind)) return;
      if (world.plan.day !== day) [seen, day] = [new Seen(), world.plan.day];
      const knows: Knows =
        know === 'desks' ? { visit: (id) => world.fates.get(id) } : { step: know === 'step' };
      const samples = oracleSamples(world, ticketId, k, random, seen, knows);
      points.set(ticketId, { median: medianPoint(samples), within: withinPoint(samples), samples });
    },
  });
  return days.flatMap((d) =>
    d.quotes.flatMap((q) => {
      const point = points.get(q.ticketId);
      if (!point || q.naiveMinutes === null) return [];
      return [
        {
          kind: d.kind,
          actual: q.actualMinutes,
          estimator: q.minutes,
          naive: q.naiveMinutes,
          oracleMedian: point.median,
          oracleWithin: point.within,
          rank: rankOf(point.samples, q.actualMinutes, tie()),
          forksMean: meanOf(point.samples),
        },
      ];
    }),
  );
}

/**
 * The rank of `value` among the draws, 0–1, ties (many draws of "called at once") broken at random by `u`: uniform
 * over the promises if the forks' distribution is the real one (a randomised PIT).
 */
function rankOf(samples: readonly number[], value: number, u: number): number {
  const below = samples.filter((s) => s < value).length;
  // Within 60 ms: the fork reads a step's start from its logged whole millisecond, the real world kept its fraction.
  const equal = samples.filter((s) => Math.abs(s - value) < 0.001).length;
  return (below + u * equal) / samples.length;
}

function meanOf(samples: readonly number[]): number {
  const finite = samples.filter(Number.isFinite);
  return finite.reduce((a, b) => a + b, 0) / Math.max(1, finite.length);
}

const COLUMNS = [
  ['oracle, median', (p: Judged) => p.oracleMedian],
  ['oracle, most within', (p: Judged) => p.oracleWithin],
  ['oracle, mean (for MSE)', (p: Judged) => p.forksMean],
  ['estimator (shipped)', (p: Judged) => p.estimator],
  ['naive', (p: Judged) => p.naive],
] as const;

function row(label: string, f: AccuracyFigures): string {
  const fmt = (v: number | null, digits = 2): string => (v === null ? '—' : v.toFixed(digits));
  return [
    label.padEnd(22),
    fmt(f.mae).padStart(6),
    fmt(f.p90Error, 1).padStart(6),
    `${fmt((f.withinTolerance ?? 0) * 100, 1).padStart(5)} %`,
    fmt(f.mse, 0).padStart(6),
    fmt(f.bias).padStart(6),
  ].join('  ');
}

function report(promises: readonly Judged[], kinds: readonly DayKind[]): string {
  const lines: string[] = [];
  for (const group of kinds.length > 1 ? [...kinds.map((k) => [k]), kinds] : [kinds]) {
    const set = promises.filter((p) => group.includes(p.kind));
    if (set.length === 0) continue;
    lines.push(`\n${group.join(' + ')} days: ${String(set.length)} promises at issue`);
    lines.push(`  ${'point'.padEnd(22)}     MAE     P90   within     MSE    bias`);
    for (const [label, pick] of COLUMNS)
      lines.push(`  ${row(label, accuracyOf(set.map((p) => ({ quoted: pick(p), actual: p.actual }))))}`);
    const share = (test: (rank: number) => boolean): string =>
      ((100 * set.filter((p) => test(p.rank)).length) / set.length).toFixed(1);
    const forksBias = set.reduce((sum, p) => sum + p.forksMean - p.actual, 0) / set.length;
    lines.push(
      `  calibration: actual below the forks' median ${share((r) => r < 0.5)} % (50 expected), ` +
        `between their 10th and 90th percentiles ${share((r) => r >= 0.1 && r <= 0.9)} % (80 expected), ` +
        `forks' mean − actual ${forksBias.toFixed(2)} min (0 expected)`,
    );
  }
  return lines.join('\n');
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

if (isMain(import.meta.url)) {
  const k = Number(option('--k', '60'));
  const seed = Number(option('--seed', String(SIM_SEED)));
  const kinds = option('--days', 'normal').split(',') as DayKind[];
  const started = performance.now();
  const know = process.argv.includes('--know-desks')
    ? 'desks'
    : process.argv.includes('--know-step')
      ? 'step'
      : null;
  const promises = runOracle(k, kinds, seed, know);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `oracle${know === 'desks' ? ' told the length of each visit in progress (over-informed)' : know === 'step' ? " told each visit's SOP step (sim artefact)" : ''}: ` +
      `K = ${String(k)} forks per promise, seed ${String(seed)}, ${kinds.join(',')} days, ${seconds.toFixed(0)} s` +
      `${report(promises, kinds)}\n`,
  );
}
