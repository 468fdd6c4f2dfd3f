import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { createShellWindow, loadPage, shellWindowOptions } from '@giliran/desktop-shell/shell-window.ts';
import type { CounterSettings } from './counter-config.ts';
import { COUNTER_BACKGROUND } from './counter-pages.ts';

/** Room for the queue, the current ticket and the action buttons side by side. */
export const COUNTER_MIN_SIZE = { width: 1024, height: 700 } as const;
const COUNTER_START_SIZE = { width: 1280, height: 800 } as const;

/** The hub's counter page in the configured language; the rest comes from `getConfig()`. */
export function counterPageUrl(settings: CounterSettings): string {
  const url = new URL(`${settings.hubUrl}/counter`);
  url.searchParams.set('lang', settings.language);
  return url.href;
}

/**
 * An ordinary window: the officer's PC runs other programs beside this one, so none of the shared kiosk and
 * full-screen settings; the shared locked-down renderer (isolation, sandbox, no Node) stays as it is.
 */
const ORDINARY_WINDOW = {
  kiosk: false,
  fullscreen: false,
  frame: true,
  resizable: true,
  center: true,
  ...COUNTER_START_SIZE,
  minWidth: COUNTER_MIN_SIZE.width,
  minHeight: COUNTER_MIN_SIZE.height,
} as const satisfies BrowserWindowConstructorOptions;

export function counterWindowOptions(
  settings: CounterSettings,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  const shared = shellWindowOptions({
    preloadPath,
    devTools: settings.devTools,
    backgroundColor: COUNTER_BACKGROUND,
    title: 'Giliran · Loket',
  });
  return { ...shared, ...ORDINARY_WINDOW };
}

/** Creates the window without loading it, so main installs the guard and the watchdog before the first load. */
export function createCounterWindow(settings: CounterSettings, preloadPath: string): BrowserWindow {
  return createShellWindow(counterWindowOptions(settings, preloadPath));
}

/**
 * Starting the app again (a second click on its icon) brings the running window back instead: the second
 * instance quits at once (bootShell), and an officer would otherwise see nothing happen.
 */
export function focusOnSecondInstance(win: BrowserWindow): void {
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
}

/**
 * The config problem in an ordinary window the officer can move aside or close (the shared one is full-screen
 * kiosk): no preload, no script.
 */
export function showCounterErrorWindow(pageUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    ...COUNTER_START_SIZE,
    center: true,
    autoHideMenuBar: true,
    backgroundColor: COUNTER_BACKGROUND,
    title: 'Giliran · Loket',
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  loadPage(win, pageUrl);
  return win;
}
