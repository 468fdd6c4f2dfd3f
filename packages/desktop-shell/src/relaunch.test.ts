import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, asWindow, fakeEvent, FakeBrowserWindow, resetFakeElectron } from './testing/fake-electron.ts';
import { installRelaunchWatchdog, WATCHDOG_DEFAULTS, type Watchdog } from './relaunch.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));

const PAGE = 'http://hub.mpp.local:8080/kiosk';
const OFFLINE = 'data:text/html,offline';
const ERR_CONNECTION_REFUSED = -102;

let win: FakeBrowserWindow;
let watchdog: Watchdog;

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  win = new FakeBrowserWindow();
  watchdog = installRelaunchWatchdog(asWindow(win), { pageUrl: PAGE, offlinePageUrl: OFFLINE });
});

afterEach(() => {
  watchdog.dispose();
  vi.useRealTimers();
});

const crash = (reason = 'crashed'): void => {
  win.webContents.emit('render-process-gone', fakeEvent({}), { reason, exitCode: 139 });
};

const failLoad = (url = PAGE, code = ERR_CONNECTION_REFUSED, isMainFrame = true): void => {
  win.webContents.emit(
    'did-fail-load',
    fakeEvent({}),
    code,
    'ERR_CONNECTION_REFUSED',
    url,
    isMainFrame,
    1,
    1,
  );
};

/** URLs handed to `loadURL`, in order. */
const loads = (): string[] => win.webContents.loadURL.mock.calls.map(([url]) => url);

describe('start', () => {
  it('loads the kiosk page', () => {
    watchdog.start();
    expect(loads()).toEqual([PAGE]);
  });
});

describe('renderer loss', () => {
  it('reloads the kiosk page after a crash', () => {
    crash();
    expect(loads()).toEqual([PAGE]);
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('relaunches the app when crashes repeat within the window', () => {
    crash();
    vi.advanceTimersByTime(60_000);
    crash('oom');
    vi.advanceTimersByTime(60_000);
    crash();
    expect(loads()).toEqual([PAGE, PAGE]);
    expect(app.relaunch).toHaveBeenCalledOnce();
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('only reloads when the crashes are spread out', () => {
    for (let i = 0; i < 5; i++) {
      crash();
      vi.advanceTimersByTime(WATCHDOG_DEFAULTS.crashWindowMs / 2 + 1);
    }
    expect(loads()).toHaveLength(5);
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('does nothing for a destroyed window', () => {
    win.destroyed = true;
    crash();
    expect(loads()).toEqual([]);
  });
});

describe('unresponsive page', () => {
  it('kills the renderer after the grace time, and the crash path reloads the page', () => {
    win.webContents.emit('unresponsive');
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.unresponsiveMs - 1);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(loads()).toEqual([PAGE]);
  });

  it('clears the timer when the page answers again', () => {
    win.webContents.emit('unresponsive');
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.unresponsiveMs / 2);
    win.webContents.emit('responsive');
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.unresponsiveMs * 2);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(loads()).toEqual([]);
  });

  it('does not restart the grace time when "unresponsive" repeats', () => {
    win.webContents.emit('unresponsive');
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.unresponsiveMs - 1000);
    win.webContents.emit('unresponsive');
    vi.advanceTimersByTime(1000);
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
  });
});

describe('hub unreachable at load', () => {
  it('shows the offline page and retries with doubling delays', () => {
    failLoad();
    expect(loads()).toEqual([OFFLINE]);
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.retryBaseMs - 1);
    expect(loads()).toEqual([OFFLINE]);
    vi.advanceTimersByTime(1);
    expect(loads()).toEqual([OFFLINE, PAGE]);

    failLoad();
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.retryBaseMs * 2 - 1);
    expect(loads()).toEqual([OFFLINE, PAGE, OFFLINE]);
    vi.advanceTimersByTime(1);
    expect(loads()).toEqual([OFFLINE, PAGE, OFFLINE, PAGE]);
  });

  it('caps the delay', () => {
    for (let i = 0; i < 10; i++) {
      failLoad();
      vi.runOnlyPendingTimers();
    }
    win.webContents.loadURL.mockClear();
    failLoad();
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.retryMaxMs - 1);
    expect(loads()).toEqual([OFFLINE]);
    vi.advanceTimersByTime(1);
    expect(loads()).toEqual([OFFLINE, PAGE]);
  });

  it('starts the backoff over once a hub page has loaded', () => {
    failLoad();
    vi.runOnlyPendingTimers();
    failLoad();
    vi.runOnlyPendingTimers();
    win.webContents.emit('did-finish-load'); // the kiosk page, at last
    win.webContents.loadURL.mockClear();

    failLoad();
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.retryBaseMs);
    expect(loads()).toEqual([OFFLINE, PAGE]);
  });

  it('keeps backing off when only the offline page has loaded', () => {
    failLoad();
    vi.runOnlyPendingTimers();
    failLoad();
    win.webContents.emit('did-finish-load'); // the offline page
    vi.runOnlyPendingTimers();
    win.webContents.loadURL.mockClear();

    failLoad();
    vi.advanceTimersByTime(WATCHDOG_DEFAULTS.retryBaseMs * 4 - 1);
    expect(loads()).toEqual([OFFLINE]);
    vi.advanceTimersByTime(1);
    expect(loads()).toEqual([OFFLINE, PAGE]);
  });

  it('ignores aborted loads and failing subframes', () => {
    failLoad(PAGE, -3);
    failLoad('https://maps.example.com/embed', ERR_CONNECTION_REFUSED, false);
    vi.runAllTimers();
    expect(loads()).toEqual([]);
  });

  it('keeps a single retry pending when a crash reload comes in between', () => {
    failLoad();
    crash();
    vi.runAllTimers();
    expect(loads()).toEqual([OFFLINE, PAGE]);
  });
});

describe('dispose', () => {
  it('stops retries and recovery once the window is closed', () => {
    failLoad();
    win.emit('closed');
    vi.runAllTimers();
    crash();
    win.webContents.emit('unresponsive');
    vi.runAllTimers();
    expect(loads()).toEqual([OFFLINE]);
    expect(win.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });
});

describe('log', () => {
  it("names the shell and keeps the page's query (the display's token) out of it", () => {
    watchdog.dispose();
    const page = 'http://hub.mpp.local:8080/display?token=s3cret';
    watchdog = installRelaunchWatchdog(asWindow(win), {
      pageUrl: page,
      offlinePageUrl: OFFLINE,
      logTag: 'display',
    });
    failLoad(page);
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/^\[display\] could not load /));
    expect(vi.mocked(console.warn).mock.calls.flat().join(' ')).not.toContain('s3cret');
  });
});
