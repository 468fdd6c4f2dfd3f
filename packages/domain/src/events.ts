import type { CompensationKind, CounterStep, LocalizedText, OfficerConsequence } from './config.ts';

export const PRIORITY_CATEGORIES = ['lansia', 'disabilitas', 'ibu_hamil', 'anak', 'korban_bencana'] as const;
/** Pelayanan khusus, UU 25/2009 Pasal 29. `null` is a regular ticket. */
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

export type IssueChannel = 'kiosk' | 'fo' | 'mod';
export type CallVia = 'next' | 'specific';
export type FinishOutcome = 'completed' | 'handed_to_agency';

// Event names are the wire names: a broadcast is the event itself, past tense, `resource:action`.
export interface TicketIssued {
  readonly type: 'ticket:issued';
  readonly ticketId: string;
  readonly code: string;
  readonly serviceId: string;
  readonly serviceDay: string;
  readonly seq: number;
  readonly number: string;
  readonly priority: PriorityCategory | null;
  readonly channel: IssueChannel;
  readonly issuedAt: string;
  readonly by: string;
}

export interface TicketCalled {
  readonly type: 'ticket:called';
  readonly ticketId: string;
  readonly counterId: string;
  readonly via: CallVia;
  readonly at: string;
  readonly by: string;
}

export interface TicketRecalled {
  readonly type: 'ticket:recalled';
  readonly ticketId: string;
  readonly counterId: string;
  readonly recalls: number;
  readonly at: string;
  readonly by: string;
}

export interface SopStepStarted {
  readonly type: 'ticket:step-started';
  readonly ticketId: string;
  readonly counterId: string;
  readonly step: CounterStep;
  readonly at: string;
  readonly by: string;
}

export interface TicketFinished {
  readonly type: 'ticket:finished';
  readonly ticketId: string;
  readonly counterId: string;
  readonly outcome: FinishOutcome;
  readonly at: string;
  readonly by: string;
}

export interface TicketNoShow {
  readonly type: 'ticket:no-show';
  readonly ticketId: string;
  readonly counterId: string;
  readonly at: string;
  readonly by: string;
}

export interface TicketReactivated {
  readonly type: 'ticket:reactivated';
  readonly ticketId: string;
  readonly at: string;
  readonly by: string;
}

export interface TicketTransferred {
  readonly type: 'ticket:transferred';
  readonly ticketId: string;
  readonly fromServiceId: string;
  readonly toServiceId: string;
  readonly counterId: string | null;
  readonly at: string;
  readonly by: string;
}

export interface TicketCancelled {
  readonly type: 'ticket:cancelled';
  readonly ticketId: string;
  readonly counterId: string | null;
  readonly at: string;
  readonly by: string;
}

export interface CounterPaused {
  readonly type: 'counter:paused';
  readonly counterId: string;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
}

export interface CounterResumed {
  readonly type: 'counter:resumed';
  readonly counterId: string;
  readonly at: string;
  readonly by: string;
}

export interface CompensationRaised {
  readonly type: 'compensation:raised';
  readonly compensationId: string;
  readonly kind: CompensationKind;
  readonly ticketId: string | null;
  readonly counterId: string | null;
  /** Late-service tier reached (index into the rule's tiers); null for manual kinds. */
  readonly tier: number | null;
  readonly remedy: LocalizedText;
  readonly officerConsequence: OfficerConsequence;
  readonly note: string | null;
  readonly at: string;
  readonly by: string;
}

export interface CompensationEscalated {
  readonly type: 'compensation:escalated';
  readonly compensationId: string;
  readonly ticketId: string;
  readonly tier: number;
  readonly remedy: LocalizedText;
  readonly at: string;
  readonly by: string;
}

export interface CompensationResolved {
  readonly type: 'compensation:resolved';
  readonly compensationId: string;
  readonly remedyGiven: string;
  readonly officerConsequence: OfficerConsequence;
  readonly note: string | null;
  readonly at: string;
  readonly by: string;
}

/** Where the ticket's paper is: printing is recorded so a failed print is never silently lost. */
export type PrintStatus = 'pending' | 'printed' | 'print_failed';

export interface TicketPrinted {
  readonly type: 'ticket:printed';
  readonly ticketId: string;
  readonly reprint: boolean;
  readonly at: string;
  readonly by: string;
}

export interface TicketPrintFailed {
  readonly type: 'ticket:print-failed';
  readonly ticketId: string;
  readonly reason: string;
  readonly at: string;
  readonly by: string;
}

export type QueueEvent =
  | TicketIssued
  | TicketCalled
  | TicketRecalled
  | SopStepStarted
  | TicketFinished
  | TicketNoShow
  | TicketReactivated
  | TicketTransferred
  | TicketCancelled
  | CounterPaused
  | CounterResumed
  | CompensationRaised
  | CompensationEscalated
  | CompensationResolved
  | TicketPrinted
  | TicketPrintFailed;

export type QueueEventType = QueueEvent['type'];

export const SYSTEM_ACTOR = 'system';

/** When the event happened, whatever its kind. */
export function eventTime(event: QueueEvent): string {
  return event.type === 'ticket:issued' ? event.issuedAt : event.at;
}
