import type { SyncEvent } from '@giliran/protocol';

/** A ticket as central keeps it for a site: the fields the region's views and figures read. */
export interface TicketRow {
  ticketId: string;
  serviceDay: string;
  number: string;
  serviceId: string;
  priority: string | null;
  channel: string;
  status: string;
  counterId: string | null;
  issuedAt: string;
  firstCalledAt: string | null;
  finishedAt: string | null;
  outcome: string | null;
  servedBy: string | null;
  transfers: number;
}

export interface CompensationRow {
  compensationId: string;
  serviceDay: string;
  kind: string;
  ticketId: string | null;
  counterId: string | null;
  raisedAt: string;
  resolvedAt: string | null;
}

/** The rows a batch touches, loaded before and written back after the fold. */
export interface Projection {
  readonly tickets: Map<string, TicketRow>;
  readonly compensations: Map<string, CompensationRow>;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The ids of the rows an event touches (for loading them); none for a type central does not project. */
export function touchedIds(event: SyncEvent): { ticketId: string | null; compensationId: string | null } {
  const queueType = QUEUE_TYPES.has(event.type);
  return {
    ticketId: queueType ? text(event.payload.ticketId) : null,
    compensationId: queueType ? text(event.payload.compensationId) : null,
  };
}

type Apply = (p: Projection, payload: Record<string, unknown>, event: SyncEvent) => void;

function onTicket(change: (t: TicketRow, payload: Record<string, unknown>, at: string) => void): Apply {
  return (p, payload, event) => {
    const ticket = p.tickets.get(text(payload.ticketId) ?? '');
    // A ticket issued before central's history began (a hub enrolled mid-day) has no row to change.
    if (ticket) change(ticket, payload, event.at);
  };
}

const issued: Apply = (p, payload, event) => {
  const ticketId = text(payload.ticketId);
  if (ticketId === null) return;
  p.tickets.set(ticketId, {
    ticketId,
    serviceDay: text(payload.serviceDay) ?? event.serviceDay,
    number: text(payload.number) ?? '',
    serviceId: text(payload.serviceId) ?? '',
    priority: text(payload.priority),
    channel: text(payload.channel) ?? '',
    status: 'waiting',
    counterId: null,
    issuedAt: text(payload.issuedAt) ?? event.at,
    firstCalledAt: null,
    finishedAt: null,
    outcome: null,
    servedBy: null,
    transfers: 0,
  });
};

const compensationRaised: Apply = (p, payload, event) => {
  const compensationId = text(payload.compensationId);
  if (compensationId === null) return;
  p.compensations.set(compensationId, {
    compensationId,
    serviceDay: event.serviceDay,
    kind: text(payload.kind) ?? '',
    ticketId: text(payload.ticketId),
    counterId: text(payload.counterId),
    raisedAt: event.at,
    resolvedAt: null,
  });
};

/** How each queue event changes central's rows; the same meaning as the hub's own fold (domain `evolve`). */
const APPLY: Readonly<Record<string, Apply>> = {
  'ticket:issued': issued,
  'ticket:called': onTicket((t, payload, at) => {
    t.status = 'called';
    t.counterId = text(payload.counterId);
    t.firstCalledAt ??= at;
  }),
  'ticket:step-started': onTicket((t) => {
    t.status = 'serving';
  }),
  'ticket:finished': onTicket((t, payload, at) => {
    t.status = 'done';
    t.finishedAt = at;
    t.outcome = text(payload.outcome);
    t.servedBy = text(payload.by);
  }),
  'ticket:no-show': onTicket((t, payload) => {
    t.status = 'no_show';
    t.servedBy = text(payload.by);
  }),
  'ticket:reactivated': onTicket((t) => {
    t.status = 'waiting';
    t.counterId = null;
  }),
  'ticket:transferred': onTicket((t, payload) => {
    t.status = 'transferred';
    t.serviceId = text(payload.toServiceId) ?? t.serviceId;
    t.counterId = null;
    t.transfers += 1;
  }),
  'ticket:cancelled': onTicket((t, _payload, at) => {
    t.status = 'cancelled';
    t.finishedAt = at;
  }),
  'compensation:raised': compensationRaised,
  'compensation:resolved': (p, payload, event) => {
    const compensation = p.compensations.get(text(payload.compensationId) ?? '');
    if (compensation) compensation.resolvedAt = event.at;
  },
};

const QUEUE_TYPES = new Set(Object.keys(APPLY));

/**
 * Folds events, in sequence order, into the rows they touch. Types central does not project (recalls, prints,
 * pauses, and whatever the hub logs tomorrow) are kept in `events` and change no row here.
 */
export function project(projection: Projection, events: readonly SyncEvent[]): void {
  for (const event of events) APPLY[event.type]?.(projection, event.payload, event);
}
