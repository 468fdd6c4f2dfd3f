import { byIssueTime, isWaiting, type QueueState, type TicketState } from './state.ts';

/** A ticket in the simulated line; a citizen about to take a ticket is one too (id `''`). */
export interface LineTicket {
  readonly id: string;
  readonly serviceId: string;
  readonly priority: boolean;
  readonly issuedAt: string;
  readonly seq: number;
  /** A checked-in booking: the booking call rule reads its session's start. */
  readonly booking?: { readonly startsAt: string };
}

export function lineTicket(t: TicketState): LineTicket {
  return {
    id: t.id,
    serviceId: t.serviceId,
    priority: t.priority !== null,
    issuedAt: t.issuedAt,
    seq: t.seq,
    ...(t.booking ? { booking: t.booking } : {}),
  };
}

/** A ticket asked about, and how many tickets of its lane (service and kind) are called before it. */
export interface LinePlace {
  readonly ticket: LineTicket;
  readonly index: number;
}

/** The first tickets of each lane in call order, and where each asked-about ticket stands in its whole lane. */
export interface LineHeads {
  readonly tickets: readonly LineTicket[];
  readonly places: readonly LinePlace[];
}

/** The ids of one lane (a service's priority or regular tickets), in call order as the state's indexes keep them. */
function* laneIds(state: QueueState, serviceId: string, priority: boolean): Generator<string> {
  const ids = (priority ? state.waitingPriority : state.waiting).get(serviceId);
  if (!ids) return;
  const priorities = state.waitingPriority.get(serviceId);
  for (const id of ids) if (priority || !priorities?.has(id)) yield id;
}

function laneSize(state: QueueState, serviceId: string, priority: boolean): number {
  const all = state.waiting.get(serviceId)?.size ?? 0;
  const priorities = state.waitingPriority.get(serviceId)?.size ?? 0;
  return priority ? priorities : all - priorities;
}

/** Tickets of the lane called before `ticket`: none of it waits past it (the usual case), or a count. */
function placeOf(state: QueueState, ticket: LineTicket, member: boolean): number {
  const newest = state.newestWaiting.get(ticket.serviceId);
  const behindAll =
    newest === undefined || (member ? newest.id === ticket.id : byIssueTime(newest, ticket) < 0);
  if (behindAll) return laneSize(state, ticket.serviceId, ticket.priority) - (member ? 1 : 0);
  let index = 0;
  for (const id of laneIds(state, ticket.serviceId, ticket.priority)) {
    if (id === ticket.id) break;
    const other = state.tickets.get(id);
    if (other && byIssueTime(other, ticket) < 0) index += 1;
  }
  return index;
}

/**
 * What a forecast of a few tickets needs, however long the queue: the first `depth` tickets of each lane in scope
 * (the play calls no more than that), read from the state's waiting indexes, which keep call order, and the place of
 * each target in its lane (`extra` tickets, not issued yet, are put in at theirs). The whole line is never read
 * nor sorted: on the issue path this is what keeps a kiosk's answer as quick at 3,000 waiting as at 30.
 */
export function lineHeads(
  state: QueueState,
  inScope: (serviceId: string) => boolean,
  extra: readonly LineTicket[],
  targets: ReadonlySet<string>,
  depth: number,
): LineHeads {
  const lanes = new Map<string, LineTicket[]>();
  for (const serviceId of state.waiting.keys()) {
    if (!inScope(serviceId)) continue;
    for (const priority of [true, false]) {
      const head: LineTicket[] = [];
      for (const id of laneIds(state, serviceId, priority)) {
        if (head.length >= depth) break;
        const t = state.tickets.get(id);
        if (t && isWaiting(t)) head.push(lineTicket(t));
      }
      lanes.set(`${serviceId}|${String(priority)}`, head);
    }
  }
  // A ticket not issued yet stands behind the lane's older tickets and any other such ticket older than it.
  const added: LinePlace[] = [];
  const addedBefore = (t: LineTicket): number =>
    added.filter(
      (x) =>
        x.ticket.serviceId === t.serviceId &&
        x.ticket.priority === t.priority &&
        byIssueTime(x.ticket, t) < 0,
    ).length;
  for (const t of [...extra].sort(byIssueTime)) {
    const key = `${t.serviceId}|${String(t.priority)}`;
    const head = lanes.get(key) ?? [];
    lanes.set(key, head);
    const index = placeOf(state, t, false) + addedBefore(t);
    if (index < depth) head.splice(index, 0, t);
    added.push({ ticket: t, index });
  }
  const places: LinePlace[] = added.filter((place) => targets.has(place.ticket.id));
  for (const id of targets) {
    const t = state.tickets.get(id);
    if (!t || !isWaiting(t) || !inScope(t.serviceId)) continue;
    const ticket = lineTicket(t);
    places.push({ ticket, index: placeOf(state, ticket, true) + addedBefore(ticket) });
  }
  return { tickets: [...lanes.values()].flat(), places };
}
