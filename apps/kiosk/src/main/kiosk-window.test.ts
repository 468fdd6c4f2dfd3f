import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asWindow, fakeEvent, FakeBrowserWindow, Menu, resetFakeElectron } from '../testing/fake-electron.ts';
import { sampleSettings } from '../testing/settings.ts';
import { createKioskWindow, kioskPageUrl, kioskWindowOptions, loadPage } from './kiosk-window.ts';

vi.mock('electron', () => import('../testing/fake-electron.ts'));

beforeEach(() => {
  resetFakeElectron();
});

describe('kioskWindowOptions', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    const options = kioskWindowOptions(sampleSettings(), '/app/dist/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      spellcheck: false,
    });
  });

  it('fills the screen as a kiosk without frame or menu bar', () => {
    expect(kioskWindowOptions(sampleSettings(), '/p.cjs')).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      backgroundColor: '#f4f6fa',
    });
  });

  it('keeps DevTools off unless the config turns them on', () => {
    expect(kioskWindowOptions(sampleSettings(), '/p.cjs').webPreferences?.devTools).toBe(false);
    expect(kioskWindowOptions(sampleSettings({ devTools: true }), '/p.cjs').webPreferences?.devTools).toBe(
      true,
    );
  });

  it('places the window on the chosen display', () => {
    const bounds = { x: 1920, y: 0, width: 1080, height: 1920 };
    expect(kioskWindowOptions(sampleSettings(), '/p.cjs', bounds)).toMatchObject(bounds);
    expect(kioskWindowOptions(sampleSettings(), '/p.cjs')).not.toHaveProperty('x');
  });
});

describe('createKioskWindow', () => {
  it('removes the application menu and creates the window with those options', () => {
    const settings = sampleSettings();
    createKioskWindow(settings, '/p.cjs');
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]?.options).toEqual(kioskWindowOptions(settings, '/p.cjs'));
  });

  it('turns pinch-zoom off, again after every load', () => {
    const win = createKioskWindow(sampleSettings(), '/p.cjs');
    const contents = FakeBrowserWindow.instances[0]?.webContents;
    expect(win.webContents).toBe(contents);
    expect(contents?.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    contents?.emit('did-finish-load');
    expect(contents?.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
  });

  it('swallows zoom shortcuts but lets other keys through', () => {
    createKioskWindow(sampleSettings(), '/p.cjs');
    const contents = FakeBrowserWindow.instances[0]?.webContents;
    const press = (input: { key: string; control?: boolean; meta?: boolean }): boolean => {
      const event = fakeEvent({});
      contents?.emit('before-input-event', event, { control: false, meta: false, ...input });
      return event.defaultPrevented;
    };
    expect(press({ key: '+', control: true })).toBe(true);
    expect(press({ key: '-', control: true })).toBe(true);
    expect(press({ key: '0', meta: true })).toBe(true);
    expect(press({ key: '+' })).toBe(false);
    expect(press({ key: 'a', control: true })).toBe(false);
  });
});

describe('DevTools key', () => {
  const pressF12 = (devTools: boolean): FakeBrowserWindow => {
    createKioskWindow(sampleSettings({ devTools }), '/p.cjs');
    const win = FakeBrowserWindow.instances.at(-1);
    if (!win) throw new Error('no window');
    win.webContents.emit('before-input-event', fakeEvent({}), {
      type: 'keyDown',
      key: 'F12',
      control: false,
      meta: false,
    });
    return win;
  };

  it('toggles DevTools on F12 only when the config allows them', () => {
    expect(pressF12(true).webContents.toggleDevTools).toHaveBeenCalledOnce();
    expect(pressF12(false).webContents.toggleDevTools).not.toHaveBeenCalled();
  });
});

describe('loading the kiosk page', () => {
  it('loads <hubUrl>/kiosk, also when the config had a trailing slash', () => {
    const settings = sampleSettings({ hubUrl: 'https://antrian.mpp.example.go.id/giliran/' });
    const win = new FakeBrowserWindow();
    loadPage(asWindow(win), kioskPageUrl(settings.hubUrl));
    expect(win.loadURL).toHaveBeenCalledWith('https://antrian.mpp.example.go.id/giliran/kiosk');
  });

  it('spends a failed load (did-fail-load reports it) and skips a destroyed window', async () => {
    const win = new FakeBrowserWindow();
    win.loadURL.mockRejectedValueOnce(new Error('ERR_CONNECTION_REFUSED'));
    loadPage(asWindow(win), 'http://hub/kiosk');
    await Promise.resolve();
    win.destroyed = true;
    loadPage(asWindow(win), 'http://hub/kiosk');
    expect(win.loadURL).toHaveBeenCalledTimes(1);
  });
});
