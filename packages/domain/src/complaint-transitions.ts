import type { ComplaintStatus } from './complaint-types.ts';

/*
 * received → verified → in_follow_up → answered → closed. A complaint settled at once may be answered straight
 * after verification. Only a received one may be closed without an answer (a duplicate, withdrawn), and then with
 * the reason in the note; anything verified is owed an answer, so it cannot be closed away. Only a received one
 * may be marked spam; a mark made in error is undone by verifying it, and its deadline is the one it always had.
 */
export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  received: ['verified', 'closed', 'spam'],
  verified: ['in_follow_up', 'answered'],
  in_follow_up: ['answered'],
  answered: ['closed'],
  closed: [],
  spam: ['verified'],
};

export type ComplaintErrorCode =
  'COMPLAINT_INVALID_TRANSITION' | 'COMPLAINT_REASON_REQUIRED' | 'COMPLAINT_ALREADY_ANSWERED';

export class ComplaintRuleError extends Error {
  constructor(readonly code: ComplaintErrorCode) {
    super(code);
    this.name = 'ComplaintRuleError';
  }
}

/** Still owed an answer: the deadline runs, and the category may still change. */
export function awaitsAnswer(status: ComplaintStatus): boolean {
  return status === 'received' || status === 'verified' || status === 'in_follow_up';
}

/** Throws the coded reason when a complaint in `from` may not move to `to` with this note. */
export function checkComplaintTransition(
  from: ComplaintStatus,
  to: ComplaintStatus,
  note: string | null,
): void {
  if (!COMPLAINT_TRANSITIONS[from].includes(to)) throw new ComplaintRuleError('COMPLAINT_INVALID_TRANSITION');
  if (from === 'received' && to === 'closed' && !note?.trim()) {
    throw new ComplaintRuleError('COMPLAINT_REASON_REQUIRED');
  }
}

/** The category sets the deadline, so it may change only while the complaint still awaits its answer. */
export function checkRecategorise(status: ComplaintStatus): void {
  if (!awaitsAnswer(status)) throw new ComplaintRuleError('COMPLAINT_ALREADY_ANSWERED');
}
