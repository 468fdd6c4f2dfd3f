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

/** The status page's service worker (ticket-sw.ts), served by the hub for the scope /t/. */
export const TURN_WORKER = { url: '/t/sw.js', scope: '/t/' } as const;

/**
 * Registers the status page's service worker, where the browser has them (a secure context: HTTPS or localhost).
 * A failure leaves the page as it was: notifications fall back to the constructor.
 */
export function registerTurnWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(TURN_WORKER.url, { scope: TURN_WORKER.scope }).catch(() => undefined);
}

/** The worker's registration once it is active, or null (no worker, not yet active, not a secure context). */
async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker
    .getRegistration(TURN_WORKER.scope)
    .catch(() => undefined);
  return registration?.active ? registration : null;
}

/** How the notification was shown: through the worker, by the constructor, or not at all. */
export type Shown = 'registration' | 'constructor' | null;

/**
 * Shows the notification and vibrates, as far as this browser allows. Chrome on Android shows notifications only
 * through a service worker (`new Notification()` throws there): the worker's registration is used when it is
 * active, else the constructor.
 */
export async function signal(alert: TurnAlert, text: AlertText, tag: string): Promise<Shown> {
  if ('vibrate' in navigator) navigator.vibrate(VIBRATION[alert]);
  if (!('Notification' in window) || Notification.permission !== 'granted') return null;
  const options: NotificationOptions = {
    body: text.body,
    tag: `${tag}:${alert}`,
    requireInteraction: alert === 'called',
    data: { url: location.href },
  };
  const registration = await activeRegistration();
  if (registration) {
    try {
      await registration.showNotification(text.title, options);
      return 'registration';
    } catch {
      // A worker being replaced may refuse: the constructor is tried instead.
    }
  }
  try {
    new Notification(text.title, options);
    return 'constructor';
  } catch {
    return null;
  }
}

/** Whether to offer the "notify me" button: the API exists and the citizen has not answered yet. */
export const mayAskToNotify = (): boolean =>
  'Notification' in window && Notification.permission === 'default';
