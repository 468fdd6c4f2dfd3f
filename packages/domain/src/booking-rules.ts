import type { OpeningHours } from './config.ts';
import { localTime, parseClock, type Weekday } from './local-time.ts';
import { addDays } from './report-dates.ts';
import { startOfLocalDay, type HolidayDates } from './working-days.ts';

/*
 * Online booking (antrean online): what a site offers and how a booking meets the hall. Pure; the hub passes the
 * site's settings, the calendar's holidays and `now`.
 */

/** One session of a day, e.g. 08:00–10:00, in the site's local time. */
export interface BookingSession {
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

/**
 * How booked tickets are called among walk-in ones (priority categories always come first):
 * `ratio` alternates `booked` booked calls with `walkIn` walk-in calls; `booked-first` calls a booked ticket before
 * any walk-in once its session has started.
 */
export type BookingCallRule =
  | { readonly kind: 'ratio'; readonly booked: number; readonly walkIn: number }
  | { readonly kind: 'booked-first' };

export interface NoShowBlock {
  /** No-shows within `withinDays` that block the phone number… */
  readonly noShows: number;
  readonly withinDays: number;
  /** …for this many days after the last one. */
  readonly blockDays: number;
}

export interface BookingRules {
  /** How many bookable days ahead (days the service is open, holidays skipped), today included. */
  readonly horizonDays: number;
  readonly sessions: readonly BookingSession[];
  /** Share of each session's capacity kept for walk-ins, 0–1. */
  readonly walkInShare: number;
  /** Open (not yet checked in, cancelled or missed) bookings one phone number may hold. */
  readonly maxOpenPerPhone: number;
  /** Off (null) by default. */
  readonly noShowBlock: NoShowBlock | null;
  /** Check-in opens this many minutes before the session starts… */
  readonly checkInBeforeMinutes: number;
  /** …and closes this many minutes after it started; later, the citizen is offered a normal ticket. */
  readonly checkInAfterMinutes: number;
  readonly callRule: BookingCallRule;
}

export const DEFAULT_BOOKING_RULES: BookingRules = {
  horizonDays: 10,
  sessions: [
    { id: 's1', start: '08:00', end: '10:00' },
    { id: 's2', start: '10:00', end: '12:00' },
    { id: 's3', start: '13:00', end: '15:00' },
  ],
  walkInShare: 0.5,
  maxOpenPerPhone: 2,
  noShowBlock: null,
  checkInBeforeMinutes: 30,
  checkInAfterMinutes: 15,
  callRule: { kind: 'ratio', booked: 1, walkIn: 2 },
};

/** A service that takes bookings: how many citizens it serves in one session, walk-ins included. */
export interface ServiceBooking {
  readonly serviceId: string;
  readonly capacity: number;
  /** Its own sessions, else the site's. */
  readonly sessions?: readonly BookingSession[];
}

/** Places a session offers to bookings: its capacity less the walk-in share, never negative. */
export function bookableQuota(capacity: number, walkInShare: number): number {
  return Math.max(0, Math.floor(capacity * (1 - walkInShare) + 1e-9));
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'sun';
}

/** The sessions held on a date: those that lie wholly inside one of the service's opening windows that day. */
export function sessionsOn(
  sessions: readonly BookingSession[],
  hours: OpeningHours,
  date: string,
): BookingSession[] {
  const windows = hours[weekdayOf(date)] ?? [];
  return sessions.filter((s) =>
    windows.some(
      (w) => parseClock(s.start) >= parseClock(w.open) && parseClock(s.end) <= parseClock(w.close),
    ),
  );
}

/** The instant a local "HH:MM" of a date happens in the site's zone. */
export function instantOf(date: string, hhmm: string, timeZone: string): string {
  return new Date(Date.parse(startOfLocalDay(date, timeZone)) + parseClock(hhmm) * 60_000).toISOString();
}

export interface BookableDay {
  readonly date: string;
  readonly sessions: readonly BookingSession[];
}

/**
 * The next `horizonDays` days the service holds sessions on, from today: holidays and days it is closed skipped.
 * Today counts only while one of its sessions has not started.
 */
export function bookableDays(
  rules: BookingRules,
  service: ServiceBooking,
  hours: OpeningHours,
  holidays: HolidayDates,
  now: string,
  timeZone: string,
): BookableDay[] {
  const local = localTime(now, timeZone);
  const days: BookableDay[] = [];
  // A year of scanning is plenty: a service closed for longer takes no bookings.
  for (let i = 0; i < 366 && days.length < rules.horizonDays; i++) {
    const date = addDays(local.date, i);
    if (holidays.has(date)) continue;
    let sessions = sessionsOn(service.sessions ?? rules.sessions, hours, date);
    if (i === 0) sessions = sessions.filter((s) => parseClock(s.start) > local.minuteOfDay);
    if (sessions.length > 0) days.push({ date, sessions });
  }
  return days;
}

/** A session as offered to a citizen: its places for bookings and how many of them are still free. */
export interface SessionLeft {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly capacity: number;
  readonly left: number;
}

/**
 * The places left in each session of a bookable day (none when the day is not bookable), given the bookings already
 * taken per session: the one reckoning of the hall's and central's booking pages.
 */
export function sessionsLeft(
  day: BookableDay | undefined,
  quota: number,
  taken: ReadonlyMap<string, number>,
): SessionLeft[] {
  return (day?.sessions ?? []).map((s) => ({
    id: s.id,
    start: s.start,
    end: s.end,
    capacity: quota,
    left: Math.max(0, quota - (taken.get(s.id) ?? 0)),
  }));
}

export interface CheckInWindow {
  readonly from: string;
  readonly until: string;
}

/** When a booking of this session may be checked in at the hall. */
export function checkInWindow(
  rules: Pick<BookingRules, 'checkInBeforeMinutes' | 'checkInAfterMinutes'>,
  date: string,
  session: Pick<BookingSession, 'start'>,
  timeZone: string,
): CheckInWindow {
  const start = Date.parse(instantOf(date, session.start, timeZone));
  return {
    from: new Date(start - rules.checkInBeforeMinutes * 60_000).toISOString(),
    until: new Date(start + rules.checkInAfterMinutes * 60_000).toISOString(),
  };
}
