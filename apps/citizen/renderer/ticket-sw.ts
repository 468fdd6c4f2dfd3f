/*
 * The status page's service worker (issue 18), served by the hub at /t/sw.js for the scope /t/. Chrome on Android
 * shows a page's notification only through a service worker (`new Notification()` throws there), so the page shows
 * "your turn is near" and "you are called" with `registration.showNotification`. The worker keeps nothing and
 * fetches nothing: it takes over at once, and a tap on its notification brings the status page back to the front.
 */

interface Extendable extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface NotificationClick extends Extendable {
  readonly notification: { readonly data: unknown; close(): void };
}
interface PageClient {
  readonly url: string;
  focus(): Promise<unknown>;
}
/** The parts of the worker's global scope used here (the DOM typings the pages share do not describe it). */
interface WorkerScope {
  skipWaiting(): Promise<void>;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly PageClient[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: Extendable) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClick) => void): void;
}

const worker = self as unknown as WorkerScope;

worker.addEventListener('install', (event) => {
  event.waitUntil(worker.skipWaiting());
});
worker.addEventListener('activate', (event) => {
  event.waitUntil(worker.clients.claim());
});
worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data;
  const url =
    typeof data === 'object' && data !== null && 'url' in data && typeof data.url === 'string'
      ? data.url
      : '/';
  event.waitUntil(
    worker.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((open) => {
      const page = open.find((client) => client.url === url);
      return page ? page.focus() : worker.clients.openWindow(url);
    }),
  );
});
