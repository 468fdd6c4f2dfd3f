import type { BookingCallRule } from './booking-rules.ts';
import type { CounterConfig, PriorityRatio, QueueConfig } from './config.ts';
import { byIssueTime, type CounterState, type QueueState, type TicketState } from './state.ts';

/**
 * What the call order reads of a waiting ticket: the live state's tickets and the wait forecast's line alike (the
 * forecast plays the queue with these same functions, so its "who is ahead" is the counters' own).
 */
export interface CallOrderTicket {
  /** A priority category (UU 25/2009), or `true` in the forecast's line; null or false when none. */
  readonly priority: string | boolean | null;
  readonly booking?: { readonly startsAt: string } | undefined;
  readonly issuedAt: string;
  readonly seq: number;
}

const isPriority = (t: CallOrderTicket): boolean => t.priority !== null && t.priority !== false;

function oldest<T extends CallOrderTicket>(tickets: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const t of tickets) if (!best || byIssueTime(t, best) < 0) best = t;
  return best;
}

/** Which kind the counter should call now, before looking at what is waiting. */
export function preferredKind(
  ratio: PriorityRatio | null,
  streak: CounterState['streak'],
): 'priority' | 'regular' {
  if (ratio === null) return 'priority';
  // With no history a counter starts with priority: the law puts them first.
  if (streak === null) return 'priority';
  if (streak.kind === 'priority') return streak.count < ratio.priority ? 'priority' : 'regular';
  return streak.count < ratio.regular ? 'regular' : 'priority';
}

export function waitingFor(state: QueueState, serviceIds: readonly string[]): TicketState[] {
  const result: TicketState[] = [];
  for (const serviceId of new Set(serviceIds)) {
    for (const id of state.waiting.get(serviceId) ?? []) {
      const ticket = state.tickets.get(id);
      if (ticket) result.push(ticket);
    }
  }
  return result;
}

/** How booked tickets are called at this moment: the site's rule and the command's `now`. */
export interface BookedCalling {
  readonly rule: BookingCallRule | null;
  readonly now: string;
}

/** Which regular kind the booking ratio asks for now, from the counter's run of regular calls. */
export function preferredBooked(
  rule: Extract<BookingCallRule, { kind: 'ratio' }>,
  streak: CounterState['bookedStreak'],
): 'booked' | 'walk-in' {
  // With no history a counter starts with a booked ticket: the citizen was given a time.
  if (!streak) return 'booked';
  if (streak.kind === 'booked') return streak.count < rule.booked ? 'booked' : 'walk-in';
  return streak.count < rule.walkIn ? 'walk-in' : 'booked';
}

/** Among regular tickets: booked ones by the booking rule, walk-ins by issue time; never leaves a counter idle. */
function pickRegular<T extends CallOrderTicket>(
  regular: readonly T[],
  streak: CounterState['bookedStreak'],
  calling: BookedCalling | undefined,
): T | undefined {
  const rule = calling?.rule ?? null;
  if (rule === null) return oldest(regular);
  const walkIn = oldest(regular.filter((t) => !t.booking));
  if (rule.kind === 'booked-first') {
    const due = regular.filter((t) => t.booking && t.booking.startsAt <= (calling?.now ?? ''));
    return oldest(due) ?? walkIn ?? oldest(regular);
  }
  const booked = oldest(regular.filter((t) => t.booking));
  return preferredBooked(rule, streak) === 'booked' ? (booked ?? walkIn) : (walkIn ?? booked);
}

/** A counter's runs of calls, which the priority ratio and the booking ratio read. */
export type CallStreaks = Pick<CounterState, 'streak' | 'bookedStreak'>;

/**
 * The ticket a counter calls next among `waiting` (any set holding the head of each of its lines): priority
 * categories first (or by the ratio), regular ones by the booking rule. The one rule of the hall's call order:
 * `pickNext` asks it about the live queue, the wait forecast about the queue it plays forward.
 */
export function chooseNext<T extends CallOrderTicket>(
  waiting: readonly T[],
  streaks: CallStreaks | null,
  ratio: PriorityRatio | null,
  calling?: BookedCalling,
): T | undefined {
  const priority = oldest(waiting.filter(isPriority));
  const regular = pickRegular(
    waiting.filter((t) => !isPriority(t)),
    streaks?.bookedStreak ?? null,
    calling,
  );
  return preferredKind(ratio, streaks?.streak ?? null) === 'priority'
    ? (priority ?? regular)
    : (regular ?? priority);
}

/**
 * The counter's runs after it called `ticket` with "call next" (a specific call leaves them as they are); a
 * priority call leaves the booking run as it is, so only `streak` is given then.
 */
