import type { Broadcast, CompensationView, CounterView, LogAdvanced, Snapshot, TicketView } from './wire.ts';

/** What the desk keeps of a ticket: enough for the waiting and no-show lists and the current call. */
export interface DeskTicket {
  readonly id: string;
  readonly number: string;
  readonly serviceId: string;
  readonly priority: TicketView['priority'];
  readonly issuedAt: string;
  readonly status: TicketView['status'];
  readonly counterId: string | null;
  readonly calledAt: string | null;
  readonly recalls: number;
  /** The SOP step under way (4–8), and since when; null before the officer starts service. */
  readonly step: number | null;
  readonly stepSince: string | null;
  /** A checked-in online booking's ticket: marked in the waiting list. */
  readonly booked: boolean;
}

export interface DeskCompensation {
  readonly id: string;
  readonly kind: string;
  readonly ticketId: string | null;
  readonly remedy: CompensationView['remedy'];
  readonly resolved: boolean;
}

export interface DeskCounter {
  readonly id: string;
  readonly pausedReason: string | null;
  readonly pausedSince: string | null;
  readonly activeTicketId: string | null;
}

export interface DeskState {
  /** The hub's log position this state reflects; null until the first snapshot. */
  readonly lastEventId: number | null;
  readonly serviceDay: string | null;
  readonly tickets: ReadonlyMap<string, DeskTicket>;
  readonly counters: ReadonlyMap<string, DeskCounter>;
  readonly compensations: ReadonlyMap<string, DeskCompensation>;
}

export const EMPTY_DESK: DeskState = {
  lastEventId: null,
  serviceDay: null,
  tickets: new Map(),
  counters: new Map(),
  compensations: new Map(),
};

function deskTicket(t: TicketView): DeskTicket {
  const step = t.timeline.at(-1);
  const serving = t.status === 'serving' && t.currentStep !== null && step !== undefined;
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    priority: t.priority,
    issuedAt: t.issuedAt,
    status: t.status,
    counterId: t.counterId,
    calledAt: t.calledAt,
    recalls: t.recalls,
    step: serving ? t.currentStep : null,
    stepSince: serving ? step.startedAt : null,
    booked: t.booked === true,
  };
}

const deskCounter = (c: CounterView): DeskCounter => ({
  id: c.id,
  pausedReason: c.pausedReason,
  pausedSince: c.pausedSince,
  activeTicketId: c.activeTicketId,
});

const deskCompensation = (c: CompensationView): DeskCompensation => ({
  id: c.id,
  kind: c.kind,
  ticketId: c.ticketId,
  remedy: c.remedy,
  resolved: c.resolution !== null,
});

export function fromSnapshot(snapshot: Snapshot): DeskState {
  return {
    lastEventId: snapshot.lastEventId,
    serviceDay: snapshot.serviceDay,
    tickets: new Map(snapshot.tickets.map((t) => [t.id, deskTicket(t)])),
    counters: new Map(snapshot.counters.map((c) => [c.id, deskCounter(c)])),
    compensations: new Map(snapshot.compensations.map((c) => [c.id, deskCompensation(c)])),
  };
}

export type ApplyResult =
  | { readonly kind: 'applied'; readonly state: DeskState }
  /** Already reflected (a broadcast at or before the snapshot's position). */
  | { readonly kind: 'stale' }
  /** A broadcast is missing before this one, or a new day began: only a fresh snapshot is right now. */
  | { readonly kind: 'resync' };

/** One broadcast applied to the desk's state, as the hub applied it to its own. */
export function applyEvent(state: DeskState, event: Broadcast | LogAdvanced): ApplyResult {
  if (state.lastEventId === null || event.eventId <= state.lastEventId) return { kind: 'stale' };
  if (event.eventId !== state.lastEventId + 1) return { kind: 'resync' };
  // Another feature's event (a complaint, a survey answer): nothing on the desk changes, the position moves on.
  if (event.type === 'log:advanced')
    return { kind: 'applied', state: { ...state, lastEventId: event.eventId } };
  if (event.type === 'ticket:issued' && event.serviceDay !== state.serviceDay) return { kind: 'resync' };
  const next = { ...state, lastEventId: event.eventId };
  return { kind: 'applied', state: evolveDesk(next, event) };
}

