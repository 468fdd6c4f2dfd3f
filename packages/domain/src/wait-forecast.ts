import { streaksAfter, type CallStreaks } from './call-order.ts';
import { COUNTER_STEPS, findService, type CounterConfig, type QueueConfig } from './config.ts';
import type { WaitHoldUp } from './events.ts';
import { localTime, parseClock } from './local-time.ts';
import { isServiceOpen } from './opening-hours.ts';
import { lineHeads, lineTicket, type LinePlace, type LineTicket } from './line-heads.ts';
import { currentStep, isWaiting, type CounterState, type QueueState, type TicketState } from './state.ts';
import { Line, type CallRules } from './wait-line.ts';
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

/**
 * The queue's expected future from this instant: when each waiting ticket should be called (only `targets`, when
 * asked for a few: the issue path asks for one ticket and should not pay for a thousand).
 */
export interface Forecast {
  readonly calls: ReadonlyMap<string, CallForecast>;
  /** Per service: why nobody calls it right now, if so. */
  readonly holdUps: ReadonlyMap<string, WaitHoldUp>;
}

export type { LineTicket } from './line-heads.ts';

interface SimCounter {
  readonly config: CounterConfig;
  freeAt: number;
  /** Variance (minutes²) of `freeAt`, growing with each ticket it is expected to serve. */
  variance: number;
  streaks: CallStreaks;
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

/**
 * Expected priority arrivals per service per minute now: the hall's history for this hour, else today's pace (once
 * the day has run half an hour), from the day's counts the state keeps.
 */
function priorityRates(state: QueueState, config: QueueConfig, now: string): (serviceId: string) => number {
  const hour = Math.floor(localTime(now, config.timeZone).minuteOfDay / 60);
  const first = state.firstIssuedAt;
  const minutes = first === null ? 0 : (Date.parse(now) - Date.parse(first)) / MINUTE;
  return (serviceId) => {
    const perHour = config.waitHistory?.services[serviceId]?.priorityPerHour[hour];
    if (perHour !== undefined) return perHour / 60;
    return minutes >= 30 ? (state.priorityIssued.get(serviceId) ?? 0) / minutes : 0;
  };
}

/**
 * Plays the hall forward from `now` with expected durations: each counter, when free, calls what `pickNext` would
 * give it (the same `chooseNext`: priority by the configured ratio, booked tickets by the booking rule at the played
 * instant, oldest first), and is busy for that service's expected
 * cycle. Counters start from what they are doing now (the ticket at the desk and how far into its SOP steps it is,
 * or a pause and how long such pauses last) and call nobody outside the opening windows. A regular ticket's wait is
 * then stretched by the priority tickets expected to arrive before it is called.
 */
/** The counter free first (a loop, not `reduce`: this runs once per call played and a closure costs here). */
function earliest(counters: readonly SimCounter[]): SimCounter {
  let best = counters[0] as SimCounter;
  for (const c of counters) if (c.freeAt < best.freeAt) best = c;
  return best;
}

/** A day of a large hall: beyond this many calls a forecast is more guess than play. */
const MAX_PLAYED_CALLS = 600;
/**
 * For a few tickets (the issue path, once per ticket) the play stops sooner: four hours of a busy service group;
 * beyond that the lane's own pace is as good a guess, and a kiosk must not wait for a long queue to be played.
 */
const MAX_PLAYED_CALLS_FOR_TARGETS = 200;

/** Services that share a counter with these, and those that share one with them, and so on. */
export function connectedServices(config: QueueConfig, serviceIds: readonly string[]): Set<string> {
  const found = new Set(serviceIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of config.counters) {
      if (!c.serviceIds.some((id) => found.has(id))) continue;
      for (const id of c.serviceIds)
        if (!found.has(id)) {
          found.add(id);
          grew = true;
        }
    }
  }
  return found;
}

/**
 * Tickets left in a lane when the play stopped are called after its last played one, one cycle of the service per
 * counter serving it apart (a fluid continuation: the lane's counters keep their pace). `places`: only these
 * tickets, at these places in their lanes (a forecast of a few tickets); else every ticket of the line.
 */
function extrapolateTails(
  line: Line,
  raw: Map<string, { minutes: number; variance: number }>,
  pace: (serviceId: string) => { profile: ServiceProfile; counters: number },
  places: readonly LinePlace[] | undefined,
): void {
  // A booked ticket may be called before older walk-ins: a ticket the play called is never extended, and one
  // left behind in its lane follows the lane's last call.
  const extend = (serviceId: string, priority: boolean, index: number, id: string): void => {
    if (raw.has(id)) return;
    const progress = line.progress(serviceId, priority);
    const last = progress.last ? raw.get(progress.last.id) : undefined;
    if (!last) return;
    const { profile, counters } = pace(serviceId);
    const k = Math.max(1, index - progress.called + 1);
    raw.set(id, {
      minutes: last.minutes + (k * profile.cycleMinutes) / counters,
      variance: last.variance + k * profile.sdMinutes ** 2,
    });
  };
  if (places) {
    for (const { ticket, index } of places) extend(ticket.serviceId, ticket.priority, index, ticket.id);
    return;
  }
  for (const { serviceId, priority, tickets } of line.lanesInOrder())
    tickets.forEach((ticket, index) => {
      extend(serviceId, priority, index, ticket.id);
    });
}

