import { BrowserWindow, Menu, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import type { KioskSettings } from './kiosk-config.ts';

/** The kiosk page paper colour (renderer/kiosk.css): what shows before the first paint and between reloads. */
export const KIOSK_BACKGROUND = '#f4f6fa';

/** The page the hub serves for kiosks; `hubUrl` is normalised without a trailing slash by the config. */
export function kioskPageUrl(hubUrl: string): string {
  return `${hubUrl}/kiosk`;
}

/**
 * Everything about the window as data, so it can be checked without Electron. The renderer gets no Node, an
 * isolated world for the preload and the Chromium sandbox: it shows a page fetched over the network.
 */
export function kioskWindowOptions(
  settings: KioskSettings,
  preloadPath: string,
  bounds?: Rectangle,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : {}),
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: KIOSK_BACKGROUND,
    title: 'Giliran',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: settings.devTools,
      spellcheck: false,
    },
  };
}

/**
 * Creates the window without loading it: main installs the navigation guard and the watchdog first, so the
 * very first load is already covered.
 */
export function createKioskWindow(
  settings: KioskSettings,
  preloadPath: string,
  bounds?: Rectangle,
): BrowserWindow {
  // No menu means no accelerators either: no reload, zoom or DevTools keys on a public screen.
  Menu.setApplicationMenu(null);
  const win = new BrowserWindow(kioskWindowOptions(settings, preloadPath, bounds));
  disableZoom(win);
  if (settings.devTools) allowDevToolsKey(win);
  return win;
}

const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0']);

/** A pinch on the touch screen would otherwise magnify the page with no way back for the next citizen. */
function disableZoom(win: BrowserWindow): void {
  const contents = win.webContents;
  const lock = (): void => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  };
  lock();
  // The limits are not guaranteed to outlive a navigation (a crash reload, a retry): set them after each load.
  contents.on('did-finish-load', lock);
  // A keyboard left attached for maintenance: Ctrl/Cmd with + - 0 never reaches a zoom handler.
  contents.on('before-input-event', (event, input) => {
    if ((input.control || input.meta) && ZOOM_KEYS.has(input.key)) event.preventDefault();
  });
}

/**
 * With the menu gone, the usual DevTools shortcut goes with it. A technician who turned `devTools` on in the
 * config gets F12 back; on every other kiosk the key does nothing, and DevTools are disabled outright anyway.
 */
function allowDevToolsKey(win: BrowserWindow): void {
  win.webContents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown' || input.key !== 'F12') return;
    event.preventDefault();
    win.webContents.toggleDevTools();
  });
}

/** Starts a load; a failure is reported by `did-fail-load`, which the watchdog retries, so the promise is spent. */
export function loadPage(win: BrowserWindow, url: string): void {
  if (win.isDestroyed()) return;
  win.loadURL(url).catch(() => undefined);
}
