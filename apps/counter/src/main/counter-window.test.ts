import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  emitApp,
  FakeBrowserWindow,
  Menu,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { counterSettings } from '../testing/settings.ts';
import {
  COUNTER_MIN_SIZE,
  counterPageUrl,
  counterWindowOptions,
  createCounterWindow,
  focusOnSecondInstance,
  showCounterErrorWindow,
} from './counter-window.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

beforeEach(() => {
  resetFakeElectron();
});

describe('counterWindowOptions', () => {
  it('is an ordinary resizable window with a frame, not kiosk or full screen, at least 1024×700', () => {
    const options = counterWindowOptions(counterSettings(), '/app/dist/preload.cjs');
    expect(options).toMatchObject({
      kiosk: false,
      fullscreen: false,
      frame: true,
      resizable: true,
      minWidth: 1024,
      minHeight: 700,
      backgroundColor: '#f4f6fa',
    });
    expect(COUNTER_MIN_SIZE).toEqual({ width: 1024, height: 700 });
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
  });

  it('keeps the locked-down renderer: isolated, sandboxed, no Node, the bundled preload', () => {
    const options = counterWindowOptions(counterSettings(), '/app/dist/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      devTools: false,
    });
    const withDevTools = counterWindowOptions(counterSettings({ devTools: true }), '/p.cjs');
    expect(withDevTools.webPreferences?.devTools).toBe(true);
  });
});

describe('createCounterWindow', () => {
  it('removes the menu and creates the window with those options', () => {
    const settings = counterSettings();
    createCounterWindow(settings, '/p.cjs');
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(FakeBrowserWindow.instances[0]?.options).toEqual(counterWindowOptions(settings, '/p.cjs'));
  });
});

describe('focusOnSecondInstance', () => {
  it('brings the window back when the app is started again', () => {
    const win = createCounterWindow(counterSettings(), '/p.cjs');
    const fake = FakeBrowserWindow.instances[0];
    if (!fake) throw new Error('no window');
    focusOnSecondInstance(win);
    fake.minimized = true;
    emitApp('second-instance');
    expect(fake.restore).toHaveBeenCalledOnce();
    expect(fake.focus).toHaveBeenCalledOnce();
    expect(app.on).toHaveBeenCalledWith('second-instance', expect.any(Function));
  });
});

describe('showCounterErrorWindow', () => {
  it('shows the page in an ordinary window that runs no script and has no preload', () => {
    showCounterErrorWindow('data:text/html,problem');
    const win = FakeBrowserWindow.instances[0];
    expect(win?.options).not.toHaveProperty('kiosk');
    expect(win?.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(win?.options.webPreferences?.preload).toBeUndefined();
    expect(win?.loadURL).toHaveBeenCalledWith('data:text/html,problem');
  });
});

describe('counterPageUrl', () => {
  it('is <hubUrl>/counter with the language, keeping a hub path', () => {
    expect(counterPageUrl(counterSettings())).toBe('http://hub.mpp.local:8080/counter?lang=id');
    expect(
      counterPageUrl(counterSettings({ hubUrl: 'https://antrean.example.go.id/mpp/', language: 'en' })),
    ).toBe('https://antrean.example.go.id/mpp/counter?lang=en');
  });
});
