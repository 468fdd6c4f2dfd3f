import { logCall, logOutcome, logRecall, type CallRecord } from './call-log.ts';
import { streaksAfter } from './call-order.ts';
import type { CompensationKind, CounterStep, LocalizedText, OfficerConsequence } from './config.ts';
import type {
  BookedMark,
  FinishOutcome,
  IssueChannel,
  PrintStatus,
  PriorityCategory,
  QueueEvent,
  WaitQuoted,
} from './events.ts';

export type TicketStatus =
  'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'transferred' | 'cancelled';

export interface StepRecord {
  readonly step: CounterStep;
  readonly startedAt: string;
  endedAt: string | null;
}

export interface TicketState {
  readonly id: string;
  readonly code: string;
  readonly seq: number;
  readonly number: string;
  readonly serviceDay: string;
  readonly priority: PriorityCategory | null;
  readonly channel: IssueChannel;
  readonly issuedAt: string;
  /** The kiosk or person that issued it: a kiosk may only report the printing of its own tickets. */
  readonly issuedBy: string;
  serviceId: string;
  status: TicketStatus;
  counterId: string | null;
  firstCalledAt: string | null;
  calledAt: string | null;
  recalls: number;
  steps: StepRecord[];
  finishedAt: string | null;
  outcome: FinishOutcome | null;
  /** Highest late-service tier already raised for this ticket, -1 when none. */
  lateTier: number;
  printStatus: PrintStatus;
  /** A checked-in booking's ticket. */
  readonly booking?: BookedMark;
}

export interface CounterState {
  readonly id: string;
  pausedReason: string | null;
  pausedSince: string | null;
  activeTicketId: string | null;
  /** Run of calls of one kind, to interleave priority and regular tickets by the configured ratio. */
  streak: { kind: 'priority' | 'regular'; count: number } | null;
  /** Run of regular calls of one kind, to alternate booked and walk-in tickets by the booking ratio. */
  bookedStreak?: { kind: 'booked' | 'walk-in'; count: number } | null;
}

export interface CompensationState {
  readonly id: string;
  readonly kind: CompensationKind;
  readonly ticketId: string | null;
  readonly counterId: string | null;
  readonly raisedAt: string;
  readonly raisedBy: string;
  readonly note: string | null;
  tier: number | null;
  remedy: LocalizedText;
  officerConsequence: OfficerConsequence;
  resolution: {
    readonly at: string;
    readonly by: string;
    readonly remedyGiven: string;
    readonly officerConsequence: OfficerConsequence;
    readonly note: string | null;
  } | null;
}

/**
 * The queue of one site for one service day.
 * `applyInPlace` updates it in place: the hub owns exactly one copy, and only after the events are committed,
 * so copying thousands of tickets per event would buy nothing. `decide` never mutates it.
 */
export interface QueueState {
  serviceDay: string | null;
  readonly tickets: Map<string, TicketState>;
  readonly counters: Map<string, CounterState>;
  readonly compensations: Map<string, CompensationState>;
  /** Last sequence number issued today per service. */
  readonly sequences: Map<string, number>;
  /**
   * Ids of waiting tickets per service, in call order (oldest issue first, `byIssueTime`): call-next and queue
   * lengths look here instead of scanning the day, and the head of a line is its first ids.
   */
  readonly waiting: Map<string, Set<string>>;
  /** The priority tickets among them, also in call order, so a new ticket's place is known without a scan. */
  readonly waitingPriority: Map<string, Set<string>>;
  /**
   * Per service, the latest ticket (in call order) ever put in its waiting index today: an upper bound, it may have
   * been called since. A ticket past it (or it) waits behind everything there, so its place needs no scan.
   */
  readonly newestWaiting: Map<string, TicketState>;
  /** Priority tickets issued today per service, for the forecast's expected priority arrivals. */
  readonly priorityIssued: Map<string, number>;
  /** The earliest issue time of today's tickets: how long the day has run, for the same pace. */
  firstIssuedAt: string | null;
  /** Service seconds of the last finished tickets per service, newest last, for the wait estimate. */
  readonly recentService: Map<string, number[]>;
  /** Seconds a counter was held per ticket (call → finish, no-show, transfer or cancel), newest last, per service. */
  readonly recentCycle: Map<string, number[]>;
  /** Seconds of today's ended pauses per reason: how long a paused counter usually stays away. */
  readonly pauseLengths: Map<string, number[]>;
  /** Per ticket, the wait last shown to its citizen: a promise is logged again only when what is shown changes. */
  readonly quotes: Map<string, WaitQuoted>;
  /** The day's last calls, oldest first, with what became of each: the displays' history (call-log.ts). */
  readonly calls: CallRecord[];
}

