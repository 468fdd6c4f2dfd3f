// The simulated hall as a world that can be played forward: the agenda of pending actions, each ticket's fate at the
// desk, the counters' pause plans and the random source. `simulateDay` (wait-accuracy-sim.ts) plays the real day
// with it; the oracle (wait-accuracy-oracle.ts) builds fresh worlds from a snapshot of the queue at a promise and
// plays the rest of the day again with new draws, through the same actions, so both follow the same rules.
import {
  COUNTER_STEPS,
  decide,
  DEFAULT_SOP_STANDARDS,
  DomainError,
  applyInPlace,
  type QueueCommand,
  type QueueConfig,
  type QueueEvent,
  type QueueState,
} from '@giliran/domain';
import type { Random } from '../../tests/support/load-plan.ts';
import { SIM_SITE, type DayKind, type PeopleParams } from './wait-accuracy-params.ts';

export const MINUTE = 60_000;
/** WIB is UTC+7 all year. */
const OFFSET_MS = 7 * 60 * MINUTE;
/** The SOP's standard minutes of steps 4–8: the sim splits a desk visit over them in these shares. */
export const STEPS_TOTAL = COUNTER_STEPS.reduce((sum, s) => sum + DEFAULT_SOP_STANDARDS[s], 0);

type Action = () => void;

/** Actions in time order; equal times in the order they were scheduled. */
class Agenda {
  private readonly items: { at: number; order: number; run: Action }[] = [];
  private order = 0;

  at(at: number, run: Action): void {
    const item = { at, order: this.order++, run };
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.items[mid];
      if (other && (other.at < at || (other.at === at && other.order < item.order))) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  next(): { at: number; run: Action } | undefined {
    return this.items.shift();
  }
}

export const between = (random: Random, [lo, hi]: readonly [number, number]): number =>
  lo + random() * (hi - lo);

/** Standard normal by Box–Muller. */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function deskMinutes(random: Random, median: number, people: PeopleParams): number {
  let minutes = median * Math.exp(people.serviceSigma * normal(random));
  if (random() < people.longShare) minutes *= between(random, people.longFactor);
  return Math.max(1, minutes);
}

export function pickService(random: Random): string {
  let draw = random();
  for (const s of SIM_SITE.services) {
    draw -= s.share;
    if (draw <= 0) return s.id;
  }
  return SIM_SITE.services[0]?.id ?? 'ktp-el';
}

export const medianOf = (serviceId: string): number =>
  SIM_SITE.services.find((s) => s.id === serviceId)?.medianMinutes ?? 10;

/** The arrival curve's bands of the day, by weight (Friday's morning closes at 11:30 and loses weight with it). */
function bandsOf(friday: boolean, people: PeopleParams): (readonly [number, number, number])[] {
  return people.arrivalCurve.map(([from, to, w]) => {
    const end = friday && from === 11 * 60 ? 11 * 60 + 30 : to;
    return [from, end, (w * (end - from)) / (to - from)] as const;
  });
}

/**
 * Arrival instants: `volume` draws from the curve's bands, by weight, uniform within a band, only after `after`
 * (minutes of the local day; a band cut by it keeps the weight of its remaining part). Sorted.
 */
export function arrivals(
  random: Random,
  midnight: number,
  volume: number,
  friday: boolean,
  people: PeopleParams,
  after = 0,
): number[] {
  const bands = bandsOf(friday, people)
    .filter(([, to]) => to > after)
    .map(([from, to, w]) => {
      const start = Math.max(from, after);
      return [start, to, (w * (to - start)) / (to - from)] as const;
    });
  const total = bands.reduce((a, b) => a + b[2], 0);
  const times: number[] = [];
  for (let i = 0; i < volume; i++) {
    let draw = random() * total;
    const band = bands.find((b) => (draw -= b[2]) <= 0) ?? bands[bands.length - 1];
    if (!band) continue;
    times.push(midnight + (band[0] + random() * (band[1] - band[0])) * MINUTE);
  }
  return times.sort((a, b) => a - b);
}

export interface Fate {
  desk: number;
  walk: number;
  noShow: boolean;
  transferTo: string | null;
}

/** A ticket's fate at the desk, drawn as at issue: desk time, walk, no-show, transfer (in this draw order). */
export function drawFate(random: Random, serviceId: string, people: PeopleParams): Fate {
  const others = SIM_SITE.services.filter((s) => s.id !== serviceId);
  const transfer = random() < people.transferShare;
  return {
    desk: deskMinutes(random, medianOf(serviceId), people) * MINUTE,
    walk: between(random, people.walkSeconds) * 1000,
    noShow: random() < people.noShowShare,
    transferTo: transfer ? (others[Math.floor(random() * others.length)]?.id ?? null) : null,
  };
}

/** What the hall knows of its day before it starts: the date, its kind, its hours and its configuration. */
export interface HallPlan {
  readonly day: string;
  readonly kind: DayKind;
  readonly config: QueueConfig;
  readonly midnight: number;
  /** Opening windows as [open, close] instants. */
  readonly windows: readonly (readonly [number, number])[];
}

export function hallPlan(day: string, kind: DayKind, config: QueueConfig): HallPlan {
  const midnight = Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
  const hours = kind === 'friday' ? SIM_SITE.hours.fri : SIM_SITE.hours.monThu;
  const windows = hours.map((w) => [midnight + clock(w.open), midnight + clock(w.close)] as const);
  return { day, kind, config, midnight, windows };
}

function clock(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return (h * 60 + m) * MINUTE;
}

export const breakReason = (kind: DayKind): string => (kind === 'friday' ? 'sholat_jumat' : 'istirahat');

/** The hall's day in motion: every action goes through `decide` → `applyInPlace` on `state`. */
export class HallWorld {
  private readonly agenda = new Agenda();
  readonly log: QueueEvent[] = [];
  now: number;
  readonly idle = new Set<string>();
  readonly onBreak = new Set<string>();
  readonly pauseWhenFree = new Map<string, { reason: string; until: number }>();
  readonly fates = new Map<string, Fate>();
  issued = 0;
  /** Called after each issue's promise is logged (the oracle forks the world there). */
  onQuote: ((ticketId: string) => void) | null = null;
  /** Whether an issue logs its promise (the oracle's forks do not: they only play the queue forward). */
  quoting = true;
  private readonly base = { by: 'sim' } as const;

