import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseDisplayBounds, shellWindowOptions } from '@giliran/desktop-shell/shell-window.ts';
import {
  FakeBrowserWindow,
  Menu,
  PRIMARY_DISPLAY,
  resetFakeElectron,
  screen,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { displaySettings } from '../testing/settings.ts';
import {
  createDisplayWindow,
  displayPageUrl,
  displayWindowOptions,
  HIDE_CURSOR_CSS,
} from './display-window.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

const TV = { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  screen.displays = [PRIMARY_DISPLAY, TV];
});

describe('displayWindowOptions', () => {
  it('fills the chosen monitor, frameless, kiosk-like, without menu bar, on black', () => {
    const settings = displaySettings({ displayIndex: 1 });
    const options = displayWindowOptions(settings, chooseDisplayBounds(screen, 1), '/app/dist/preload.cjs');
    expect(options).toMatchObject({
      ...TV.bounds,
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
    });
  });

  it('falls back to the primary monitor when the chosen one is not connected', () => {
    const options = displayWindowOptions(displaySettings(), chooseDisplayBounds(screen, 4), '/p.cjs');
    expect(options).toMatchObject(PRIMARY_DISPLAY.bounds);
    expect(console.warn).toHaveBeenCalledWith('[shell] no display 4; using the primary display');
  });

  it('keeps the shared locked-down renderer, lets it speak unprompted and never throttles it', () => {
    const bounds = PRIMARY_DISPLAY.bounds;
    const options = displayWindowOptions(displaySettings(), bounds, '/app/dist/preload.cjs');
    const shared = shellWindowOptions({
      preloadPath: '/app/dist/preload.cjs',
      devTools: false,
      backgroundColor: '#000000',
      title: 'Giliran · Layar Antrean',
      bounds,
    });
    expect(options).toEqual({
      ...shared,
      webPreferences: {
        ...shared.webPreferences,
        autoplayPolicy: 'no-user-gesture-required',
        backgroundThrottling: false,
      },
    });
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    const withDevTools = displayWindowOptions(displaySettings({ devTools: true }), bounds, '/p.cjs');
    expect(withDevTools.webPreferences?.devTools).toBe(true);
  });
});

describe('createDisplayWindow', () => {
  it('removes the menu and creates the window with those options', () => {
    const settings = displaySettings();
    createDisplayWindow(settings, TV.bounds, '/p.cjs');
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(FakeBrowserWindow.instances[0]?.options).toEqual(
      displayWindowOptions(settings, TV.bounds, '/p.cjs'),
    );
  });

  it('hides the cursor with user CSS after every load, not before', () => {
    const win = createDisplayWindow(displaySettings(), TV.bounds, '/p.cjs');
    const contents = FakeBrowserWindow.instances[0]?.webContents;
    expect(win.webContents).toBe(contents);
    expect(contents?.insertCSS).not.toHaveBeenCalled();
    contents?.emit('did-finish-load');
    expect(contents?.insertCSS).toHaveBeenCalledWith('* { cursor: none !important }', { cssOrigin: 'user' });
    contents?.emit('did-finish-load'); // a crash reload
    expect(contents?.insertCSS).toHaveBeenCalledTimes(2);
    expect(HIDE_CURSOR_CSS).toBe('* { cursor: none !important }');
  });

  it('survives a failed insertion (the page navigated away meanwhile)', async () => {
    createDisplayWindow(displaySettings(), TV.bounds, '/p.cjs');
    const contents = FakeBrowserWindow.instances[0]?.webContents;
    contents?.insertCSS.mockRejectedValueOnce(new Error('frame gone'));
    contents?.emit('did-finish-load');
    await Promise.resolve();
    expect(contents?.insertCSS).toHaveBeenCalledOnce();
  });
});

describe('displayPageUrl', () => {
  it('is <hubUrl>/display with the language, and the token only in the fragment (never sent to the hub)', () => {
    expect(displayPageUrl(displaySettings())).toBe(
      'http://hub.mpp.local:8080/display?lang=id#token=display-token-secret',
    );
  });

  it('keeps a hub path and passes the zone as the comma lists the page reads', () => {
    const url = new URL(
      displayPageUrl(
        displaySettings({
          hubUrl: 'https://antrean.example.go.id/mpp/',
          deviceToken: 'a&b=c',
          language: 'en',
          agencies: ['disdukcapil', 'samsat'],
          counters: ['loket-1'],
        }),
      ),
    );
    expect(url.origin + url.pathname).toBe('https://antrean.example.go.id/mpp/display');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      lang: 'en',
      agencies: 'disdukcapil,samsat',
      counters: 'loket-1',
    });
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe('a&b=c');
  });
});