export function initialState(): QueueState {
  return {
    serviceDay: null,
    tickets: new Map(),
    counters: new Map(),
    compensations: new Map(),
    sequences: new Map(),
    waiting: new Map(),
    waitingPriority: new Map(),
    newestWaiting: new Map(),
    priorityIssued: new Map(),
    firstIssuedAt: null,
    recentService: new Map(),
    recentCycle: new Map(),
    pauseLengths: new Map(),
    quotes: new Map(),
    calls: [],
  };
}

export function counterOf(state: QueueState, counterId: string): CounterState {
  let counter = state.counters.get(counterId);
  if (!counter) {
    counter = {
      id: counterId,
      pausedReason: null,
      pausedSince: null,
      activeTicketId: null,
      streak: null,
    };
    state.counters.set(counterId, counter);
  }
  return counter;
}

/** Waiting in a queue: a transferred ticket waits for its new service. */
export function isWaiting(ticket: TicketState): boolean {
  return ticket.status === 'waiting' || ticket.status === 'transferred';
}

export function isActive(ticket: TicketState): boolean {
  return isWaiting(ticket) || ticket.status === 'called' || ticket.status === 'serving';
}

export function currentStep(ticket: TicketState): StepRecord | null {
  const last = ticket.steps.at(-1);
  return last && last.endedAt === null ? last : null;
}

export const RECENT_SERVICE_SAMPLE = 10;
/** The estimator looks at a longer run of counter cycles than the naive mean: it weighs them with history. */
export const RECENT_CYCLE_SAMPLE = 20;

function indexOf(index: Map<string, Set<string>>, serviceId: string): Set<string> {
  let ids = index.get(serviceId);
  if (!ids) {
    ids = new Set();
    index.set(serviceId, ids);
  }
  return ids;
}

/** Call order among waiting tickets: the older issue first; a transferred ticket keeps its issue time and place. */
export function byIssueTime(
  a: { readonly issuedAt: string; readonly seq: number },
  b: { readonly issuedAt: string; readonly seq: number },
): number {
  return a.issuedAt === b.issuedAt ? a.seq - b.seq : a.issuedAt < b.issuedAt ? -1 : 1;
}

/** Puts the service's waiting ids back in call order: after a transfer or reactivation (rare) put an older one last. */
function reorder(state: QueueState, index: Map<string, Set<string>>, serviceId: string): void {
  const ids = index.get(serviceId);
  if (!ids) return;
  const tickets = [...ids].flatMap((id) => state.tickets.get(id) ?? []).sort(byIssueTime);
  ids.clear();
  for (const t of tickets) ids.add(t.id);
}

/**
 * Applies a change to a ticket and keeps the waiting indexes true to it, in call order: a new ticket goes last
 * (its issue is the latest), an older one coming back (transfer, reactivation) puts its service's line in order again.
 */
function transition(state: QueueState, ticket: TicketState, change: () => void): void {
  if (isWaiting(ticket)) {
    state.waiting.get(ticket.serviceId)?.delete(ticket.id);
    state.waitingPriority.get(ticket.serviceId)?.delete(ticket.id);
  }
  change();
  if (!isWaiting(ticket)) return;
  const serviceId = ticket.serviceId;
  const newest = state.newestWaiting.get(serviceId);
  indexOf(state.waiting, serviceId).add(ticket.id);
  if (ticket.priority !== null) indexOf(state.waitingPriority, serviceId).add(ticket.id);
  if (newest === undefined || byIssueTime(newest, ticket) < 0) {
    state.newestWaiting.set(serviceId, ticket);
    return;
  }
  reorder(state, state.waiting, serviceId);
  if (ticket.priority !== null) reorder(state, state.waitingPriority, serviceId);
}

/** A priority ticket counts for the service it is in now, as the forecast's arrivals look at today's tickets. */
function movePriorityCount(state: QueueState, from: string, to: string): void {
  state.priorityIssued.set(from, (state.priorityIssued.get(from) ?? 1) - 1);
  state.priorityIssued.set(to, (state.priorityIssued.get(to) ?? 0) + 1);
}

function recordServiceTime(state: QueueState, ticket: TicketState, finishedAt: string): void {
  const started = ticket.steps[0]?.startedAt;
  if (started === undefined) return;
  const seconds = Math.max(0, Math.floor((Date.parse(finishedAt) - Date.parse(started)) / 1000));
  const recent = state.recentService.get(ticket.serviceId) ?? [];
  recent.push(seconds);
  if (recent.length > RECENT_SERVICE_SAMPLE) recent.shift();
  state.recentService.set(ticket.serviceId, recent);
}

function pushRecent(map: Map<string, number[]>, key: string, seconds: number, keep: number): void {
  const recent = map.get(key) ?? [];
  recent.push(Math.max(0, Math.floor(seconds)));
  if (recent.length > keep) recent.shift();
  map.set(key, recent);
}

