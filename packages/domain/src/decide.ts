import { pickNext, ticketsAhead } from './call-order.ts';
import type * as C from './commands.ts';
import {
  COUNTER_STEPS,
  findCounter,
  findService,
  type CounterConfig,
  type QueueConfig,
  type ServiceConfig,
} from './config.ts';
import { DomainError } from './errors.ts';
import { SYSTEM_ACTOR, type QueueEvent } from './events.ts';
import { serviceDayOf } from './local-time.ts';
import { formatTicketNumber } from './numbering.ts';
import { isServiceOpen } from './opening-hours.ts';
import {
  assertNever,
  currentStep,
  isWaiting,
  sameShown,
  type CounterState,
  type QueueState,
  type TicketState,
} from './state.ts';
import { lateDeadline } from './timing.ts';
import { estimateTicketWait, naiveTicketWait } from './wait-estimate.ts';
import { forecastCalls } from './wait-forecast.ts';

type Events = QueueEvent[];

function service(config: QueueConfig, serviceId: string): ServiceConfig {
  const found = findService(config, serviceId);
  if (!found) throw new DomainError('SERVICE_NOT_FOUND', serviceId);
  return found;
}

function counterConfig(config: QueueConfig, counterId: string): CounterConfig {
  const found = findCounter(config, counterId);
  if (!found) throw new DomainError('COUNTER_NOT_FOUND', counterId);
  return found;
}

const IDLE_COUNTER = { pausedReason: null, pausedSince: null, activeTicketId: null, streak: null };

function counterState(state: QueueState, counterId: string): Omit<CounterState, 'id'> {
  return state.counters.get(counterId) ?? IDLE_COUNTER;
}

function ticket(state: QueueState, ticketId: string): TicketState {
  const found = state.tickets.get(ticketId);
  if (!found) throw new DomainError('TICKET_NOT_FOUND', ticketId);
  return found;
}

/** A ticket of today's queue; tickets of earlier days are history and take no more commands. */
function todaysTicket(state: QueueState, config: QueueConfig, ticketId: string, now: string): TicketState {
  const found = ticket(state, ticketId);
  if (found.serviceDay !== serviceDayOf(now, config.timeZone)) {
    throw new DomainError('TICKET_NOT_TODAY', found.number);
  }
  return found;
}

function requireStatus(t: TicketState, allowed: readonly TicketState['status'][]): void {
  if (!allowed.includes(t.status)) throw new DomainError('INVALID_TRANSITION', `${t.number} is ${t.status}`);
}

/** A counter may call only when it is open and has nobody at the desk: this is what makes a double press harmless. */
function requireCounterFree(state: QueueState, counterId: string): void {
  const counter = counterState(state, counterId);
  if (counter.pausedReason !== null) throw new DomainError('COUNTER_PAUSED', counterId);
  if (counter.activeTicketId !== null) throw new DomainError('COUNTER_BUSY', counterId);
}

function issue(cmd: C.IssueTicket, state: QueueState, config: QueueConfig): Events {
  const svc = service(config, cmd.serviceId);
  if (!isServiceOpen(config, svc, cmd.now)) throw new DomainError('SERVICE_CLOSED', svc.id);
  const serviceDay = serviceDayOf(cmd.now, config.timeZone);
  const lastSeq = state.serviceDay === serviceDay ? (state.sequences.get(svc.id) ?? 0) : 0;
  const seq = lastSeq + 1;
  return [
    {
      type: 'ticket:issued',
      ticketId: cmd.ticketId,
      code: cmd.code,
      serviceId: svc.id,
      serviceDay,
      seq,
      number: formatTicketNumber(svc.prefix, seq, config.numberWidth),
      priority: cmd.priority,
      channel: cmd.channel,
      issuedAt: cmd.now,
      by: cmd.by,
      ...(cmd.booking ? { booking: cmd.booking } : {}),
    },
  ];
}

function callNext(cmd: C.CallNext, state: QueueState, config: QueueConfig): Events {
  const counter = counterConfig(config, cmd.counterId);
  requireCounterFree(state, counter.id);
  // Until today's first ticket rolls the state over, what waits is yesterday's: nothing to call.
  if (state.serviceDay !== serviceDayOf(cmd.now, config.timeZone)) return [];
  const next = pickNext(state, counter, config.priorityRatio, {
    rule: config.bookingCallRule ?? null,
    now: cmd.now,
  });
  if (!next) return [];
  return [
    { type: 'ticket:called', ticketId: next.id, counterId: counter.id, via: 'next', at: cmd.now, by: cmd.by },
  ];
}