  constructor(
    readonly plan: HallPlan,
    readonly state: QueueState,
    readonly random: Random,
    readonly people: PeopleParams,
  ) {
    this.now = plan.midnight;
  }

  at(at: number, run: Action): void {
    this.agenda.at(at, run);
  }

  /** Plays the agenda until it is empty or `stop` says so after an action. */
  run(stop: () => boolean = () => false): void {
    for (let item = this.agenda.next(); item; item = this.agenda.next()) {
      this.now = item.at;
      item.run();
      if (stop()) return;
    }
  }

  exec(command: QueueCommand): QueueEvent[] {
    let events: QueueEvent[];
    try {
      events = decide(command, this.state, this.plan.config);
    } catch (error) {
      if (error instanceof DomainError) return [];
      throw error;
    }
    for (const event of events) {
      applyInPlace(this.state, event);
      this.log.push(event);
    }
    return events;
  }

  private iso(): string {
    return new Date(this.now).toISOString();
  }

  wake(counterId: string, at: number): void {
    this.idle.delete(counterId);
    this.at(at, () => {
      this.free(counterId);
    });
  }

  /** A counter back from its pause calls again. */
  resume(counterId: string): void {
    this.exec({ ...this.base, type: 'ResumeCounter', counterId, now: this.iso() });
    this.onBreak.delete(counterId);
    this.free(counterId);
  }

  free(counterId: string): void {
    const plan = this.pauseWhenFree.get(counterId);
    if (plan) {
      this.pauseWhenFree.delete(counterId);
      this.exec({ ...this.base, type: 'PauseCounter', counterId, reason: plan.reason, now: this.iso() });
      this.onBreak.add(counterId);
      this.at(plan.until, () => {
        this.resume(counterId);
      });
      return;
    }
    if (this.onBreak.has(counterId)) return;
    const called = this.exec({ ...this.base, type: 'CallNext', counterId, now: this.iso() });
    const call = called[0];
    if (call?.type !== 'ticket:called') {
      this.idle.add(counterId);
      return;
    }
    this.serve(counterId, call.ticketId);
  }

  private serve(counterId: string, ticketId: string): void {
    const fate = this.fates.get(ticketId);
    if (!fate) return;
    if (fate.noShow) {
      this.noShowFrom(
        counterId,
        ticketId,
        this.now + between(this.random, this.people.noShowStepSeconds) * 1000,
      );
      return;
    }
    this.visit(counterId, ticketId, fate, this.now + fate.walk, 0);
  }

