import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { createShellWindow, shellWindowOptions } from '@giliran/desktop-shell/shell-window.ts';
import type { KioskSettings } from './kiosk-config.ts';

/** The kiosk page paper colour (renderer/kiosk.css): what shows before the first paint and between reloads. */
export const KIOSK_BACKGROUND = '#f4f6fa';

/** The page the hub serves for kiosks; `hubUrl` is normalised without a trailing slash by the config. */
export function kioskPageUrl(hubUrl: string): string {
  return `${hubUrl}/kiosk`;
}

/** The shared locked-down, full-screen shell window, in the kiosk page's colour. */
export function kioskWindowOptions(
  settings: KioskSettings,
  preloadPath: string,
  bounds?: Rectangle,
): BrowserWindowConstructorOptions {
  return shellWindowOptions({
    preloadPath,
    devTools: settings.devTools,
    backgroundColor: KIOSK_BACKGROUND,
    title: 'Giliran',
    bounds,
  });
}

/** Creates the window without loading it (see `createShellWindow`): no menu, no zoom, F12 only with devTools. */
export function createKioskWindow(
  settings: KioskSettings,
  preloadPath: string,
  bounds?: Rectangle,
): BrowserWindow {
  return createShellWindow(kioskWindowOptions(settings, preloadPath, bounds));
}
