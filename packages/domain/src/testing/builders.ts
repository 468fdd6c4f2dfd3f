// Small builders for events and commands, so a test reads as its scenario.
// They only fill in fields the scenario does not care about; every value that matters
// (numbers, sequences, instants, tiers) is passed in by the test, written by hand.
import type * as C from '../commands.ts';
import type { CounterStep, ManualCompensationKind, OfficerConsequence } from '../config.ts';
import type {
  CallVia,
  CompensationEscalated,
  CompensationRaised,
  CompensationResolved,
  CounterPaused,
  CounterResumed,
  FinishOutcome,
  PriorityCategory,
  SopStepStarted,
  TicketCalled,
  TicketCancelled,
  TicketFinished,
  TicketIssued,
  TicketNoShow,
  TicketReactivated,
  TicketRecalled,
  TicketTransferred,
} from '../events.ts';
import { at } from './fixtures.ts';

export const DAY = '2026-11-25';
export const OFFICER = 'petugas-1';

export interface IssuedOptions {
  readonly serviceId?: string;
  readonly priority?: PriorityCategory | null;
  readonly serviceDay?: string;
  readonly issuedAt?: string;
}

/** A ticket issued `minute` minutes after 08:00 WIB on 2026-11-25. */
export function issued(
  ticketId: string,
  number: string,
  seq: number,
  minute: number,
  options: IssuedOptions = {},
): TicketIssued {
  return {
    type: 'ticket:issued',
    ticketId,
    code: `code-${ticketId}`,
    serviceId: options.serviceId ?? 'ktp',
    serviceDay: options.serviceDay ?? DAY,
    seq,
    number,
    priority: options.priority ?? null,
    channel: 'kiosk',
    issuedAt: options.issuedAt ?? at(minute),
    by: 'kiosk-1',
  };
}

export function called(
  ticketId: string,
  counterId: string,
  minute: number,
  via: CallVia = 'next',
): TicketCalled {
  return { type: 'ticket:called', ticketId, counterId, via, at: at(minute), by: OFFICER };
}

export function recalled(
  ticketId: string,
  counterId: string,
  recalls: number,
  minute: number,
): TicketRecalled {
  return { type: 'ticket:recalled', ticketId, counterId, recalls, at: at(minute), by: OFFICER };
}

export function stepStarted(
  ticketId: string,
  counterId: string,
  step: CounterStep,
  minute: number,
): SopStepStarted {
  return { type: 'ticket:step-started', ticketId, counterId, step, at: at(minute), by: OFFICER };
}

export function finished(
  ticketId: string,
  counterId: string,
  minute: number,
  outcome: FinishOutcome = 'completed',
): TicketFinished {
  return { type: 'ticket:finished', ticketId, counterId, outcome, at: at(minute), by: OFFICER };
}

export function noShow(ticketId: string, counterId: string, minute: number): TicketNoShow {
  return { type: 'ticket:no-show', ticketId, counterId, at: at(minute), by: OFFICER };
}

export function reactivated(ticketId: string, minute: number): TicketReactivated {
  return { type: 'ticket:reactivated', ticketId, at: at(minute), by: OFFICER };
}

export function transferred(
  ticketId: string,
  fromServiceId: string,
  toServiceId: string,
  counterId: string | null,
  minute: number,
): TicketTransferred {
  return {
    type: 'ticket:transferred',
    ticketId,
    fromServiceId,
    toServiceId,
    counterId,
    at: at(minute),
    by: OFFICER,
  };
}

export function cancelled(ticketId: string, counterId: string | null, minute: number): TicketCancelled {
  return { type: 'ticket:cancelled', ticketId, counterId, at: at(minute), by: OFFICER };
}

export function paused(counterId: string, reason: string, minute: number): CounterPaused {
  return { type: 'counter:paused', counterId, reason, at: at(minute), by: OFFICER };
}

export function resumed(counterId: string, minute: number): CounterResumed {
  return { type: 'counter:resumed', counterId, at: at(minute), by: OFFICER };
}

export const FREE_DRINK = { id: 'Permohonan maaf dan minuman gratis', en: 'An apology and a free drink' };

/** The automatic late-service record for a ticket, as the test config's single 15-minute tier words it. */
export function lateRaised(
  ticketId: string,
  minute: number,
  tier = 0,
  remedy: CompensationRaised['remedy'] = FREE_DRINK,
): CompensationRaised {
  return {
    type: 'compensation:raised',
    compensationId: `late-${ticketId}`,
    kind: 'late_service',
    ticketId,
    counterId: null,
    tier,
    remedy,
    officerConsequence: 'none',
    note: null,
    at: at(minute),
    by: 'system',
  };
}

