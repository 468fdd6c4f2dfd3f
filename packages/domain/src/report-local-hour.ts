import { localTime } from './local-time.ts';

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Local hour (0–23) of epoch instants in the site's zone. Every zone's offset from UTC is a multiple of 15 minutes,
 * so all instants of one UTC quarter hour share their local hour: one Intl lookup per quarter hour instead of one per
 * ticket, which is what keeps summarising a year of tickets affordable.
 */
export function localHourReader(timeZone: string): (epochMs: number) => number {
  const cache = new Map<number, number>();
  return (epochMs) => {
    const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
    let hour = cache.get(quarter);
    if (hour === undefined) {
      hour = Math.floor(
        localTime(new Date(quarter * QUARTER_HOUR_MS).toISOString(), timeZone).minuteOfDay / 60,
      );
      cache.set(quarter, hour);
    }
    return hour;
  };
}
