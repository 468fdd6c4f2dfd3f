import { BrowserWindow, Menu, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';

export interface ShellWindowSpec {
  readonly preloadPath: string;
  readonly devTools: boolean;
  /** The page's own background: what shows before the first paint and between reloads. */
  readonly backgroundColor: string;
  readonly title: string;
  /** The monitor to fill; the OS's choice (the primary one) when left out. */
  readonly bounds?: Rectangle | undefined;
}

/**
 * Everything about a shell window as data, so it can be checked without Electron. The renderer gets no Node,
 * an isolated world for the preload and the Chromium sandbox: it shows a page fetched over the network.
 */
export function shellWindowOptions(spec: ShellWindowSpec): BrowserWindowConstructorOptions {
  const { bounds } = spec;
  return {
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : {}),
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: spec.backgroundColor,
    title: spec.title,
    webPreferences: {
      preload: spec.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: spec.devTools,
      spellcheck: false,
    },
  };
}

/**
 * Creates the window without loading it: main installs the navigation guard and the watchdog first, so the
 * very first load is already covered.
 */
export function createShellWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  // No menu means no accelerators either: no reload, zoom or DevTools keys on a public screen.
  Menu.setApplicationMenu(null);
  const win = new BrowserWindow(options);
  disableZoom(win);
  if (options.webPreferences?.devTools === true) allowDevToolsKey(win);
  return win;
}

const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0']);

/** A pinch on a touch screen would otherwise magnify the page with no way back for the next citizen. */
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
 * config gets F12 back; on every other machine the key does nothing, and DevTools are disabled outright anyway.
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

/** The part of Electron's `screen` the choice needs, so tests can hand in any set of monitors. */
export interface Monitors {
  getAllDisplays(): readonly { readonly bounds: Rectangle }[];
  getPrimaryDisplay(): { readonly bounds: Rectangle };
}

/**
 * The bounds of monitor `index` (0-based, as the OS orders them), or of the primary one when no index is set
 * or that monitor is not connected: a TV switched off at start-up must not leave the shell without a screen.
 */
export function chooseDisplayBounds(
  monitors: Monitors,
  index: number | undefined,
  logTag = 'shell',
): Rectangle {
  if (index === undefined) return monitors.getPrimaryDisplay().bounds;
  const display = monitors.getAllDisplays()[index];
  if (display) return display.bounds;
  console.warn(`[${logTag}] no display ${index}; using the primary display`);
  return monitors.getPrimaryDisplay().bounds;
}

/** A window that can only show `pageUrl` (a local config-error page): no preload, no script. */
export function showErrorWindow(pageUrl: string, backgroundColor: string): BrowserWindow {
  const win = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    frame: false,
    backgroundColor,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  loadPage(win, pageUrl);
  return win;
}
