import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintDeadlineRule,
  ComplaintStatus,
} from './complaint-types.ts';
import type { BookingEvent } from './booking-events.ts';
import type { CentralFeedApplied, CentralFeedRefused } from './central-feed-events.ts';
import type { Holiday } from './working-days.ts';
import type { QueueEvent } from './events.ts';
import type { MobileEvent } from './mobile-events.ts';
import type { ReportChainRecord } from './report-chain.ts';
import type { SkmRespondent } from './skm-respondent.ts';
import type { SkmScore } from './skm-unsur.ts';
import type { MessageContactGiven } from './message-events.ts';

/*
 * The events of every feature besides the live queue: the register, the survey, the report chain, settings,
 * accounts, devices and the calendar. With the queue's events they make the hub's one log (`events`): every
 * read-model table is these folded in order. Secrets never appear: a PIN as its scrypt hash, a device token as its
 * SHA-256.
 */

/** Who did it, kept with every change (the audit trail reads it). */
export interface ChangedBy {
  readonly at: string;
  readonly by: string;
  readonly byRole: string;
}

export interface ComplaintFiled extends ChangedBy {
  readonly type: 'complaint:filed';
  readonly complaintId: string;
  readonly code: string;
  readonly registerYear: number;
  readonly registerSeq: number;
  readonly channel: ComplaintChannel;
  readonly channelRef: string | null;
  readonly name: string;
  readonly occupation: string | null;
  readonly address: string | null;
  readonly contact: string | null;
  readonly text: string;
  readonly agencyId: string | null;
  readonly ticketRef: string | null;
  readonly ticketId: string | null;
  readonly ticketNumber: string | null;
  readonly category: ComplaintCategory;
  readonly deadlineAt: string;
  readonly deadlineDay: string | null;
}

export interface ComplaintStatusChanged extends ChangedBy {
  readonly type: 'complaint:status-changed';
  readonly complaintId: string;
  readonly to: ComplaintStatus;
  readonly note: string | null;
  /** Set when `to` is answered. */
  readonly answer: { readonly text: string; readonly channel: ComplaintChannel } | null;
}

export interface ComplaintRecategorised extends ChangedBy {
  readonly type: 'complaint:recategorised';
  readonly complaintId: string;
  readonly category: ComplaintCategory;
  /** The status it had then, as its history line shows it. */
  readonly status: ComplaintStatus;
  readonly deadlineAt: string;
  readonly deadlineDay: string | null;
  readonly note: string | null;
}

/** A new calendar or rule moved the deadline of a complaint still owed an answer. */
export interface ComplaintDeadlineMoved {
  readonly type: 'complaint:deadline-moved';
  readonly complaintId: string;
  readonly deadlineAt: string;
  readonly deadlineDay: string | null;
  readonly at: string;
}

/** Its deadline passed unanswered and the complaint_late compensation was raised. */
export interface ComplaintLateMarked {
  readonly type: 'complaint:late-marked';
  readonly complaintId: string;
  readonly compensationId: string;
  readonly status: ComplaintStatus;
  readonly at: string;
}

export interface HolidaysReplaced extends ChangedBy {
  readonly type: 'calendar:holidays-replaced';
  readonly year: number;
  readonly holidays: readonly Holiday[];
}

/**
 * MOD or admin confirmed a year's holidays and cuti bersama as its SKB publishes them: deadlines counted through
 * that year are no longer provisional.
 */
export interface CalendarYearConfirmed extends ChangedBy {
  readonly type: 'calendar:year-confirmed';
  readonly year: number;
}

export interface ComplaintRulesReplaced extends ChangedBy {
  readonly type: 'calendar:rules-replaced';
  readonly rules: readonly (ComplaintDeadlineRule & { readonly category: ComplaintCategory })[];
}

export interface SkmAnswered {
  readonly type: 'skm:answered';
  readonly responseId: string;
  readonly serviceDay: string;
  readonly at: string;
  readonly ticketId: string | null;
  readonly serviceId: string;
  readonly agencyId: string;
  readonly channel: 'public' | 'kiosk';
  readonly by: string;
  /** The counter whose tablet took the answer; absent for the kiosk and the citizen's phone. */
  readonly counterId?: string | null;
  readonly answers: readonly SkmScore[];
  readonly respondent: SkmRespondent;
  readonly suggestion: string | null;
}