function withTicket(state: DeskState, id: string, change: (t: DeskTicket) => Partial<DeskTicket>): DeskState {
  const ticket = state.tickets.get(id);
  if (!ticket) return state;
  const tickets = new Map(state.tickets);
  tickets.set(id, { ...ticket, ...change(ticket) });
  return { ...state, tickets };
}

function withCounter(state: DeskState, id: string, change: Partial<DeskCounter>): DeskState {
  const counter = state.counters.get(id);
  if (!counter) return state;
  const counters = new Map(state.counters);
  counters.set(id, { ...counter, ...change });
  return { ...state, counters };
}

/** The ticket leaves its counter's desk: the counter is free again. */
function release(state: DeskState, counterId: string | null, ticketId: string): DeskState {
  if (counterId === null || state.counters.get(counterId)?.activeTicketId !== ticketId) return state;
  return withCounter(state, counterId, { activeTicketId: null });
}

const leftDesk = { counterId: null, calledAt: null, step: null, stepSince: null } as const;

// One case per event type: a long switch reads better here than a table of tiny functions.
function evolveDesk(state: DeskState, e: Broadcast): DeskState {
  switch (e.type) {
    case 'ticket:issued': {
      const tickets = new Map(state.tickets);
      tickets.set(e.ticketId, {
        id: e.ticketId,
        number: e.number,
        serviceId: e.serviceId,
        priority: e.priority,
        issuedAt: e.issuedAt,
        status: 'waiting',
        counterId: null,
        calledAt: null,
        recalls: 0,
        step: null,
        stepSince: null,
        booked: e.booking !== undefined,
      });
      return { ...state, tickets };
    }
    case 'ticket:called':
      return withCounter(
        withTicket(state, e.ticketId, () => ({
          status: 'called',
          counterId: e.counterId,
          calledAt: e.at,
          recalls: 0,
          step: null,
          stepSince: null,
        })),
        e.counterId,
        { activeTicketId: e.ticketId },
      );
    case 'ticket:recalled':
      return withTicket(state, e.ticketId, () => ({ recalls: e.recalls, calledAt: e.at }));
    case 'ticket:step-started':
      return withTicket(state, e.ticketId, () => ({ status: 'serving', step: e.step, stepSince: e.at }));
    case 'ticket:finished':
      return release(
        withTicket(state, e.ticketId, () => ({ status: 'done', step: null, stepSince: null })),
        e.counterId,
        e.ticketId,
      );
    case 'ticket:no-show':
      return release(
        withTicket(state, e.ticketId, () => ({ status: 'no_show', step: null, stepSince: null })),
        e.counterId,
        e.ticketId,
      );
    case 'ticket:reactivated':
      return withTicket(state, e.ticketId, () => ({ status: 'waiting', ...leftDesk }));
    case 'ticket:transferred':
      return release(
        withTicket(state, e.ticketId, () => ({
          status: 'transferred',
          serviceId: e.toServiceId,
          ...leftDesk,
        })),
        e.counterId,
        e.ticketId,
      );
    case 'ticket:cancelled':
      return release(
        withTicket(state, e.ticketId, () => ({ status: 'cancelled', step: null, stepSince: null })),
        e.counterId,
        e.ticketId,
      );
    case 'counter:paused':
      return withCounter(state, e.counterId, { pausedReason: e.reason, pausedSince: e.at });
    case 'counter:resumed':
      return withCounter(state, e.counterId, { pausedReason: null, pausedSince: null });
    case 'compensation:raised': {
      const compensations = new Map(state.compensations);
      compensations.set(e.compensationId, {
        id: e.compensationId,
        kind: e.kind,
        ticketId: e.ticketId,
        remedy: e.remedy,
        resolved: false,
      });
      return { ...state, compensations };
    }
    case 'compensation:escalated':
    case 'compensation:resolved': {
      const found = state.compensations.get(e.compensationId);
      if (!found) return state;
      const compensations = new Map(state.compensations);
      compensations.set(
        e.compensationId,
        e.type === 'compensation:resolved' ? { ...found, resolved: true } : { ...found, remedy: e.remedy },
      );
      return { ...state, compensations };
    }
    case 'ticket:printed':
    case 'ticket:print-failed':
    case 'ticket:wait-quoted':
      return state;
  }
}
