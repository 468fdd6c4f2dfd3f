import { describe, expect, it } from 'vitest';
import {
  awaitsAnswer,
  checkComplaintTransition,
  checkRecategorise,
  ComplaintRuleError,
} from './complaint-transitions.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint-types.ts';

const ALLOWED: readonly (readonly [ComplaintStatus, ComplaintStatus])[] = [
  ['received', 'verified'],
  ['received', 'closed'],
  ['verified', 'in_follow_up'],
  ['verified', 'answered'],
  ['in_follow_up', 'answered'],
  ['answered', 'closed'],
  ['received', 'spam'],
  ['spam', 'verified'],
];

function codeOf(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof ComplaintRuleError ? error.code : 'other';
  }
}

describe('complaint status transitions', () => {
  it('allow exactly the forward steps of the register, nothing else', () => {
    for (const from of COMPLAINT_STATUSES) {
      for (const to of COMPLAINT_STATUSES) {
        const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
        expect(
          codeOf(() => {
            checkComplaintTransition(from, to, 'catatan');
          }),
          `${from} → ${to}`,
        ).toBe(allowed ? null : 'COMPLAINT_INVALID_TRANSITION');
      }
    }
  });

  it('ask for the reason when a received complaint is closed unanswered', () => {
    expect(
      codeOf(() => {
        checkComplaintTransition('received', 'closed', null);
      }),
    ).toBe('COMPLAINT_REASON_REQUIRED');
    expect(
      codeOf(() => {
        checkComplaintTransition('received', 'closed', '  ');
      }),
    ).toBe('COMPLAINT_REASON_REQUIRED');
    expect(
      codeOf(() => {
        checkComplaintTransition('answered', 'closed', null);
      }),
    ).toBeNull();
  });

  it('mark spam without a reason, and stop its clock: it is owed no answer and takes no category', () => {
    expect(
      codeOf(() => {
        checkComplaintTransition('received', 'spam', null);
      }),
    ).toBeNull();
    expect(awaitsAnswer('spam')).toBe(false);
    expect(
      codeOf(() => {
        checkRecategorise('spam');
      }),
    ).toBe('COMPLAINT_ALREADY_ANSWERED');
  });

  it('let the category change only while the answer is owed', () => {
    expect(COMPLAINT_STATUSES.filter(awaitsAnswer)).toEqual(['received', 'verified', 'in_follow_up']);
    expect(
      codeOf(() => {
        checkRecategorise('in_follow_up');
      }),
    ).toBeNull();
    expect(
      codeOf(() => {
        checkRecategorise('answered');
      }),
    ).toBe('COMPLAINT_ALREADY_ANSWERED');
    expect(
      codeOf(() => {
        checkRecategorise('closed');
      }),
    ).toBe('COMPLAINT_ALREADY_ANSWERED');
  });
});
