import type { CounterConfig, PriorityRatio } from './config.ts';
import type { CounterState, QueueState, TicketState } from './state.ts';

/** Oldest issue time first; a transferred ticket keeps its issue time and so its place. */
function byIssueTime(a: TicketState, b: TicketState): number {
  return a.issuedAt === b.issuedAt ? a.seq - b.seq : a.issuedAt < b.issuedAt ? -1 : 1;
}

function oldest(tickets: readonly TicketState[]): TicketState | undefined {
  let best: TicketState | undefined;
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

/** The ticket a counter gets on "call next", or undefined when nothing waits for it. */
export function pickNext(
  state: QueueState,
  counter: CounterConfig,
  ratio: PriorityRatio | null,
): TicketState | undefined {
  const waiting = waitingFor(state, counter.serviceIds);
  const priority = oldest(waiting.filter((t) => t.priority !== null));
  const regular = oldest(waiting.filter((t) => t.priority === null));
  const streak = state.counters.get(counter.id)?.streak ?? null;
  return preferredKind(ratio, streak) === 'priority' ? (priority ?? regular) : (regular ?? priority);
}

/** Tickets of a service that a new ticket of the given kind would wait behind. */
export function aheadOf(state: QueueState, serviceId: string, priority: boolean): number {
  return waitingFor(state, [serviceId]).filter((t) => !priority || t.priority !== null).length;
}

/**
 * Waiting tickets of the same service that will be called before this one: earlier tickets of its own kind,
 * and for a regular ticket every waiting priority ticket as well (strict order; a ratio only shortens that).
 */
export function ticketsAhead(state: QueueState, ticket: TicketState): number {
  return waitingFor(state, [ticket.serviceId]).filter((t) => {
    if (t.id === ticket.id) return false;
    const earlier = byIssueTime(t, ticket) < 0;
    return ticket.priority !== null ? t.priority !== null && earlier : t.priority !== null || earlier;
  }).length;
}

/** `ticketsAhead` for the newest ticket of its service, from the indexes alone: the kiosk asks this on every issue. */
export function aheadOfNewest(state: QueueState, ticket: TicketState): number {
  const index = ticket.priority === null ? state.waiting : state.waitingPriority;
  const ids = index.get(ticket.serviceId);
  return ids ? ids.size - (ids.has(ticket.id) ? 1 : 0) : 0;
}