/** How long the counter was held by this ticket since its call: what the next one in line waited for. */
function recordCycle(state: QueueState, ticket: TicketState, at: string): void {
  if (ticket.calledAt === null || ticket.counterId === null) return;
  const seconds = (Date.parse(at) - Date.parse(ticket.calledAt)) / 1000;
  pushRecent(state.recentCycle, ticket.serviceId, seconds, RECENT_CYCLE_SAMPLE);
}

function endCurrentStep(ticket: TicketState, at: string): void {
  const step = currentStep(ticket);
  if (step) step.endedAt = at;
}

function releaseCounter(state: QueueState, ticket: TicketState): void {
  if (ticket.counterId === null) return;
  const counter = counterOf(state, ticket.counterId);
  if (counter.activeTicketId === ticket.id) counter.activeTicketId = null;
}

function mustGet(state: QueueState, ticketId: string): TicketState {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw new Error(`applyInPlace: unknown ticket ${ticketId}`);
  return ticket;
}

function applyCall(
  state: QueueState,
  ticketId: string,
  counterId: string,
  at: string,
  via: 'next' | 'specific',
): void {
  const ticket = mustGet(state, ticketId);
  transition(state, ticket, () => {
    ticket.status = 'called';
  });
  ticket.counterId = counterId;
  ticket.calledAt = at;
  ticket.firstCalledAt ??= at;
  ticket.recalls = 0;
  logCall(state.calls, { ticketId, counterId, serviceId: ticket.serviceId, calledAt: at });
  const counter = counterOf(state, counterId);
  counter.activeTicketId = ticketId;
  if (via === 'next') Object.assign(counter, streaksAfter(counter, ticket));
}

function applyIssued(state: QueueState, event: Extract<QueueEvent, { type: 'ticket:issued' }>): void {
  if (state.serviceDay !== event.serviceDay) {
    // A new local day: yesterday's queue is closed and numbering restarts.
    state.serviceDay = event.serviceDay;
    state.tickets.clear();
    state.sequences.clear();
    state.waiting.clear();
    state.waitingPriority.clear();
    state.newestWaiting.clear();
    state.priorityIssued.clear();
    state.firstIssuedAt = null;
    state.recentService.clear();
    state.recentCycle.clear();
    state.pauseLengths.clear();
    state.quotes.clear();
    state.calls.length = 0;
    // A ticket left at a counter belongs to the closed day: the counter must not stay busy with it for ever.
    for (const counter of state.counters.values()) {
      counter.streak = null;
      counter.bookedStreak = null;
      counter.activeTicketId = null;
    }
  }
  state.sequences.set(event.serviceId, event.seq);
  const ticket: TicketState = {
    id: event.ticketId,
    code: event.code,
    seq: event.seq,
    number: event.number,
    serviceDay: event.serviceDay,
    priority: event.priority,
    channel: event.channel,
    issuedAt: event.issuedAt,
    issuedBy: event.by,
    serviceId: event.serviceId,
    status: 'waiting',
    counterId: null,
    firstCalledAt: null,
    calledAt: null,
    recalls: 0,
    steps: [],
    finishedAt: null,
    outcome: null,
    lateTier: -1,
    printStatus: 'pending',
    ...(event.booking ? { booking: event.booking } : {}),
  };
  state.tickets.set(ticket.id, ticket);
  if (state.firstIssuedAt === null || ticket.issuedAt < state.firstIssuedAt)
    state.firstIssuedAt = ticket.issuedAt;
  if (ticket.priority !== null)
    state.priorityIssued.set(ticket.serviceId, (state.priorityIssued.get(ticket.serviceId) ?? 0) + 1);
  transition(state, ticket, () => undefined);
}

function applyCompensationRaised(
  state: QueueState,
  event: Extract<QueueEvent, { type: 'compensation:raised' }>,
): void {
  state.compensations.set(event.compensationId, {
    id: event.compensationId,
    kind: event.kind,
    ticketId: event.ticketId,
    counterId: event.counterId,
    raisedAt: event.at,
    raisedBy: event.by,
    note: event.note,
    tier: event.tier,
    remedy: event.remedy,
    officerConsequence: event.officerConsequence,
    resolution: null,
  });
  const ticket = event.ticketId === null ? undefined : state.tickets.get(event.ticketId);
  if (ticket && event.tier !== null) ticket.lateTier = event.tier;
}