  /** A citizen not at the desk: recalled at `recallAt`, marked a no-show a little later. */
  noShowFrom(counterId: string, ticketId: string, recallAt: number): void {
    this.at(recallAt, () => {
      this.exec({ ...this.base, type: 'Recall', counterId, now: this.iso() });
      this.markNoShowAt(
        counterId,
        ticketId,
        this.now + between(this.random, this.people.noShowStepSeconds) * 1000,
      );
    });
  }

  markNoShowAt(counterId: string, ticketId: string, at: number): void {
    this.at(at, () => {
      this.exec({ ...this.base, type: 'MarkNoShow', ticketId, now: this.iso() });
      this.free(counterId);
    });
  }

  /**
   * The desk visit from `start` (the first step's start): steps 4–8 share the desk time as the SOP's standards do
   * (a ticket to be transferred leaves after step 5). Steps before `fromStep` have started already; a step whose
   * share falls before now (a fork's redrawn visit) starts now.
   */
  visit(counterId: string, ticketId: string, fate: Fate, start: number, fromStep: number): void {
    let at = start;
    const steps = fate.transferTo ? COUNTER_STEPS.slice(0, 2) : COUNTER_STEPS;
    for (const [i, step] of steps.entries()) {
      if (i >= fromStep)
        this.at(Math.max(at, this.now), () => {
          this.exec({ ...this.base, type: 'AdvanceStep', ticketId, now: this.iso() });
        });
      at += (fate.desk * DEFAULT_SOP_STANDARDS[step]) / STEPS_TOTAL;
    }
    const target = fate.transferTo;
    this.at(Math.max(at, this.now), () => {
      if (target) {
        fate.transferTo = null;
        fate.walk = between(this.random, this.people.walkSeconds) * 1000;
        this.exec({
          ...this.base,
          type: 'TransferTicket',
          ticketId,
          serviceId: target,
          deskCounterId: counterId,
          now: this.iso(),
        });
        this.wakeFor(target);
      } else
        this.exec({ ...this.base, type: 'FinishTicket', ticketId, outcome: 'completed', now: this.iso() });
      this.free(counterId);
    });
  }

  wakeFor(serviceId: string): void {
    for (const c of this.plan.config.counters)
      if (c.serviceIds.includes(serviceId) && this.idle.has(c.id)) {
        this.wake(c.id, this.now);
        return;
      }
  }

  /** A citizen takes a ticket: the service, priority and fate are drawn now. */
  arrive(ticketId: string, code: string): void {
    const serviceId = pickService(this.random);
    const priority = this.random() < this.people.priorityShare ? 'lansia' : null;
    this.fates.set(ticketId, drawFate(this.random, serviceId, this.people));
    const out = this.exec({
      ...this.base,
      type: 'IssueTicket',
      ticketId,
      code,
      serviceId,
      priority,
      channel: 'kiosk',
      now: this.iso(),
    });
    if (out.length === 0) return;
    this.issued += 1;
    if (this.quoting) {
      this.exec({
        ...this.base,
        type: 'QuoteWait',
        ticketIds: [ticketId],
        channel: 'issue',
        now: this.iso(),
      });
      this.onQuote?.(ticketId);
    }
    this.wakeFor(serviceId);
  }

  /** At the morning window's close the counter pauses once free, back after the break (some officers late). */
  planBreak(counterId: string): void {
    const [morning, afternoon] = this.plan.windows;
    if (!morning || !afternoon) return;
    this.at(morning[1], () => {
      const until = afternoon[0] + between(this.random, this.people.lateReturnMinutes) * MINUTE;
      this.pauseWhenFree.set(counterId, { reason: breakReason(this.plan.kind), until });
      if (this.idle.has(counterId)) this.wake(counterId, this.now);
    });
  }

  /** An unplanned pause (urusan dinas) from `start`, once the counter is free; its length is drawn at `start`. */
  planUnplanned(counterId: string, start: number): void {
    this.at(start, () => {
      this.startUnplanned(counterId, start);
    });
  }

  startUnplanned(counterId: string, start: number): void {
    if (this.pauseWhenFree.has(counterId)) return;
    this.pauseWhenFree.set(counterId, {
      reason: 'urusan_dinas',
      until: start + between(this.random, this.people.unplannedPauseMinutes) * MINUTE,
    });
    if (this.idle.has(counterId)) this.wake(counterId, this.now);
  }
}
