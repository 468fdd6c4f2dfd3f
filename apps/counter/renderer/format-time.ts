export { formatDuration as formatTimer } from '@giliran/ui';

/** Whole minutes since `since` on the hub's clock, never negative. */
export function minutesSince(since: string, hubNow: number): number {
  return Math.max(0, Math.floor((hubNow - Date.parse(since)) / 60_000));
}

export function secondsSince(since: string, hubNow: number): number {
  return Math.max(0, Math.floor((hubNow - Date.parse(since)) / 1000));
}