export function lateEscalated(
  ticketId: string,
  minute: number,
  tier: number,
  remedy: CompensationEscalated['remedy'],
): CompensationEscalated {
  return {
    type: 'compensation:escalated',
    compensationId: `late-${ticketId}`,
    ticketId,
    tier,
    remedy,
    at: at(minute),
    by: 'system',
  };
}

export function resolved(
  compensationId: string,
  remedyGiven: string,
  officerConsequence: OfficerConsequence,
  minute: number,
): CompensationResolved {
  return {
    type: 'compensation:resolved',
    compensationId,
    remedyGiven,
    officerConsequence,
    note: null,
    at: at(minute),
    by: 'mod-1',
  };
}

// Commands

export function issue(
  ticketId: string,
  minute: number,
  serviceId = 'ktp',
  priority: PriorityCategory | null = null,
): C.IssueTicket {
  return {
    type: 'IssueTicket',
    ticketId,
    code: `code-${ticketId}`,
    serviceId,
    priority,
    channel: 'kiosk',
    now: at(minute),
    by: 'kiosk-1',
  };
}

/** Issue at an explicit instant (for midnight and opening-hour scenarios). */
export function issueAt(ticketId: string, now: string, serviceId = 'ktp'): C.IssueTicket {
  return { ...issue(ticketId, 0, serviceId), now };
}

export function callNext(counterId: string, minute: number): C.CallNext {
  return { type: 'CallNext', counterId, now: at(minute), by: OFFICER };
}

export function callTicket(counterId: string, ticketId: string, minute: number): C.CallTicket {
  return { type: 'CallTicket', counterId, ticketId, now: at(minute), by: OFFICER };
}

export function recall(counterId: string, minute: number): C.Recall {
  return { type: 'Recall', counterId, now: at(minute), by: OFFICER };
}

export function advance(ticketId: string, minute: number): C.AdvanceStep {
  return { type: 'AdvanceStep', ticketId, now: at(minute), by: OFFICER };
}

export function finish(
  ticketId: string,
  minute: number,
  outcome: FinishOutcome = 'completed',
): C.FinishTicket {
  return { type: 'FinishTicket', ticketId, outcome, now: at(minute), by: OFFICER };
}

export function markNoShow(ticketId: string, minute: number): C.MarkNoShow {
  return { type: 'MarkNoShow', ticketId, now: at(minute), by: OFFICER };
}

export function reactivate(ticketId: string, minute: number): C.Reactivate {
  return { type: 'Reactivate', ticketId, now: at(minute), by: OFFICER };
}

/** Floor staff's transfer unless `deskCounterId` names the officer's counter it is asked from. */
export function transfer(
  ticketId: string,
  serviceId: string,
  minute: number,
  deskCounterId: string | null = null,
): C.TransferTicket {
  return { type: 'TransferTicket', ticketId, serviceId, now: at(minute), by: OFFICER, deskCounterId };
}

/** Floor staff's cancellation unless `deskCounterId` names the officer's counter it is asked from. */
export function cancel(
  ticketId: string,
  minute: number,
  deskCounterId: string | null = null,
): C.CancelTicket {
  return { type: 'CancelTicket', ticketId, now: at(minute), by: OFFICER, deskCounterId };
}

export function pause(counterId: string, reason: string, minute: number): C.PauseCounter {
  return { type: 'PauseCounter', counterId, reason, now: at(minute), by: OFFICER };
}

export function resume(counterId: string, minute: number): C.ResumeCounter {
  return { type: 'ResumeCounter', counterId, now: at(minute), by: OFFICER };
}

export function checkDeadlines(minute: number): C.CheckDeadlines {
  return { type: 'CheckDeadlines', now: at(minute), by: 'scheduler' };
}

export function raiseCompensation(
  compensationId: string,
  kind: ManualCompensationKind,
  minute: number,
  target: { ticketId?: string; counterId?: string; note?: string } = {},
): C.RaiseCompensation {
  return {
    type: 'RaiseCompensation',
    compensationId,
    kind,
    ticketId: target.ticketId ?? null,
    counterId: target.counterId ?? null,
    note: target.note ?? null,
    now: at(minute),
    by: 'mod-1',
  };
}

export function resolveCompensation(
  compensationId: string,
  remedyGiven: string,
  officerConsequence: OfficerConsequence,
  minute: number,
): C.ResolveCompensation {
  return {
    type: 'ResolveCompensation',
    compensationId,
    remedyGiven,
    officerConsequence,
    note: null,
    now: at(minute),
    by: 'mod-1',
  };
}
