import type { QueueConfig } from './config.ts';
import { localTime, parseClock, type Weekday } from './local-time.ts';
import { hoursFor } from './opening-hours.ts';
import type { ReportChainDay, ReportChainStandards } from './report-chain.ts';

/*
 * When each step's clock starts.
 *
 * Step 9 (gerai → FO/BO, 2 min) starts when the gerai's service day ends: the latest closing time of its
 * services' opening hours that day. The SOP's 2 minutes are the hand-over of a finished day, so a gerai cannot
 * be late before it has closed, and a gerai that closes at 12:00 (Paspor) is not measured against one that closes
 * at 16:00. A recap handed in before the close counts 0 seconds. The first submission is not used as the start:
 * it would make the first gerai always on time and measure the others against a colleague, not against the day.
 * A gerai with no hours that day (it served on a day it is closed, e.g. an event) has until local midnight.
 *
 * Step 10 (FO/BO → MOD, 1 min) starts when step 9 is complete: the last recap handed in. A gerai FO/BO compiles
 * without counts from when its own recap was due (its close + the step 9 standard), since FO/BO cannot be
 * expected to give up on it earlier. With no gerai at all it starts at the hall's close.
 *
 * Steps 11–13 start when the step before was signed: the SOP times each hand-over from the one before.
 */

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTES_PER_DAY = 24 * 60;

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'mon';
}

/**
 * The instant of a local wall-clock minute of a service day (1440 = the next midnight). Indonesian zones have a
 * fixed offset and no daylight saving, so the offset read at noon holds all day.
 */
export function localInstant(date: string, minuteOfDay: number, timeZone: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const noon = localTime(new Date(midnightUtc + 12 * 3_600_000).toISOString(), timeZone);
  const dayShift = noon.date === date ? 0 : noon.date > date ? MINUTES_PER_DAY : -MINUTES_PER_DAY;
  const offsetMinutes = noon.minuteOfDay + dayShift - 12 * 60;
  return new Date(midnightUtc + (minuteOfDay - offsetMinutes) * 60_000).toISOString();
}

/** Latest closing minute that day among the given services' windows; null when none of them opens. */
function latestClose(config: QueueConfig, agencyId: string | null, date: string): number | null {
  const weekday = weekdayOf(date);
  let latest: number | null = null;
  for (const service of config.services) {
    if (agencyId !== null && service.agencyId !== agencyId) continue;
    for (const window of hoursFor(config, service)[weekday] ?? []) {
      const close = parseClock(window.close);
      if (latest === null || close > latest) latest = close;
    }
  }
  return latest;
}

/** When a gerai's service day ends, and so its step 9 clock starts. */
export function geraiClockStart(config: QueueConfig, agencyId: string, date: string): string {
  return localInstant(date, latestClose(config, agencyId, date) ?? MINUTES_PER_DAY, config.timeZone);
}

/** When a gerai's recap is due: its close plus the step 9 standard. */
export function geraiDueAt(
  config: QueueConfig,
  agencyId: string,
  date: string,
  standards: ReportChainStandards,
): string {
  return addMinutes(geraiClockStart(config, agencyId, date), standards[9]);
}

/** When the whole hall closes that day. */
export function hallClosesAt(config: QueueConfig, date: string): string {
  return localInstant(date, latestClose(config, null, date) ?? MINUTES_PER_DAY, config.timeZone);
}

export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

function latest(instants: readonly string[]): string | null {
  let found: string | null = null;
  for (const instant of instants)
    if (found === null || Date.parse(instant) > Date.parse(found)) found = instant;
  return found;
}

/** Step 9 is complete when its last gerai handed in or, for one FO/BO goes without, was due. */
export function stepTenClockStart(
  config: QueueConfig,
  day: ReportChainDay,
  standards: ReportChainStandards,
): string {
  const recaps = day.records.filter((r) => r.stage === 9);
  const submittedAt = recaps.map((r) => r.signedAt);
  const dueOfMissing = day.servedAgencyIds
    .filter((id) => !recaps.some((r) => r.agencyId === id))
    .map((id) => geraiDueAt(config, id, day.date, standards));
  return latest([...submittedAt, ...dueOfMissing]) ?? hallClosesAt(config, day.date);
}
