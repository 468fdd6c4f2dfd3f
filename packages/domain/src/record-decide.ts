import { addDays } from './report-dates.ts';
import type {
  AccountCreated,
  AccountPinSet,
  AccountUpdated,
  ChangedBy,
  SkmAnswered,
} from './record-events.ts';
import type { SkmRespondent } from './skm-respondent.ts';
import type { SkmScore } from './skm-unsur.ts';

/*
 * The decisions of the survey, settings and accounts, pure: what they rest on is loaded by the hub and passed in
 * with `now` and the new ids; they answer with the event to append or throw a coded refusal.
 */

export type RecordRuleCode =
  | 'SKM_TICKET_EXPIRED'
  | 'SKM_TICKET_NOT_SERVED'
  | 'SKM_ALREADY_ANSWERED'
  | 'SKM_TICKET_REQUIRED'
  | 'ACCOUNT_EXISTS'
  | 'ACCOUNT_NOT_FOUND'
  | 'OWN_ACCOUNT';

export class RecordRuleError extends Error {
  constructor(readonly code: RecordRuleCode) {
    super(code);
    this.name = 'RecordRuleError';
  }
}

/** A served ticket may be surveyed on the day and the seven days after: long enough for the QR at home. */
export const SURVEY_WINDOW_DAYS = 7;

/** Being served (SOP step 4 asks for the SKM at the desk) or finished. */
const SURVEYABLE: ReadonlySet<string> = new Set(['serving', 'done']);

export interface SkmTicketFacts {
  readonly id: string;
  readonly number: string;
  readonly serviceDay: string;
  readonly serviceId: string;
  readonly status: string;
  readonly answered: boolean;
}

/** Whether this ticket may still be surveyed today; throws the reason when not. */
export function checkSurveyable(ticket: SkmTicketFacts, today: string): void {
  if (ticket.serviceDay < addDays(today, -SURVEY_WINDOW_DAYS))
    throw new RecordRuleError('SKM_TICKET_EXPIRED');
  if (!SURVEYABLE.has(ticket.status)) throw new RecordRuleError('SKM_TICKET_NOT_SERVED');
  if (ticket.answered) throw new RecordRuleError('SKM_ALREADY_ANSWERED');
}

export interface AnswerSkm {
  readonly responseId: string;
  readonly channel: 'public' | 'kiosk';
  readonly by: string;
  /** Null for a kiosk's survey without a ticket. */
  readonly ticket: SkmTicketFacts | null;
  readonly serviceId: string;
  readonly agencyId: string;
  readonly answers: readonly SkmScore[];
  readonly respondent: SkmRespondent;
  readonly suggestion: string | null;
  /** The counter whose tablet took the answer (a kiosk-role device standing at a counter). */
  readonly counterId?: string | null;
}

/** At most one questionnaire per ticket; one without a ticket only from a kiosk in the hall. */
export function decideSkmAnswer(command: AnswerSkm, today: string, at: string): SkmAnswered {
  if (command.ticket) checkSurveyable(command.ticket, today);
  else if (command.channel !== 'kiosk') throw new RecordRuleError('SKM_TICKET_REQUIRED');
  return {
    type: 'skm:answered',
    responseId: command.responseId,
    serviceDay: today,
    at,
    ticketId: command.ticket?.id ?? null,
    serviceId: command.serviceId,
    agencyId: command.agencyId,
    channel: command.channel,
    by: command.by,
    answers: command.answers,
    respondent: command.respondent,
    suggestion: command.suggestion === '' ? null : command.suggestion,
    ...(command.counterId ? { counterId: command.counterId } : {}),
  };
}

export interface AccountFacts {
  readonly username: string;
  readonly name: string;
  readonly role: string;
  readonly counterIds: readonly string[];
  readonly disabledAt: string | null;
}

/** What the audit trail shows of an account: never its PIN or hash. */
export function accountAudit(account: AccountFacts) {
  return {
    username: account.username,
    name: account.name,
    role: account.role,
    counterIds: account.counterIds,
    disabled: account.disabledAt !== null,
    disabledAt: account.disabledAt,
  };
}

export function decideCreateAccount(
  existing: AccountFacts | null,
  account: Omit<AccountFacts, 'disabledAt'> & { readonly pinHash: string },
  by: ChangedBy,
): AccountCreated {
  if (existing) throw new RecordRuleError('ACCOUNT_EXISTS');
  return { type: 'account:created', ...by, ...account };
}

export interface UpdateAccount {
  readonly name?: string | undefined;
  readonly counterIds?: readonly string[] | undefined;
  readonly disabled?: boolean | undefined;
}

export function decideUpdateAccount(
  before: AccountFacts | null,
  change: UpdateAccount,
  by: ChangedBy,
): AccountUpdated {
  if (!before) throw new RecordRuleError('ACCOUNT_NOT_FOUND');
  if (change.disabled === true && before.username === by.by) throw new RecordRuleError('OWN_ACCOUNT');
  // Disabling an account already disabled keeps when it first was.
  const disabledAt =
    change.disabled === undefined ? before.disabledAt : change.disabled ? (before.disabledAt ?? by.at) : null;
  const after: AccountFacts = {
    ...before,
    name: change.name ?? before.name,
    counterIds: change.counterIds ?? before.counterIds,
    disabledAt,
  };
  const wasDisabled = before.disabledAt !== null;
  const isDisabled = disabledAt !== null;
  return {
    type: 'account:updated',
    ...by,
    username: before.username,
    name: after.name,
    counterIds: after.counterIds,
    disabledAt,
    action: wasDisabled === isDisabled ? 'update' : isDisabled ? 'disable' : 'enable',
    before: accountAudit(before),
    after: accountAudit(after),
  };
}

export function decideSetPin(
  account: AccountFacts | null,
  pinHash: string,
  sessionsEnded: number,
  by: ChangedBy,
): AccountPinSet {
  if (!account) throw new RecordRuleError('ACCOUNT_NOT_FOUND');
  return { type: 'account:pin-set', ...by, username: account.username, pinHash, sessionsEnded };
}
