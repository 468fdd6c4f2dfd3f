import { preferredKind } from './call-order.ts';
import { COUNTER_STEPS, findService, type CounterConfig, type QueueConfig } from './config.ts';
import type { WaitHoldUp } from './events.ts';
import { localTime, parseClock } from './local-time.ts';
import { isServiceOpen } from './opening-hours.ts';
import { currentStep, isWaiting, type CounterState, type QueueState, type TicketState } from './state.ts';
import { serviceProfile, usualPauseMinutes, type ServiceProfile } from './wait-profile.ts';

const MINUTE = 60_000;
/** A pause already longer than usual is expected to end soon, but not at once: this share of the usual length. */
const OVERDUE_PAUSE_SHARE = 0.25;
const MIN_OVERDUE_PAUSE_MINUTES = 3;
/** An overdue step still has this share of its usual length to go: long steps tend to run on (heavy tail). */
const OVERDUE_STEP_SHARE = 0.3;
/** Priority arrivals can at most stretch a regular ticket's wait by this much; beyond it the forecast is a guess. */
const MAX_PRIORITY_STRETCH = 0.5;

/** A ticket's expected call: when, and how unsure (standard deviation), both in minutes from now. */
export interface CallForecast {
  readonly minutes: number;
  readonly sdMinutes: number;
}

/** The queue's expected future from this instant: when each waiting ticket should be called. */
export interface Forecast {
  readonly calls: ReadonlyMap<string, CallForecast>;
  /** Per service: why nobody calls it right now, if so. */
  readonly holdUps: ReadonlyMap<string, WaitHoldUp>;
}

/** A ticket in the simulated line; a citizen about to take a ticket is one too (id `''`). */
export interface LineTicket {
  readonly id: string;
  readonly serviceId: string;
  readonly priority: boolean;
  readonly issuedAt: string;
  readonly seq: number;
}

interface SimCounter {
  readonly config: CounterConfig;
  freeAt: number;
  /** Variance (minutes²) of `freeAt`, growing with each ticket it is expected to serve. */
  variance: number;
  streak: CounterState['streak'];
}

/** Today's opening windows of the site as epoch ms: counters call nobody between them (breaks) or after them. */
function windowsOf(config: QueueConfig, nowMs: number): (readonly [number, number])[] {
  const local = localTime(new Date(nowMs).toISOString(), config.timeZone);
  const midnight = Math.floor(nowMs / MINUTE) * MINUTE - local.minuteOfDay * MINUTE;
  return (config.openingHours[local.weekday] ?? []).map(
    (w) => [midnight + parseClock(w.open) * MINUTE, midnight + parseClock(w.close) * MINUTE] as const,
  );
}

/** The first instant at or after `ms` inside a window; after the last window, `ms` itself (the day runs over). */
function aligner(windows: readonly (readonly [number, number])[]): (ms: number) => number {
  return (ms) => {
    for (const [open, close] of windows) {
      if (ms < open) return open;
      if (ms < close) return ms;
    }
    return ms;
  };
}

/** Expected minutes the ticket at the desk still holds the counter, from how far into its SOP steps it is. */
export function remainingAtDesk(ticket: TicketState, profile: ServiceProfile, nowMs: number): number {
  const step = currentStep(ticket);
  if (ticket.status === 'called' || step === null) {
    const since = ticket.calledAt === null ? 0 : (nowMs - Date.parse(ticket.calledAt)) / MINUTE;
    const walk = Math.max(0, profile.cycleMinutes - profile.serviceMinutes);
    return Math.max(0.5, walk - since) + profile.serviceMinutes;
  }
  const standardTotal = COUNTER_STEPS.reduce((sum, s) => sum + profile.standards[s], 0);
  const scale = standardTotal > 0 ? profile.serviceMinutes / standardTotal : 1;
  const index = COUNTER_STEPS.indexOf(step.step);
  const stepMean = profile.standards[step.step] * scale;
  const inStep = (nowMs - Date.parse(step.startedAt)) / MINUTE;
  let remaining = Math.max(OVERDUE_STEP_SHARE * stepMean, stepMean - inStep);
  for (const later of COUNTER_STEPS.slice(index + 1)) remaining += profile.standards[later] * scale;
  return remaining;
}

