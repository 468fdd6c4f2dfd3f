import type { PublicTicketStatus } from '@giliran/protocol';

/*
 * Issue 18: while the status page is open, the phone itself tells its citizen when their turn is near and when they
 * are called: a system notification (when the citizen allowed it) and a vibration (where the phone has one), plus
 * the page's own banner for those who allowed neither.
 */

export type TurnAlert = 'near' | 'called';

/** When the messages and this page say "near" if the site does not say. */
const DEFAULT_NEAR_AHEAD = 3;

type Seen = Pick<PublicTicketStatus, 'status' | 'ahead' | 'calledAt'> & { nearAhead?: number | undefined };

/** What changed between two states of a ticket that the citizen must hear of; null for nothing. */
export function turnAlert(before: Seen | null, after: Seen): TurnAlert | null {
  if (after.status === 'called' && after.calledAt !== null && after.calledAt !== before?.calledAt)
    return 'called';
  const near = after.nearAhead ?? DEFAULT_NEAR_AHEAD;
  if (near <= 0 || after.status !== 'waiting' || after.ahead === null) return null;
  const wasNear = before?.status === 'waiting' && before.ahead !== null && before.ahead <= near;
  return after.ahead <= near && !wasNear && before !== null ? 'near' : null;
}

/** A longer pattern for a call than for "near": the citizen feels which it is with the phone in a pocket. */
export const VIBRATION: Readonly<Record<TurnAlert, number[]>> = {
  near: [200, 100, 200],
  called: [500, 150, 500, 150, 500],
};

export interface AlertText {
  readonly title: string;
  readonly body: string;
}

/**
 * Shows the notification and vibrates, as far as this browser allows. A phone browser that only notifies through
 * a service worker (Chrome on Android) refuses the constructor: its registration is used when there is one.
 */
export function signal(alert: TurnAlert, text: AlertText, tag: string): void {
  if ('vibrate' in navigator) navigator.vibrate(VIBRATION[alert]);
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const options: NotificationOptions = {
    body: text.body,
    tag: `${tag}:${alert}`,
    requireInteraction: alert === 'called',
  };
  try {
    new Notification(text.title, options);
  } catch {
    // Absent on plain HTTP (not a secure context), though the DOM types say it is always there.
    if (!('serviceWorker' in navigator)) return;
    void navigator.serviceWorker
      .getRegistration()
      .then((registration) => registration?.showNotification(text.title, options));
  }
}

/** Whether to offer the "notify me" button: the API exists and the citizen has not answered yet. */
export const mayAskToNotify = (): boolean =>
  'Notification' in window && Notification.permission === 'default';
