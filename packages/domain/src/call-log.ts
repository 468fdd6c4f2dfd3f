/** What became of one call: still at the desk (called, serving), or how it ended. */
export type CallOutcome = 'called' | 'serving' | 'done' | 'no_show' | 'transferred' | 'cancelled';

/** One call of the day, as the waiting room saw it: a ticket called twice (after a transfer) has two. */
export interface CallRecord {
  readonly ticketId: string;
  readonly counterId: string;
  /** The service it was called for (a transfer changes the ticket's, not this call's). */
  readonly serviceId: string;
  readonly calledAt: string;
  /** The call, or its latest recall. */
  shownAt: string;
  outcome: CallOutcome;
}

/** The day's calls kept for the displays' history; a busy day's oldest fall off. */
export const CALL_LOG_SIZE = 200;

export function isLiveCall(call: CallRecord): boolean {
  return call.outcome === 'called' || call.outcome === 'serving';
}

export function logCall(calls: CallRecord[], call: Omit<CallRecord, 'shownAt' | 'outcome'>): void {
  // A new call of the same ticket ends any live call it still had (it never has one in practice).
  for (const earlier of calls)
    if (earlier.ticketId === call.ticketId && isLiveCall(earlier)) earlier.outcome = 'done';
  calls.push({ ...call, shownAt: call.calledAt, outcome: 'called' });
  if (calls.length > CALL_LOG_SIZE) calls.splice(0, calls.length - CALL_LOG_SIZE);
}

function liveCallOf(calls: CallRecord[], ticketId: string): CallRecord | undefined {
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i];
    if (call?.ticketId === ticketId) return isLiveCall(call) ? call : undefined;
  }
  return undefined;
}

export function logRecall(calls: CallRecord[], ticketId: string, at: string): void {
  const call = liveCallOf(calls, ticketId);
  if (call) call.shownAt = at;
}

/** The ticket's live call ends (or starts being served) with this outcome; a ticket with none is left alone. */
export function logOutcome(calls: CallRecord[], ticketId: string, outcome: CallOutcome): void {
  const call = liveCallOf(calls, ticketId);
  if (call) call.outcome = outcome;
}