/**
 * The counters the forecast counts on, each with the services it is counted for. A counter nobody sits at (and
 * with no ticket at its desk) is counted only for its services that no staffed counter serves: before the
 * officers sign in, or when all of a service's officers step away, the service is as good as paused, not gone.
 */
export function countedCounters(state: QueueState, config: QueueConfig): readonly CounterConfig[] {
  const unstaffed = config.unstaffedCounters;
  if (!unstaffed || unstaffed.size === 0) return config.counters;
  const empty = (c: CounterConfig): boolean =>
    unstaffed.has(c.id) && !state.counters.get(c.id)?.activeTicketId;
  const staffedServices = new Set(config.counters.filter((c) => !empty(c)).flatMap((c) => c.serviceIds));
  return config.counters.flatMap((c) => {
    if (!empty(c)) return [c];
    const serviceIds = c.serviceIds.filter((id) => !staffedServices.has(id));
    return serviceIds.length === 0 ? [] : [{ ...c, serviceIds }];
  });
}

/** Every waiting ticket of the services in scope. */
function waitingIn(state: QueueState, inScope: (serviceId: string) => boolean): LineTicket[] {
  const waiting: LineTicket[] = [];
  for (const [serviceId, ids] of state.waiting) {
    if (!inScope(serviceId)) continue;
    for (const id of ids) {
      const t = state.tickets.get(id);
      if (t && isWaiting(t)) waiting.push(lineTicket(t));
    }
  }
  return waiting;
}

export function forecastCalls(
  state: QueueState,
  config: QueueConfig,
  now: string,
  extra: readonly LineTicket[] = [],
  scope?: readonly string[],
  targets?: ReadonlySet<string>,
  /** Calls played before the rest of each line follows at its lane's pace; by default as the constants above say. */
  maxPlayed = targets ? MAX_PLAYED_CALLS_FOR_TARGETS : MAX_PLAYED_CALLS,
): Forecast {
  const nowMs = Date.parse(now);
  // Only the services sharing counters with the ones asked about can change their calls: the rest is not played.
  const services = scope ? connectedServices(config, scope) : null;
  const inScope = (serviceId: string): boolean => services === null || services.has(serviceId);
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
  const counted = countedCounters(state, config);
  const counters: SimCounter[] = counted
    .filter((c) => c.serviceIds.some(inScope))
    .map((c) => {
      const live = state.counters.get(c.id);
      let freeAt = live ? pauseEndMs(state, live, nowMs) : nowMs;
      let variance = freeAt > nowMs ? (((freeAt - nowMs) / MINUTE) * OVERDUE_PAUSE_SHARE) ** 2 : 0;
      const active = live?.activeTicketId ? state.tickets.get(live.activeTicketId) : undefined;
      if (active && (active.status === 'called' || active.status === 'serving')) {
        const profile = profileOf(active.serviceId);
        freeAt += remainingAtDesk(active, profile, nowMs) * MINUTE;
        variance += (profile.sdMinutes / 2) ** 2;
      }
      const streaks = { streak: live?.streak ?? null, bookedStreak: live?.bookedStreak ?? null };
      return { config: c, freeAt: align(freeAt), variance, streaks };
    });
  // Asked about a few tickets, the play reads only the heads of the lines: it calls no more than `maxPlayed`.
  const heads = targets ? lineHeads(state, inScope, extra, targets, maxPlayed) : null;
  const all = heads ? heads.places.map((p) => p.ticket) : [...waitingIn(state, inScope), ...extra];
  const line = heads ? new Line(heads.tickets, true) : new Line(all);
  const rules: CallRules = { ratio: config.priorityRatio, booking: config.bookingCallRule ?? null };
  const raw = new Map<string, { minutes: number; variance: number }>();
  let open = counters.filter((c) => c.config.serviceIds.length > 0);
  // Past a day's worth of calls the hall is played no further: the rest of each line follows at its lane's pace.
  let played = 0;
  while (open.length > 0 && played < maxPlayed) {
    const counter = earliest(open);
    const ticket = line.take(counter.config, counter.streaks, rules, counter.freeAt);
    if (!ticket) {
      open = open.filter((c) => c !== counter);
      continue;
    }
    played += 1;
    raw.set(ticket.id, { minutes: (counter.freeAt - nowMs) / MINUTE, variance: counter.variance });
    const profile = profileOf(ticket.serviceId);
    counter.freeAt = align(counter.freeAt + profile.cycleMinutes * MINUTE);
    counter.variance += profile.sdMinutes ** 2;
    counter.streaks = { ...counter.streaks, ...streaksAfter(counter.streaks, ticket) };
  }
  const calls = new Map<string, CallForecast>();
  const servingCounts = new Map<string, number>();
  for (const c of counted)
    for (const id of new Set(c.serviceIds)) servingCounts.set(id, (servingCounts.get(id) ?? 0) + 1);
  extrapolateTails(
    line,
    raw,
    (serviceId) => ({
      profile: profileOf(serviceId),
      counters: Math.max(1, servingCounts.get(serviceId) ?? 0),
    }),
    heads?.places,
  );
  const rateOf = priorityRates(state, config, now);
  for (const t of all) {
    const found = raw.get(t.id);
    if (!found) continue;
    const n = Math.max(1, servingCounts.get(t.serviceId) ?? 0);
    let minutes = found.minutes;
    if (!t.priority) {
      const profile = profileOf(t.serviceId);
      const stretch = (rateOf(t.serviceId) * profile.cycleMinutes) / n;
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