function callTicket(cmd: C.CallTicket, state: QueueState, config: QueueConfig): Events {
  const counter = counterConfig(config, cmd.counterId);
  const t = todaysTicket(state, config, cmd.ticketId, cmd.now);
  if (!isWaiting(t)) throw new DomainError('INVALID_TRANSITION', `${t.number} is ${t.status}`);
  if (!counter.serviceIds.includes(t.serviceId)) throw new DomainError('SERVICE_NOT_AT_COUNTER', t.serviceId);
  requireCounterFree(state, counter.id);
  return [
    {
      type: 'ticket:called',
      ticketId: t.id,
      counterId: counter.id,
      via: 'specific',
      at: cmd.now,
      by: cmd.by,
    },
  ];
}

function activeTicketAt(state: QueueState, config: QueueConfig, counterId: string, now: string): TicketState {
  counterConfig(config, counterId);
  const activeId = counterState(state, counterId).activeTicketId;
  if (activeId === null) throw new DomainError('COUNTER_IDLE', counterId);
  return todaysTicket(state, config, activeId, now);
}

function recall(cmd: C.Recall, state: QueueState, config: QueueConfig): Events {
  const t = activeTicketAt(state, config, cmd.counterId, cmd.now);
  requireStatus(t, ['called']);
  return [
    {
      type: 'ticket:recalled',
      ticketId: t.id,
      counterId: cmd.counterId,
      recalls: t.recalls + 1,
      at: cmd.now,
      by: cmd.by,
    },
  ];
}

function advanceStep(cmd: C.AdvanceStep, state: QueueState, config: QueueConfig): Events {
  const t = todaysTicket(state, config, cmd.ticketId, cmd.now);
  requireStatus(t, ['called', 'serving']);
  const current = currentStep(t);
  const index = current ? COUNTER_STEPS.indexOf(current.step) + 1 : 0;
  const step = COUNTER_STEPS[index];
  if (step === undefined) throw new DomainError('LAST_STEP_REACHED', t.number);
  return [
    {
      type: 'ticket:step-started',
      ticketId: t.id,
      counterId: t.counterId ?? '',
      step,
      at: cmd.now,
      by: cmd.by,
    },
  ];
}

function finish(cmd: C.FinishTicket, state: QueueState, config: QueueConfig): Events {
  const t = todaysTicket(state, config, cmd.ticketId, cmd.now);
  requireStatus(t, ['serving']);
  return [
    {
      type: 'ticket:finished',
      ticketId: t.id,
      counterId: t.counterId ?? '',
      outcome: cmd.outcome,
      at: cmd.now,
      by: cmd.by,
    },
  ];
}

function noShow(cmd: C.MarkNoShow, state: QueueState, config: QueueConfig): Events {
  const t = todaysTicket(state, config, cmd.ticketId, cmd.now);
  requireStatus(t, ['called']);
  if (t.recalls < config.noShowAfterRecalls) {
    throw new DomainError('NO_SHOW_TOO_EARLY', `${t.recalls}/${config.noShowAfterRecalls}`);
  }
  return [{ type: 'ticket:no-show', ticketId: t.id, counterId: t.counterId ?? '', at: cmd.now, by: cmd.by }];
}

function reactivate(cmd: C.Reactivate, state: QueueState, config: QueueConfig): Events {
  const t = todaysTicket(state, config, cmd.ticketId, cmd.now);
  requireStatus(t, ['no_show']);
  return [{ type: 'ticket:reactivated', ticketId: t.id, at: cmd.now, by: cmd.by }];
}

/** An officer (asking from a counter) may act only on the ticket called or served at that counter. */
function requireAtDesk(t: TicketState, deskCounterId: string | null): void {
  if (deskCounterId === null) return;
  const atDesk = (t.status === 'called' || t.status === 'serving') && t.counterId === deskCounterId;
  if (!atDesk) throw new DomainError('TICKET_NOT_AT_YOUR_COUNTER', t.number);
}