/** When a paused counter is expected back: its reason's usual length, or soon if it is already overdue. */
function pauseEndMs(state: QueueState, counter: CounterState, nowMs: number): number {
  if (counter.pausedReason === null) return nowMs;
  const usual = usualPauseMinutes(state, counter.pausedReason);
  const since = counter.pausedSince === null ? nowMs : Date.parse(counter.pausedSince);
  const expected = since + usual * MINUTE;
  const overdue = Math.max(MIN_OVERDUE_PAUSE_MINUTES, OVERDUE_PAUSE_SHARE * usual) * MINUTE;
  return Math.max(expected, nowMs + (expected <= nowMs ? overdue : 0));
}

function byIssueTime(a: LineTicket, b: LineTicket): number {
  return a.issuedAt === b.issuedAt ? a.seq - b.seq : a.issuedAt < b.issuedAt ? -1 : 1;
}

/** Waiting tickets of each service, oldest first, split into priority and regular: each counter takes a head. */
class Line {
  private readonly lanes = new Map<string, { priority: LineTicket[]; regular: LineTicket[] }>();

  constructor(tickets: readonly LineTicket[]) {
    for (const t of [...tickets].sort(byIssueTime)) {
      let lane = this.lanes.get(t.serviceId);
      if (!lane) {
        lane = { priority: [], regular: [] };
        this.lanes.set(t.serviceId, lane);
      }
      (t.priority ? lane.priority : lane.regular).push(t);
    }
  }

  /** What `pickNext` would give this counter, removed from the line. */
  take(counter: CounterConfig, kind: 'priority' | 'regular'): LineTicket | undefined {
    const head = (k: 'priority' | 'regular'): { ticket: LineTicket; from: LineTicket[] } | undefined => {
      let best: { ticket: LineTicket; from: LineTicket[] } | undefined;
      for (const serviceId of counter.serviceIds) {
        const lane = this.lanes.get(serviceId)?.[k];
        const first = lane?.[0];
        if (lane && first && (!best || byIssueTime(first, best.ticket) < 0))
          best = { ticket: first, from: lane };
      }
      return best;
    };
    const found = head(kind) ?? head(kind === 'priority' ? 'regular' : 'priority');
    found?.from.shift();
    return found?.ticket;
  }
}

function lineTicket(t: TicketState): LineTicket {
  return {
    id: t.id,
    serviceId: t.serviceId,
    priority: t.priority !== null,
    issuedAt: t.issuedAt,
    seq: t.seq,
  };
}

function holdUpsOf(state: QueueState, config: QueueConfig, now: string): Map<string, WaitHoldUp> {
  const holdUps = new Map<string, WaitHoldUp>();
  const nowMs = Date.parse(now);
  const inWindow = windowsOf(config, nowMs).some(([open, close]) => nowMs >= open && nowMs < close);
  for (const service of config.services) {
    const counters = config.counters.filter((c) => c.serviceIds.includes(service.id));
    if (counters.length === 0) continue;
    if (!inWindow || !isServiceOpen(config, service, now)) holdUps.set(service.id, 'closed');
    else if (counters.every((c) => state.counters.get(c.id)?.pausedReason)) holdUps.set(service.id, 'paused');
  }
  return holdUps;
}

/** Expected priority arrivals of a service per minute now: the hall's history for this hour, else today's pace. */
function priorityRate(state: QueueState, config: QueueConfig, serviceId: string, now: string): number {
  const local = localTime(now, config.timeZone);
  const perHour =
    config.waitHistory?.services[serviceId]?.priorityPerHour[Math.floor(local.minuteOfDay / 60)];
  if (perHour !== undefined) return perHour / 60;
  let count = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const t of state.tickets.values()) {
    first = Math.min(first, Date.parse(t.issuedAt));
    if (t.serviceId === serviceId && t.priority !== null) count += 1;
  }
  const minutes = (Date.parse(now) - first) / MINUTE;
  return minutes >= 30 ? count / minutes : 0;
}

/**
 * Plays the hall forward from `now` with expected durations: each counter, when free, calls what `pickNext` would
 * give it (its services, priority by the configured ratio, oldest first), and is busy for that service's expected
 * cycle. Counters start from what they are doing now (the ticket at the desk and how far into its SOP steps it is,
 * or a pause and how long such pauses last) and call nobody outside the opening windows. A regular ticket's wait is
 * then stretched by the priority tickets expected to arrive before it is called.
 */
