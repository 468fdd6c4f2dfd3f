import { localTime } from './local-time.ts';

/*
 * Working days (hari kerja) of an Indonesian public office: Monday to Friday, less the national holidays and the
 * cuti bersama of the year's SKB 3 Menteri. The calendar is data the site edits, because cuti bersama are
 * announced (and changed: 18 August 2025 was added in August) after the year's plan is made.
 */

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface Holiday {
  /** A calendar date in the site's zone, `YYYY-MM-DD`. */
  readonly date: string;
  readonly kind: HolidayKind;
  readonly name: string;
}

/** The dates of the calendar's holidays: the only thing working-day arithmetic needs to know. */
export type HolidayDates = Pick<ReadonlySet<string>, 'has'>;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// Ten years: a calendar that marks every weekday off is a data error, not a reason to loop forever.
const MAX_SCAN_DAYS = 3660;

/** A date is a label, not an instant: arithmetic on UTC midnights cannot be shifted by any zone. */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(date: string, holidays: HolidayDates): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** The `n`-th working day after `date` (n ≥ 1). `date` itself never counts, whether or not it is a working day. */
export function nthWorkingDayAfter(date: string, n: number, holidays: HolidayDates): string {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`);
  let day = date;
  let found = 0;
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++) {
    day = nextDate(day);
    if (isWorkingDay(day, holidays)) found++;
    if (found === n) return day;
  }
  throw new RangeError(`no ${n} working days within ${MAX_SCAN_DAYS} days after ${date}`);
}

/**
 * The instant a local calendar day starts in `timeZone`. Indonesian zones (WIB, WITA, WIT) have a fixed offset
 * and no daylight saving, so the offset read at that day's UTC midnight is the offset of the whole day.
 */
export function startOfLocalDay(date: string, timeZone: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const local = localTime(new Date(utcMidnight).toISOString(), timeZone);
  const wallClock = Date.parse(`${local.date}T00:00:00Z`) + local.minuteOfDay * MINUTE_MS;
  return new Date(utcMidnight - (wallClock - utcMidnight)).toISOString();
}

export interface WorkingDaysDeadline {
  /** The last working day allowed, in the site's zone. */
  readonly lastDay: string;
  /** The end of that day: the instant the next local day begins. Answering at or after it is late. */
  readonly deadlineAt: string;
}

/**
 * "Within N working days of receipt": counting starts the day after the local day of receipt (a complaint
 * received at 23:00 must not lose a day), and the deadline is the end of the N-th working day in the site's zone.
 */
export function workingDaysDeadline(
  receivedAt: string,
  workingDays: number,
  timeZone: string,
  holidays: HolidayDates,
): WorkingDaysDeadline {
  const receivedOn = localTime(receivedAt, timeZone).date;
  const lastDay = nthWorkingDayAfter(receivedOn, workingDays, holidays);
  return { lastDay, deadlineAt: startOfLocalDay(nextDate(lastDay), timeZone) };
}