export function streaksAfter(streaks: CallStreaks | null, ticket: CallOrderTicket): CallStreaks {
  const kind: 'priority' | 'regular' = isPriority(ticket) ? 'priority' : 'regular';
  const streak =
    streaks?.streak?.kind === kind ? { kind, count: streaks.streak.count + 1 } : { kind, count: 1 };
  if (kind === 'priority') return { streak };
  const booked: 'booked' | 'walk-in' = ticket.booking ? 'booked' : 'walk-in';
  const bookedStreak =
    streaks?.bookedStreak?.kind === booked
      ? { kind: booked, count: streaks.bookedStreak.count + 1 }
      : { kind: booked, count: 1 };
  return { streak, bookedStreak };
}

/** The ticket a counter gets on "call next", or undefined when nothing waits for it. Priority categories first. */
export function pickNext(
  state: QueueState,
  counter: CounterConfig,
  ratio: PriorityRatio | null,
  calling?: BookedCalling,
): TicketState | undefined {
  return chooseNext(
    waitingFor(state, counter.serviceIds),
    state.counters.get(counter.id) ?? null,
    ratio,
    calling,
  );
}

/** Tickets of a service that a new ticket of the given kind would wait behind: the size of its index. */
export function aheadOf(state: QueueState, serviceId: string, priority: boolean): number {
  return (priority ? state.waitingPriority : state.waiting).get(serviceId)?.size ?? 0;
}

/**
 * The services whose tickets are called by the same counters as `serviceId`'s: every service of every counter that
 * serves it (itself alone when no counter does). A ticket of any of them can be called before this one.
 */
export function rivalServices(config: Pick<QueueConfig, 'counters'>, serviceId: string): Set<string> {
  const rivals = new Set([serviceId]);
  for (const counter of config.counters)
    if (counter.serviceIds.includes(serviceId)) for (const id of counter.serviceIds) rivals.add(id);
  return rivals;
}

/** Called before `ticket` at a counter both wait for: a priority ticket before a regular one, then the older. */
function callsBefore(other: TicketState, ticket: TicketState): boolean {
  const earlier = byIssueTime(other, ticket) < 0;
  return ticket.priority !== null ? other.priority !== null && earlier : other.priority !== null || earlier;
}

/**
 * Waiting tickets that will be called before this one at the counters that serve its service, in the counters' call
 * order (priority first, then the oldest across their services): a priority A ticket waits ahead of B001 when one
 * counter calls both. Strict order; a priority ratio only shortens it. The ticket just issued (every issue's wait
 * promise asks) is counted from the indexes' sizes; another is counted without building a list, the issue path
 * being the hall's busiest.
 */
export function ticketsAhead(
  state: QueueState,
  ticket: TicketState,
  config: Pick<QueueConfig, 'counters'>,
): number {
  const rivals = rivalServices(config, ticket.serviceId);
  if (isNewestAmong(state, ticket, rivals)) return aheadOfNewest(state, ticket, config);
  let ahead = 0;
  for (const serviceId of rivals)
    for (const id of state.waiting.get(serviceId) ?? []) {
      const other = state.tickets.get(id);
      if (other && id !== ticket.id && callsBefore(other, ticket)) ahead += 1;
    }
  return ahead;
}

/** Nothing waiting in these services was issued after the ticket (newestWaiting bounds each line from above). */
function isNewestAmong(state: QueueState, ticket: TicketState, serviceIds: Iterable<string>): boolean {
  for (const serviceId of serviceIds) {
    const newest = state.newestWaiting.get(serviceId);
    if (newest !== undefined && newest !== ticket && byIssueTime(newest, ticket) >= 0) return false;
  }
  return true;
}

/**
 * `ticketsAhead` for the newest ticket, from the indexes alone: the kiosk asks this on every issue. Everything that
 * waits at its counters is older, so a regular ticket waits behind all of it and a priority one behind the priority.
 */
export function aheadOfNewest(
  state: QueueState,
  ticket: TicketState,
  config: Pick<QueueConfig, 'counters'>,
): number {
  const index = ticket.priority === null ? state.waiting : state.waitingPriority;
  let ahead = 0;
  for (const serviceId of rivalServices(config, ticket.serviceId)) {
    const ids = index.get(serviceId);
    if (ids) ahead += ids.size - (ids.has(ticket.id) ? 1 : 0);
  }
  return ahead;
}

/**
 * The first `count` tickets the counters serving `serviceId` will call, each with how many wait before it (its
 * `ticketsAhead`): one sort for the whole line instead of a count per ticket, for asking about many tickets at once.
 */
export function frontOfLine(
  state: QueueState,
  config: Pick<QueueConfig, 'counters'>,
  serviceId: string,
  count: number,
): Map<string, number> {
  const waiting = waitingFor(state, [...rivalServices(config, serviceId)]);
  waiting.sort((a, b) =>
    (a.priority !== null) === (b.priority !== null) ? byIssueTime(a, b) : a.priority !== null ? -1 : 1,
  );
  return new Map(waiting.slice(0, count).map((t, i) => [t.id, i]));
}
