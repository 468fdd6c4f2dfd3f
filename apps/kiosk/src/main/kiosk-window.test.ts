import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPage } from '@giliran/desktop-shell/shell-window.ts';
import {
  asWindow,
  FakeBrowserWindow,
  Menu,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { sampleSettings } from '../testing/settings.ts';
import { createKioskWindow, kioskPageUrl, kioskWindowOptions } from './kiosk-window.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

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
});

describe('loading the kiosk page', () => {
  it('loads <hubUrl>/kiosk, also when the config had a trailing slash', () => {
    const settings = sampleSettings({ hubUrl: 'https://antrean.mpp.example.go.id/giliran/' });
    const win = new FakeBrowserWindow();
    loadPage(asWindow(win), kioskPageUrl(settings.hubUrl));
    expect(win.loadURL).toHaveBeenCalledWith('https://antrean.mpp.example.go.id/giliran/kiosk');
  });
});