export interface ReportChainStepSigned {
  readonly type: 'report-chain:step-signed';
  readonly date: string;
  readonly record: ReportChainRecord;
  readonly at: string;
}

/** A runtime setting changed; `stored` false means it went back to what the site file says. */
export interface SettingChanged extends ChangedBy {
  readonly type: 'setting:changed';
  readonly kind: string;
  readonly area: string;
  readonly target: string | null;
  readonly stored: boolean;
  /** The row's text as kept in `settings` (JSON, or the running text itself). */
  readonly storedValue: string;
  readonly before: unknown;
  readonly after: unknown;
  /** An agency, service or counter added from the screens (issue 14): audited as created, not updated. */
  readonly action?: 'create';
}

/** Accounts from the site file, on the first start with it. Not audited: nobody changed anything. */
export interface AccountSeeded {
  readonly type: 'account:seeded';
  readonly username: string;
  readonly name: string;
  readonly role: string;
  readonly pinHash: string;
  readonly counterIds: readonly string[];
  readonly at: string;
}

export interface AccountCreated extends ChangedBy {
  readonly type: 'account:created';
  readonly username: string;
  readonly name: string;
  readonly role: string;
  readonly pinHash: string;
  readonly counterIds: readonly string[];
}

export interface AccountUpdated extends ChangedBy {
  readonly type: 'account:updated';
  readonly username: string;
  readonly name: string;
  readonly counterIds: readonly string[];
  readonly disabledAt: string | null;
  readonly action: 'update' | 'disable' | 'enable';
  readonly before: unknown;
  readonly after: unknown;
}

export interface AccountPinSet extends ChangedBy {
  readonly type: 'account:pin-set';
  readonly username: string;
  readonly pinHash: string;
  readonly sessionsEnded: number;
}

export interface AccountPinRehashed {
  readonly type: 'account:pin-rehashed';
  readonly username: string;
  /** The same PIN's hash at today's scrypt cost, made on a good sign-in; never the PIN. */
  readonly pinHash: string;
  readonly at: string;
}

export interface DeviceRegistered {
  readonly type: 'device:registered';
  readonly deviceId: string;
  readonly role: string;
  readonly tokenSha256: string;
  /** A kiosk-role tablet standing at a counter (its SKM answers are reported apart). */
  readonly counterId?: string;
  readonly at: string;
}

/** A kiosk or display traded a one-time pairing code for a new token; the device's old token stops working. */
export interface DevicePaired {
  readonly type: 'device:paired';
  readonly deviceId: string;
  readonly role: string;
  /** Only the token's SHA-256: the token itself is in the device's storage alone. */
  readonly tokenSha256: string;
  readonly counterId: string | null;
  readonly at: string;
}

/**
 * A row written before the log held every feature (schema 7 and earlier): on upgrade each such row becomes one
 * of these, so the log rebuilds it exactly.
 */
export interface LegacyRowImported {
  readonly type: 'legacy:row-imported';
  readonly table: string;
  readonly row: Readonly<Record<string, string | number | null>>;
  readonly at: string;
}

export type RecordEvent =
  | ComplaintFiled
  | ComplaintStatusChanged
  | ComplaintRecategorised
  | ComplaintDeadlineMoved
  | ComplaintLateMarked
  | HolidaysReplaced
  | CalendarYearConfirmed
  | ComplaintRulesReplaced
  | SkmAnswered
  | ReportChainStepSigned
  | SettingChanged
  | AccountSeeded
  | AccountCreated
  | AccountUpdated
  | AccountPinSet
  | AccountPinRehashed
  | DeviceRegistered
  | DevicePaired
  | LegacyRowImported
  | BookingEvent
  | MessageContactGiven
  | MobileEvent
  | CentralFeedApplied
  | CentralFeedRefused;

/** Everything the log holds. */
export type HubEvent = QueueEvent | RecordEvent;

const QUEUE_PREFIXES = ['ticket:', 'counter:', 'compensation:'];

/** The live queue folds only its own events; the rest of the log is other features'. */
export function isQueueEvent(event: HubEvent): event is QueueEvent {
  return QUEUE_PREFIXES.some((prefix) => event.type.startsWith(prefix));
}