export function forecastCalls(
  state: QueueState,
  config: QueueConfig,
  now: string,
  extra: readonly LineTicket[] = [],
): Forecast {
  const nowMs = Date.parse(now);
  const align = aligner(windowsOf(config, nowMs));
  const profiles = new Map<string, ServiceProfile>();
  const profileOf = (serviceId: string): ServiceProfile => {
    let found = profiles.get(serviceId);
    if (!found) {
      found = serviceProfile(state, config, serviceId, now);
      profiles.set(serviceId, found);
    }
    return found;
  };
  const counters: SimCounter[] = config.counters.map((c) => {
    const live = state.counters.get(c.id);
    let freeAt = live ? pauseEndMs(state, live, nowMs) : nowMs;
    let variance = freeAt > nowMs ? (((freeAt - nowMs) / MINUTE) * OVERDUE_PAUSE_SHARE) ** 2 : 0;
    const active = live?.activeTicketId ? state.tickets.get(live.activeTicketId) : undefined;
    if (active && (active.status === 'called' || active.status === 'serving')) {
      const profile = profileOf(active.serviceId);
      freeAt += remainingAtDesk(active, profile, nowMs) * MINUTE;
      variance += (profile.sdMinutes / 2) ** 2;
    }
    return { config: c, freeAt: align(freeAt), variance, streak: live?.streak ?? null };
  });
  const waiting: LineTicket[] = [];
  for (const ids of state.waiting.values())
    for (const id of ids) {
      const t = state.tickets.get(id);
      if (t && isWaiting(t)) waiting.push(lineTicket(t));
    }
  const line = new Line([...waiting, ...extra]);
  const raw = new Map<string, { minutes: number; variance: number }>();
  let open = counters.filter((c) => c.config.serviceIds.length > 0);
  while (open.length > 0) {
    const counter = open.reduce((a, b) => (b.freeAt < a.freeAt ? b : a));
    const ticket = line.take(counter.config, preferredKind(config.priorityRatio, counter.streak));
    if (!ticket) {
      open = open.filter((c) => c !== counter);
      continue;
    }
    raw.set(ticket.id, { minutes: (counter.freeAt - nowMs) / MINUTE, variance: counter.variance });
    const profile = profileOf(ticket.serviceId);
    counter.freeAt = align(counter.freeAt + profile.cycleMinutes * MINUTE);
    counter.variance += profile.sdMinutes ** 2;
    const kind = ticket.priority ? 'priority' : 'regular';
    counter.streak =
      counter.streak?.kind === kind ? { kind, count: counter.streak.count + 1 } : { kind, count: 1 };
  }
  const calls = new Map<string, CallForecast>();
  const serving = (serviceId: string): number =>
    Math.max(1, config.counters.filter((c) => c.serviceIds.includes(serviceId)).length);
  for (const t of [...waiting, ...extra]) {
    const found = raw.get(t.id);
    if (!found) continue;
    const n = serving(t.serviceId);
    let minutes = found.minutes;
    if (!t.priority) {
      const profile = profileOf(t.serviceId);
      const stretch = (priorityRate(state, config, t.serviceId, now) * profile.cycleMinutes) / n;
      minutes *= 1 + Math.min(MAX_PRIORITY_STRETCH, stretch);
    }
    // One counter's chain of k tickets varies as k·σ²; n counters share the line, so the call varies about 1/n of it.
    calls.set(t.id, { minutes: Math.max(0, minutes), sdMinutes: Math.sqrt(found.variance / n) });
  }
  return { calls, holdUps: holdUpsOf(state, config, now) };
}

/** A ticket that is not in the queue yet: the citizen standing at the kiosk, choosing a service. */
export function prospectiveTicket(
  state: QueueState,
  config: QueueConfig,
  serviceId: string,
  priority: boolean,
  now: string,
): LineTicket {
  const known = findService(config, serviceId) !== undefined;
  return {
    id: '',
    serviceId: known ? serviceId : '',
    priority,
    issuedAt: now,
    seq: (state.sequences.get(serviceId) ?? 0) + 1,
  };
}