function transfer(cmd: C.TransferTicket, state: QueueState, config: QueueConfig): Events {
  const t = todaysTicket(state, config, cmd.ticketId, cmd.now);
  requireStatus(t, ['waiting', 'transferred', 'called', 'serving']);
  requireAtDesk(t, cmd.deskCounterId);
  const target = service(config, cmd.serviceId);
  if (target.id === t.serviceId) throw new DomainError('SAME_SERVICE', target.id);
  // A citizen sent to a service that takes nobody now would wait for a call that never comes.
  if (!isServiceOpen(config, target, cmd.now)) throw new DomainError('SERVICE_CLOSED', target.id);
  return [
    {
      type: 'ticket:transferred',
      ticketId: t.id,
      fromServiceId: t.serviceId,
      toServiceId: target.id,
      counterId: t.counterId,
      at: cmd.now,
      by: cmd.by,
    },
  ];
}

function cancel(cmd: C.CancelTicket, state: QueueState, config: QueueConfig): Events {
  const t = todaysTicket(state, config, cmd.ticketId, cmd.now);
  requireStatus(t, ['waiting', 'transferred', 'called', 'serving', 'no_show']);
  requireAtDesk(t, cmd.deskCounterId);
  const atCounter = t.status === 'called' || t.status === 'serving' ? t.counterId : null;
  return [{ type: 'ticket:cancelled', ticketId: t.id, counterId: atCounter, at: cmd.now, by: cmd.by }];
}

function pause(cmd: C.PauseCounter, state: QueueState, config: QueueConfig): Events {
  counterConfig(config, cmd.counterId);
  requireCounterFree(state, cmd.counterId);
  return [{ type: 'counter:paused', counterId: cmd.counterId, reason: cmd.reason, at: cmd.now, by: cmd.by }];
}

function resume(cmd: C.ResumeCounter, state: QueueState, config: QueueConfig): Events {
  counterConfig(config, cmd.counterId);
  if (counterState(state, cmd.counterId).pausedReason === null)
    throw new DomainError('COUNTER_NOT_PAUSED', cmd.counterId);
  return [{ type: 'counter:resumed', counterId: cmd.counterId, at: cmd.now, by: cmd.by }];
}

/** Raises (tier 0) or escalates late-service compensation for every ticket whose deadline has passed. */
function checkDeadlines(cmd: C.CheckDeadlines, state: QueueState, config: QueueConfig): Events {
  const now = Date.parse(cmd.now);
  const events: Events = [];
  for (const t of state.tickets.values()) {
    let tier = t.lateTier;
    // A ticket may cross several tiers in one check (e.g. after the hub was down); record only the highest.
    while (true) {
      const due = lateDeadline(t, config, tier + 1);
      if (due === null || due > now) break;
      tier += 1;
    }
    if (tier === t.lateTier) continue;
    const rule = config.compensation.lateService[tier];
    if (!rule) continue;
    const compensationId = `late-${t.id}`;
    events.push(
      t.lateTier < 0
        ? {
            type: 'compensation:raised',
            compensationId,
            kind: 'late_service',
            ticketId: t.id,
            counterId: null,
            tier,
            remedy: rule.remedy,
            officerConsequence: 'none',
            note: null,
            at: cmd.now,
            by: SYSTEM_ACTOR,
          }
        : {
            type: 'compensation:escalated',
            compensationId,
            ticketId: t.id,
            tier,
            remedy: rule.remedy,
            at: cmd.now,
            by: SYSTEM_ACTOR,
          },
    );
  }
  return events;
}

function raiseCompensation(cmd: C.RaiseCompensation, state: QueueState, config: QueueConfig): Events {
  if (cmd.ticketId !== null) ticket(state, cmd.ticketId);
  if (cmd.counterId !== null) counterConfig(config, cmd.counterId);
  const rule = config.compensation.manual[cmd.kind];
  return [
    {
      type: 'compensation:raised',
      compensationId: cmd.compensationId,
      kind: cmd.kind,
      ticketId: cmd.ticketId,
      counterId: cmd.counterId,
      tier: null,
      remedy: rule.remedy,
      officerConsequence: rule.officerConsequence,
      note: cmd.note,
      at: cmd.now,
      by: cmd.by,
    },
  ];
}

