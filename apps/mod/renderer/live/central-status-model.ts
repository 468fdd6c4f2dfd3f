import type { CentralPushStatus } from '@giliran/protocol';

export type PushTone = 'off' | 'ok' | 'behind' | 'failing';

/** A push with events left over for this long, with no error, is shown as behind rather than sending. */
const SENDING_GRACE_MS = 60_000;

/**
 * How the hall's push to the central server stands, for MOD: not set up (the hall works alone), all sent,
 * behind (events still to send, no refusal yet) or failing (the last try failed: central unreachable or refusing).
 */
export function pushTone(status: CentralPushStatus, now: number): PushTone {
  if (!status.configured) return 'off';
  if (status.lastError !== null) return 'failing';
  if (status.pending === 0) return 'ok';
  const last = status.lastSuccessAt === null ? null : Date.parse(status.lastSuccessAt);
  return last !== null && now - last < SENDING_GRACE_MS ? 'ok' : 'behind';
}

/** "3 menit" since the last success, rounded down; null before the first. */
export function minutesSince(instant: string | null, now: number): number | null {
  if (instant === null) return null;
  return Math.max(0, Math.floor((now - Date.parse(instant)) / 60_000));
}
