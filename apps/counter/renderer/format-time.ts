/** "4:07" for a running timer; hours only when a step really ran that long. */
export function formatTimer(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Whole minutes since `since` on the hub's clock, never negative. */
export function minutesSince(since: string, hubNow: number): number {
  return Math.max(0, Math.floor((hubNow - Date.parse(since)) / 60_000));
}

export function secondsSince(since: string, hubNow: number): number {
  return Math.max(0, Math.floor((hubNow - Date.parse(since)) / 1000));
}
