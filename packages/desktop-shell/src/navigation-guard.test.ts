import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  asWindow,
  fakeEvent,
  FakeBrowserWindow,
  FakeWebFrame,
  invokeEvent,
  resetFakeElectron,
} from './testing/fake-electron.ts';
import { createSenderCheck, installNavigationGuard, isHubUrl } from './navigation-guard.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));

const HUB = 'http://hub.mpp.local:8080';

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

function guardedWindow(): FakeBrowserWindow {
  const win = new FakeBrowserWindow();
  installNavigationGuard(asWindow(win), HUB);
  return win;
}

/** Emits `name` as Electron would and tells whether the guard cancelled it. */
function prevented(win: FakeBrowserWindow, name: 'will-navigate' | 'will-redirect', url: string): boolean {
  const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false });
  win.webContents.emit(name, event, url);
  return event.defaultPrevented;
}

describe('isHubUrl', () => {
  it('compares origins, so scheme and port count', () => {
    expect(isHubUrl(`${HUB}/t/ABC123`, HUB)).toBe(true);
    expect(isHubUrl('https://hub.mpp.local:8080/kiosk', HUB)).toBe(false);
    expect(isHubUrl('http://hub.mpp.local:8081/kiosk', HUB)).toBe(false);
    expect(isHubUrl('not a url', HUB)).toBe(false);
  });
});

describe('navigation guard', () => {
  it('lets the page move within the hub', () => {
    const win = guardedWindow();
    expect(prevented(win, 'will-navigate', `${HUB}/kiosk?lang=en`)).toBe(false);
    expect(prevented(win, 'will-redirect', `${HUB}/kiosk/`)).toBe(false);
  });

  it('cancels navigation and redirects to another origin', () => {
    const win = guardedWindow();
    expect(prevented(win, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented(win, 'will-navigate', 'http://hub.mpp.local.evil.test:8080/kiosk')).toBe(true);
    expect(prevented(win, 'will-redirect', 'https://login.example.com/')).toBe(true);
  });

  it('cancels file:, data: and javascript: navigations', () => {
    const win = guardedWindow();
    expect(prevented(win, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented(win, 'will-navigate', 'data:text/html,<h1>hi</h1>')).toBe(true);
    expect(prevented(win, 'will-navigate', 'javascript:alert(1)')).toBe(true);
  });

  it("logs what it blocked under the shell's name, without the query", () => {
    const win = new FakeBrowserWindow();
    installNavigationGuard(asWindow(win), HUB, 'display');
    expect(prevented(win, 'will-navigate', 'https://example.com/login?session=abc')).toBe(true);
    expect(console.warn).toHaveBeenCalledWith('[display] blocked navigation to https://example.com/login?…');
  });

  it('denies every window.open, even to the hub', () => {
    const win = guardedWindow();
    const open = win.webContents.windowOpenHandler;
    expect(open?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: `${HUB}/t/ABC123` })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const win = guardedWindow();
    const event = fakeEvent({});
    win.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('refuses every permission request', () => {
    const win = guardedWindow();
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications']) {
      win.webContents.session.permissionRequestHandler?.(win.webContents, permission, (ok) =>
        granted.push(ok),
      );
    }
    expect(granted).toEqual([false, false, false]);
  });
});

describe('IPC sender check', () => {
  function loadedWindow(url = `${HUB}/kiosk`): FakeBrowserWindow {
    const win = new FakeBrowserWindow();
    void win.loadURL(url);
    return win;
  }

  it('accepts the main frame of the kiosk window on the hub origin', () => {
    const win = loadedWindow();
    expect(createSenderCheck(asWindow(win), HUB)(invokeEvent(win))).toBe(true);
  });

  it('rejects an iframe, even one on the hub origin', () => {
    const win = loadedWindow();
    const iframe = new FakeWebFrame(`${HUB}/kiosk`, win.webContents.mainFrame);
    expect(createSenderCheck(asWindow(win), HUB)(invokeEvent(win, iframe))).toBe(false);
  });

  it('rejects the main frame when it shows another origin or a local page', () => {
    const check = (url: string): boolean => {
      const win = loadedWindow(url);
      return createSenderCheck(asWindow(win), HUB)(invokeEvent(win));
    };
    expect(check('https://example.com/kiosk')).toBe(false);
    expect(check('file:///tmp/kiosk.html')).toBe(false);
    expect(check('data:text/html,offline')).toBe(false);
  });

  it('rejects another window, a destroyed frame and a destroyed window', () => {
    const win = loadedWindow();
    const other = loadedWindow();
    const check = createSenderCheck(asWindow(win), HUB);
    expect(check(invokeEvent(other))).toBe(false);
    expect(check(invokeEvent(win, null))).toBe(false);
    win.destroyed = true;
    expect(check(invokeEvent(win))).toBe(false);
  });
});
