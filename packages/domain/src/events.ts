import type { CompensationKind, CounterStep, LocalizedText, OfficerConsequence } from './config.ts';

export const PRIORITY_CATEGORIES = ['lansia', 'disabilitas', 'ibu_hamil', 'anak', 'korban_bencana'] as const;
/** Pelayanan khusus, UU 25/2009 Pasal 29. `null` is a regular ticket. */
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

export type IssueChannel = 'kiosk' | 'fo' | 'mod';

/** A ticket made by checking in an online booking: called by the booking call rule, shown as booked. */
export interface BookedMark {
  readonly code: string;
  readonly sessionId: string;
  /** The session's start (instant): under `booked-first` the ticket goes first once it has passed. */
  readonly startsAt: string;
}
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
  /** Present only on a checked-in booking's ticket. */
  readonly booking?: BookedMark;
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

/**
 * Where a wait estimate was shown to the citizen: every promise is logged so its accuracy can be measured. A reprint
 * (FO, MOD, the kiosk after a failed print) puts the current estimate on paper: a promise of its own.
 */
export const QUOTE_CHANNELS = ['issue', 'status', 'message', 'reprint'] as const;
export type QuoteChannel = (typeof QUOTE_CHANNELS)[number];

/** Why no counter is calling for the service right now: the estimate then counts from when one will. */
export type WaitHoldUp = 'paused' | 'closed';

/**
 * The wait a citizen was told (kiosk screen and paper, status page, message), with the naive estimate of the same
 * moment beside it: when the ticket is called the promise can be judged (wait-accuracy report).
 */
export interface WaitQuoted {
  readonly type: 'ticket:wait-quoted';
  readonly ticketId: string;
  readonly serviceId: string;
  readonly channel: QuoteChannel;
  /** Tickets ahead in call order when quoted. */
  readonly ahead: number;
  /** Point estimate in minutes; null when no counter serves the service at all. */
  readonly minutes: number | null;
  /** The range shown when uncertainty is large; equal to `minutes` when a single figure was shown. */
  readonly low: number | null;
  readonly high: number | null;
  /** "People ahead × recent mean service time ÷ open counters", null when no counter is open. */
  readonly naiveMinutes: number | null;
  readonly holdUp: WaitHoldUp | null;
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
  | TicketPrintFailed
  | WaitQuoted;

export type QueueEventType = QueueEvent['type'];

export const SYSTEM_ACTOR = 'system';

/** When the event happened, whatever its kind. */
export function eventTime(event: QueueEvent): string {
  return event.type === 'ticket:issued' ? event.issuedAt : event.at;
}