function resolveCompensation(cmd: C.ResolveCompensation, state: QueueState): Events {
  const record = state.compensations.get(cmd.compensationId);
  if (!record) throw new DomainError('COMPENSATION_NOT_FOUND', cmd.compensationId);
  if (record.resolution) throw new DomainError('COMPENSATION_ALREADY_RESOLVED', cmd.compensationId);
  return [
    {
      type: 'compensation:resolved',
      compensationId: record.id,
      remedyGiven: cmd.remedyGiven,
      officerConsequence: cmd.officerConsequence,
      note: cmd.note,
      at: cmd.now,
      by: cmd.by,
    },
  ];
}

/** Any ticket of the day may be (re)printed, whatever its queue state: the paper is the citizen's proof. */
function recordPrint(cmd: C.RecordPrint, state: QueueState): Events {
  const t = ticket(state, cmd.ticketId);
  if (cmd.ok) {
    return [
      {
        type: 'ticket:printed',
        ticketId: t.id,
        reprint: t.printStatus !== 'pending',
        at: cmd.now,
        by: cmd.by,
      },
    ];
  }
  return [
    { type: 'ticket:print-failed', ticketId: t.id, reason: cmd.reason ?? 'unknown', at: cmd.now, by: cmd.by },
  ];
}

/**
 * Logs the wait shown for each of these tickets (still waiting, today's), with the naive estimate beside it. A
 * status page showing what it showed before makes no new promise, so an unchanged quote is not logged again.
 */
const ON_PAPER: ReadonlySet<C.QuoteWait['channel']> = new Set(['issue', 'reprint']);

function quoteWait(cmd: C.QuoteWait, state: QueueState, config: QueueConfig): Events {
  const today = serviceDayOf(cmd.now, config.timeZone);
  const tickets = cmd.ticketIds
    .map((id) => state.tickets.get(id))
    .filter((t): t is TicketState => t !== undefined && t.serviceDay === today && isWaiting(t));
  if (tickets.length === 0) return [];
  const services = [...new Set(tickets.map((t) => t.serviceId))];
  const forecast = forecastCalls(state, config, cmd.now, [], services, new Set(tickets.map((t) => t.id)));
  const events: Events = [];
  for (const t of tickets) {
    const shown = estimateTicketWait(state, config, t, cmd.now, forecast);
    // Paper is a promise each time it is printed; a screen that shows the same again promises nothing new.
    if (!ON_PAPER.has(cmd.channel) && sameShown(shown, state.quotes.get(t.id))) continue;
    const ahead = ticketsAhead(state, t, config);
    events.push({
      type: 'ticket:wait-quoted',
      ticketId: t.id,
      serviceId: t.serviceId,
      channel: cmd.channel,
      ahead,
      minutes: shown.minutes,
      low: shown.low,
      high: shown.high,
      naiveMinutes: naiveTicketWait(state, config, t, ahead),
      holdUp: shown.holdUp,
      at: cmd.now,
      by: cmd.by,
    });
  }
  return events;
}

/** The queue's decider: what happens when this command meets this state. Throws DomainError when a rule says no. */
export function decide(command: C.QueueCommand, state: QueueState, config: QueueConfig): QueueEvent[] {
  switch (command.type) {
    case 'IssueTicket':
      return issue(command, state, config);
    case 'CallNext':
      return callNext(command, state, config);
    case 'CallTicket':
      return callTicket(command, state, config);
    case 'Recall':
      return recall(command, state, config);
    case 'AdvanceStep':
      return advanceStep(command, state, config);
    case 'FinishTicket':
      return finish(command, state, config);
    case 'MarkNoShow':
      return noShow(command, state, config);
    case 'Reactivate':
      return reactivate(command, state, config);
    case 'TransferTicket':
      return transfer(command, state, config);
    case 'CancelTicket':
      return cancel(command, state, config);
    case 'PauseCounter':
      return pause(command, state, config);
    case 'ResumeCounter':
      return resume(command, state, config);
    case 'CheckDeadlines':
      return checkDeadlines(command, state, config);
    case 'RaiseCompensation':
      return raiseCompensation(command, state, config);
    case 'RecordPrint':
      return recordPrint(command, state);
    case 'ResolveCompensation':
      return resolveCompensation(command, state);
    case 'QuoteWait':
      return quoteWait(command, state, config);
    default:
      return assertNever(command);
  }
}
