import { complaintDeadline, type ComplaintDeadline } from './complaint-deadline.ts';
import { awaitsAnswer, checkComplaintTransition, checkRecategorise } from './complaint-transitions.ts';
import {
  DEFAULT_COMPLAINT_CATEGORY,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintDeadlineRules,
  type ComplaintStatus,
} from './complaint-types.ts';
import { localTime } from './local-time.ts';
import type {
  ChangedBy,
  ComplaintDeadlineMoved,
  ComplaintFiled,
  ComplaintRecategorised,
  ComplaintStatusChanged,
} from './record-events.ts';
import { withFixedHolidays } from './fixed-holidays.ts';
import type { Holiday, HolidayDates } from './working-days.ts';

/*
 * The register's decisions, pure: the hub loads what they rest on (the complaint, the calendar, the year's last
 * register number) and passes `now` and the new ids in; the answer is the events to append.
 */

/** The calendar every deadline is counted on. */
export interface ComplaintCalendarState {
  readonly rules: ComplaintDeadlineRules;
  /** Entered holidays and the fixed-date national ones (fixed-holidays.ts). */
  readonly holidayDates: HolidayDates;
  readonly timeZone: string;
}

/** What a complaint's decisions need to know of it. */
export interface ComplaintFacts {
  readonly id: string;
  readonly status: ComplaintStatus;
  readonly channel: ComplaintChannel;
  readonly receivedAt: string;
  readonly category: ComplaintCategory;
  readonly deadlineAt: string;
  readonly deadlineDay: string | null;
  readonly lateCompensationId: string | null;
}

export function deadlineOn(
  calendar: ComplaintCalendarState,
  receivedAt: string,
  category: ComplaintCategory,
): ComplaintDeadline {
  return complaintDeadline(receivedAt, calendar.rules[category], calendar.timeZone, calendar.holidayDates);
}

export interface FileComplaint {
  readonly complaintId: string;
  readonly code: string;
  readonly channel: ComplaintChannel;
  readonly channelRef: string | null;
  readonly name: string;
  readonly occupation: string | null;
  readonly address: string | null;
  readonly contact: string | null;
  readonly text: string;
  readonly agencyId: string | null;
  readonly ticket: {
    readonly ref: string;
    readonly id: string | null;
    readonly number: string | null;
  } | null;
  readonly category: ComplaintCategory | null;
}

/** A complaint takes the next register number of the year it is received in, and runs on a deadline at once. */
export function decideFileComplaint(
  command: FileComplaint,
  lastSeqOfYear: (year: number) => number,
  calendar: ComplaintCalendarState,
  by: ChangedBy,
): ComplaintFiled {
  const year = Number(localTime(by.at, calendar.timeZone).date.slice(0, 4));
  const category = command.category ?? DEFAULT_COMPLAINT_CATEGORY;
  const deadline = deadlineOn(calendar, by.at, category);
  return {
    type: 'complaint:filed',
    ...by,
    complaintId: command.complaintId,
    code: command.code,
    registerYear: year,
    registerSeq: lastSeqOfYear(year) + 1,
    channel: command.channel,
    channelRef: command.channelRef,
    name: command.name,
    occupation: command.occupation,
    address: command.address,
    contact: command.contact,
    text: command.text,
    agencyId: command.agencyId,
    ticketRef: command.ticket?.ref ?? null,
    ticketId: command.ticket?.id ?? null,
    ticketNumber: command.ticket?.number ?? null,
    category,
    deadlineAt: deadline.deadlineAt,
    deadlineDay: deadline.lastDay,
  };
}

export interface ChangeComplaintStatus {
  readonly to: ComplaintStatus;
  readonly note: string | null;
  readonly answer: string | null;
  readonly answerChannel: ComplaintChannel | null;
}

export function decideComplaintStatus(
  complaint: ComplaintFacts,
  command: ChangeComplaintStatus,
  by: ChangedBy,
): ComplaintStatusChanged {
  checkComplaintTransition(complaint.status, command.to, command.note);
  const answer =
    command.to === 'answered'
      ? { text: command.answer ?? '', channel: command.answerChannel ?? complaint.channel }
      : null;
  return {
    type: 'complaint:status-changed',
    ...by,
    complaintId: complaint.id,
    to: command.to,
    note: command.note,
    answer,
  };
}

/** A deadline already missed stays missed: the compensation stands, whatever category follows. */
export function decideRecategorise(
  complaint: ComplaintFacts,
  category: ComplaintCategory,
  note: string | null,
  calendar: ComplaintCalendarState,
  by: ChangedBy,
): ComplaintRecategorised {
  checkRecategorise(complaint.status);
  const deadline =
    complaint.lateCompensationId === null
      ? deadlineOn(calendar, complaint.receivedAt, category)
      : { deadlineAt: complaint.deadlineAt, lastDay: complaint.deadlineDay };
  return {
    type: 'complaint:recategorised',
    ...by,
    complaintId: complaint.id,
    category,
    status: complaint.status,
    deadlineAt: deadline.deadlineAt,
    deadlineDay: deadline.lastDay,
    note,
  };
}

/**
 * A new calendar or rule moves the deadlines of complaints still owed an answer and not yet compensated: a cuti
 * bersama declared late in the year gives them the day. A deadline already missed stays missed.
 */
export function decideDeadlineMoves(
  complaints: readonly ComplaintFacts[],
  calendar: ComplaintCalendarState,
  at: string,
): ComplaintDeadlineMoved[] {
  return complaints
    .filter((c) => awaitsAnswer(c.status) && c.lateCompensationId === null)
    .map((c) => ({ complaint: c, next: deadlineOn(calendar, c.receivedAt, c.category) }))
    .filter(({ complaint, next }) => next.deadlineAt !== complaint.deadlineAt)
    .map(({ complaint, next }) => ({
      type: 'complaint:deadline-moved',
      complaintId: complaint.id,
      deadlineAt: next.deadlineAt,
      deadlineDay: next.lastDay,
      at,
    }));
}

/** One year's list replaces what that year had; the rest of the calendar (and the fixed-date holidays) stays. */
export function holidaysWithYear(
  current: readonly Holiday[],
  year: number,
  holidays: readonly Holiday[],
): HolidayDates {
  const prefix = `${String(year)}-`;
  return withFixedHolidays([
    ...current.filter((h) => !h.date.startsWith(prefix)).map((h) => h.date),
    ...holidays.map((h) => h.date),
  ]);
}