/** Applies one event to the state in place (and returns that same state): see QueueState for why in place. */
export function applyInPlace(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'ticket:issued':
      applyIssued(state, event);
      break;
    case 'ticket:called':
      applyCall(state, event.ticketId, event.counterId, event.at, event.via);
      break;
    case 'ticket:recalled':
      mustGet(state, event.ticketId).recalls = event.recalls;
      logRecall(state.calls, event.ticketId, event.at);
      break;
    case 'ticket:step-started': {
      const ticket = mustGet(state, event.ticketId);
      endCurrentStep(ticket, event.at);
      ticket.status = 'serving';
      logOutcome(state.calls, ticket.id, 'serving');
      ticket.steps.push({ step: event.step, startedAt: event.at, endedAt: null });
      break;
    }
    case 'ticket:finished': {
      const ticket = mustGet(state, event.ticketId);
      endCurrentStep(ticket, event.at);
      recordCycle(state, ticket, event.at);
      releaseCounter(state, ticket);
      ticket.status = 'done';
      logOutcome(state.calls, ticket.id, 'done');
      ticket.finishedAt = event.at;
      ticket.outcome = event.outcome;
      recordServiceTime(state, ticket, event.at);
      break;
    }
    case 'ticket:no-show': {
      const ticket = mustGet(state, event.ticketId);
      recordCycle(state, ticket, event.at);
      releaseCounter(state, ticket);
      ticket.status = 'no_show';
      logOutcome(state.calls, ticket.id, 'no_show');
      break;
    }
    case 'ticket:reactivated': {
      const ticket = mustGet(state, event.ticketId);
      transition(state, ticket, () => {
        ticket.status = 'waiting';
      });
      ticket.recalls = 0;
      // Waiting again, at no counter: a later transfer or the MOD's timings must not name the old one.
      ticket.counterId = null;
      break;
    }
    case 'ticket:transferred': {
      const ticket = mustGet(state, event.ticketId);
      endCurrentStep(ticket, event.at);
      if (event.counterId !== null) recordCycle(state, ticket, event.at);
      releaseCounter(state, ticket);
      logOutcome(state.calls, ticket.id, 'transferred');
      if (ticket.priority !== null) movePriorityCount(state, ticket.serviceId, event.toServiceId);
      transition(state, ticket, () => {
        ticket.serviceId = event.toServiceId;
        ticket.status = 'transferred';
      });
      ticket.counterId = null;
      ticket.recalls = 0;
      break;
    }
    case 'ticket:cancelled': {
      const ticket = mustGet(state, event.ticketId);
      endCurrentStep(ticket, event.at);
      releaseCounter(state, ticket);
      logOutcome(state.calls, ticket.id, 'cancelled');
      transition(state, ticket, () => {
        ticket.status = 'cancelled';
      });
      ticket.finishedAt = event.at;
      break;
    }
    case 'counter:paused': {
      const counter = counterOf(state, event.counterId);
      counter.pausedReason = event.reason;
      counter.pausedSince = event.at;
      break;
    }
    case 'counter:resumed': {
      const counter = counterOf(state, event.counterId);
      if (counter.pausedReason !== null && counter.pausedSince !== null) {
        const seconds = (Date.parse(event.at) - Date.parse(counter.pausedSince)) / 1000;
        pushRecent(state.pauseLengths, counter.pausedReason, seconds, RECENT_CYCLE_SAMPLE);
      }
      counter.pausedReason = null;
      counter.pausedSince = null;
      break;
    }
    case 'compensation:raised':
      applyCompensationRaised(state, event);
      break;
    case 'compensation:escalated': {
      const record = state.compensations.get(event.compensationId);
      if (record) {
        record.tier = event.tier;
        record.remedy = event.remedy;
      }
      const ticket = state.tickets.get(event.ticketId);
      if (ticket) ticket.lateTier = event.tier;
      break;
    }
    case 'ticket:printed':
      mustGet(state, event.ticketId).printStatus = 'printed';
      break;
    case 'ticket:print-failed':
      mustGet(state, event.ticketId).printStatus = 'print_failed';
      break;
    case 'ticket:wait-quoted':
      state.quotes.set(event.ticketId, event);
      break;
    case 'compensation:resolved': {
      const record = state.compensations.get(event.compensationId);
      if (record) {
        record.resolution = {
          at: event.at,
          by: event.by,
          remedyGiven: event.remedyGiven,
          officerConsequence: event.officerConsequence,
          note: event.note,
        };
      }
      break;
    }
    default:
      assertNever(event);
  }
  return state;
}

/** The same range (and reason) shown again is not a new promise. */
export function sameShown(
  a: Pick<WaitQuoted, 'low' | 'high' | 'holdUp'>,
  b: Pick<WaitQuoted, 'low' | 'high' | 'holdUp'> | undefined,
): boolean {
  return b !== undefined && a.low === b.low && a.high === b.high && a.holdUp === b.holdUp;
}

export function fold(events: Iterable<QueueEvent>, state: QueueState = initialState()): QueueState {
  for (const event of events) applyInPlace(state, event);
  return state;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

export type { FinishOutcome };
