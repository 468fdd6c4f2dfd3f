import type { ComplaintDeadlineRule } from './complaint-types.ts';
import { workingDaysDeadline, type HolidayDates } from './working-days.ts';

const HOUR_MS = 3_600_000;

export interface ComplaintDeadline {
  readonly deadlineAt: string;
  /** For a working-day rule, the last working day (site zone) the answer may be given on; null for hours. */
  readonly lastDay: string | null;
}

/** When a complaint received at `receivedAt` must be answered by, under its category's rule. */
export function complaintDeadline(
  receivedAt: string,
  rule: ComplaintDeadlineRule,
  timeZone: string,
  holidays: HolidayDates,
): ComplaintDeadline {
  if (rule.unit === 'hours') {
    return {
      deadlineAt: new Date(Date.parse(receivedAt) + rule.amount * HOUR_MS).toISOString(),
      lastDay: null,
    };
  }
  const { deadlineAt, lastDay } = workingDaysDeadline(receivedAt, rule.amount, timeZone, holidays);
  return { deadlineAt, lastDay };
}

/** Late from the deadline instant on: an answer given at the deadline itself is already late. */
export function isPastDeadline(deadlineAt: string, at: string): boolean {
  return Date.parse(at) >= Date.parse(deadlineAt);
}
