import { app, type BrowserWindow } from 'electron';
import { urlForLog } from './log-url.ts';
import { isHubUrl } from './navigation-guard.ts';
import { loadPage } from './shell-window.ts';

export interface WatchdogOptions {
  /** The hub page the shell shows: what every recovery goes back to. */
  readonly pageUrl: string;
  /** Shown between retries while the hub cannot be reached, instead of a blank window. */
  readonly offlinePageUrl: string;
  /** How long a hung page may stay hung before its renderer is killed and the page reloaded. */
  readonly unresponsiveMs?: number;
  /** This many renderer losses within `crashWindowMs` restart the whole app instead of reloading again. */
  readonly maxCrashes?: number;
  readonly crashWindowMs?: number;
  /** Hub retry backoff: the first delay, doubled after each failure up to the maximum. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Names the shell in the log. */
  readonly logTag?: string;
}

export const WATCHDOG_DEFAULTS = {
  unresponsiveMs: 15_000,
  maxCrashes: 3,
  crashWindowMs: 10 * 60_000,
  retryBaseMs: 2_000,
  retryMaxMs: 60_000,
  logTag: 'shell',
} as const satisfies Required<Omit<WatchdogOptions, 'pageUrl' | 'offlinePageUrl'>>;

// net::ERR_ABORTED: a load cut short by the next one (ours, or the page's own navigation), not a failure.
const ERR_ABORTED = -3;

export interface Watchdog {
  /** Loads the hub page; the first load goes through here so it is retried like any other. */
  readonly start: () => void;
  /** Stops timers and recovery, for a window that is closing or an app that is quitting. */
  readonly dispose: () => void;
}

/**
 * Keeps an unattended kiosk or TV showing its page. A lost renderer is reloaded, a hung one killed (which is a lost
 * renderer too), and a hub that does not answer is retried with backoff. When reloads do not hold, a fresh
 * process is the remaining cure: `app.relaunch()` and exit.
 */
export function installRelaunchWatchdog(win: BrowserWindow, options: WatchdogOptions): Watchdog {
  const settings = { ...WATCHDOG_DEFAULTS, ...options };
  const contents = win.webContents;
  const hubOrigin = new URL(settings.pageUrl).origin;
  let crashes: number[] = [];
  let failedLoads = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;
  let disposed = false;

  const clearHang = (): void => {
    clearTimeout(hangTimer);
    hangTimer = undefined;
  };

  const tag = `[${settings.logTag}]`;

  const loadHubPage = (): void => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    if (!disposed) loadPage(win, settings.pageUrl);
  };

  const dispose = (): void => {
    disposed = true;
    clearHang();
    clearTimeout(retryTimer);
    retryTimer = undefined;
  };

  contents.on('render-process-gone', (_event, details) => {
    if (disposed || win.isDestroyed()) return;
    clearHang();
    const now = Date.now();
    crashes = crashes.filter((at) => now - at < settings.crashWindowMs);
    crashes.push(now);
    if (crashes.length >= settings.maxCrashes) {
      console.error(`${tag} renderer lost ${crashes.length} times (last: ${details.reason}); relaunching`);
      dispose();
      app.relaunch();
      app.exit(0);
      return;
    }
    console.warn(`${tag} renderer lost (${details.reason}, exit ${details.exitCode}); reloading`);
    loadHubPage();
  });

  contents.on('unresponsive', () => {
    if (disposed || hangTimer) return;
    hangTimer = setTimeout(() => {
      hangTimer = undefined;
      console.warn(`${tag} page unresponsive for ${settings.unresponsiveMs} ms; killing its renderer`);
      // Emits `render-process-gone`, whose handler reloads (or relaunches) in a fresh renderer.
      contents.forcefullyCrashRenderer();
    }, settings.unresponsiveMs);
  });
  contents.on('responsive', clearHang);

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    if (disposed || !isMainFrame || errorCode === ERR_ABORTED) return;
    const delay = Math.min(settings.retryBaseMs * 2 ** failedLoads, settings.retryMaxMs);
    failedLoads += 1;
    console.warn(
      `${tag} could not load ${urlForLog(validatedUrl)} (${errorCode} ${errorDescription}); retry ${failedLoads} in ${delay} ms`,
    );
    if (validatedUrl !== settings.offlinePageUrl) loadPage(win, settings.offlinePageUrl);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(loadHubPage, delay);
  });

  // Only a hub page resets the backoff: the offline page loading fine says nothing about the hub.
  contents.on('did-finish-load', () => {
    if (isHubUrl(contents.getURL(), hubOrigin)) failedLoads = 0;
  });

  win.on('closed', dispose);
  return { start: loadHubPage, dispose };
}
