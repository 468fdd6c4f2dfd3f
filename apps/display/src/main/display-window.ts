import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { createShellWindow, shellWindowOptions } from '@giliran/desktop-shell/shell-window.ts';
import type { DisplaySettings } from './display-config.ts';
import { DISPLAY_BACKGROUND } from './display-pages.ts';

/** Nobody points at a TV: the pointer parked on the screen would sit over the numbers all day. */
export const HIDE_CURSOR_CSS = '* { cursor: none !important }';

/**
 * The hub's display page with the settings the page reads from its URL: the language and the zone as
 * comma-separated lists (apps/display/renderer/display-config.ts). The token goes in the fragment: a real hub
 * refuses a token in the query (it would reach logs), and a fragment is never sent; the page stores it and drops it.
 */
export function displayPageUrl(settings: DisplaySettings): string {
  const url = new URL(`${settings.hubUrl}/display`);
  url.searchParams.set('lang', settings.language);
  if (settings.agencies?.length) url.searchParams.set('agencies', settings.agencies.join(','));
  if (settings.counters?.length) url.searchParams.set('counters', settings.counters.join(','));
  url.hash = new URLSearchParams({ token: settings.deviceToken }).toString();
  return url.href;
}

/**
 * The shared locked-down, full-screen shell window on the chosen monitor, in black. The page speaks calls
 * with nobody there to tap it first, and keeps its clock and running text moving whatever the OS thinks.
 */
export function displayWindowOptions(
  settings: DisplaySettings,
  bounds: Rectangle,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  const options = shellWindowOptions({
    preloadPath,
    devTools: settings.devTools,
    backgroundColor: DISPLAY_BACKGROUND,
    title: 'Giliran · Layar Antrean',
    bounds,
  });
  return {
    ...options,
    webPreferences: {
      ...options.webPreferences,
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
    },
  };
}

/**
 * Hides the pointer after every load (the hub page, a crash reload, the offline page). User-origin CSS, so no
 * `cursor` rule of the page can win over it.
 */
export function hideCursor(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.on('did-finish-load', () => {
    contents.insertCSS(HIDE_CURSOR_CSS, { cssOrigin: 'user' }).catch(() => undefined);
  });
}

/** Creates the window without loading it, so main installs the guard and the watchdog before the first load. */
export function createDisplayWindow(
  settings: DisplaySettings,
  bounds: Rectangle,
  preloadPath: string,
): BrowserWindow {
  const win = createShellWindow(displayWindowOptions(settings, bounds, preloadPath));
  hideCursor(win);
  return win;
}
