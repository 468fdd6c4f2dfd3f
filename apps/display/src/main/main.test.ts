import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SynthesizeOutcome } from '@giliran/ui';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setOpenAtLogin } from '@giliran/desktop-shell/boot.ts';
import {
  app,
  emitApp,
  fakeEvent,
  FakeBrowserWindow,
  invokeEvent,
  ipcMain,
  powerSaveBlocker,
  PRIMARY_DISPLAY,
  resetFakeElectron,
  screen,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { DISPLAY_CHANNELS } from '../shared/ipc-channels.ts';
import { CONFIG_PATH_ENV } from './display-config.ts';
import { HIDE_CURSOR_CSS } from './display-window.ts';
import { createSynthesize } from './speech-engines.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));
// The speech package stays out of this test: only the wiring to it is checked.
vi.mock('./speech-engines.ts', () => ({
  createSynthesize: vi.fn(() => () => Promise.resolve(Buffer.from('RIFF\0\0\0\0WAVEfmt data'))),
}));
vi.mock('@giliran/desktop-shell/boot.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@giliran/desktop-shell/boot.ts')>()),
  setOpenAtLogin: vi.fn(() => false),
}));

const TV = { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
const PAGE =
  'http://hub.mpp.local:8080/display?lang=id&counters=loket-1%2Cloket-2#token=display-token-secret';

let dir: string;
let win: FakeBrowserWindow;

beforeAll(async () => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  screen.displays = [PRIMARY_DISPLAY, TV];
  dir = await mkdtemp(join(tmpdir(), 'giliran-display-main-'));
  const config = {
    hubUrl: 'http://hub.mpp.local:8080',
    deviceToken: 'display-token-secret',
    displayIndex: 1,
    counters: ['loket-1', 'loket-2'],
    autoStart: false,
  };
  await writeFile(join(dir, 'display.json'), JSON.stringify(config));
  vi.stubEnv(CONFIG_PATH_ENV, join(dir, 'display.json'));
  await import('./main.ts');
  await vi.waitFor(() => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
  const created = FakeBrowserWindow.instances[0];
  if (!created) throw new Error('no window');
  win = created;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('display main', () => {
  it('runs as a single instance with its own userData folder', () => {
    expect(app.setPath).toHaveBeenCalledWith('userData', '/fake/appData/giliran-display');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('keeps its device token sealed with safeStorage in its config file from the first start', async () => {
    const onDisk = await readFile(join(dir, 'display.json'), 'utf8');
    expect(onDisk).not.toContain('display-token-secret');
    expect(JSON.parse(onDisk)).toHaveProperty('deviceTokenEncrypted');
  });

  it('opens full screen on the configured monitor with the bundled preload, and loads the hub page', () => {
    expect(win.options).toMatchObject({ ...TV.bounds, kiosk: true, fullscreen: true, frame: false });
    expect(win.options.webPreferences?.preload).toBe(join('/fake/app', 'dist', 'preload.cjs'));
    expect(win.webContents.loadURL).toHaveBeenCalledWith(PAGE);
  });

  it('keeps the screen awake and follows the config on auto-start', () => {
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(setOpenAtLogin).toHaveBeenCalledWith(false);
  });

  it('hides the cursor once the page has loaded', () => {
    expect(win.webContents.insertCSS).not.toHaveBeenCalled();
    win.webContents.emit('did-finish-load');
    expect(win.webContents.insertCSS).toHaveBeenCalledWith(HIDE_CURSOR_CSS, { cssOrigin: 'user' });
  });

  it('keeps the window on the hub', () => {
    const away = fakeEvent({ url: 'https://example.com/' });
    win.webContents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
  });

  it('loads the speech engines on the first request only, for the display page only', async () => {
    expect(createSynthesize).not.toHaveBeenCalled();
    const speak = (): Promise<unknown> =>
      ipcMain.invoke(DISPLAY_CHANNELS.synthesize, invokeEvent(win), 'Nomor antrean', 'id');
    const outcome = (await speak()) as SynthesizeOutcome;
    expect(outcome.ok).toBe(true);
    await speak();
    expect(createSynthesize).toHaveBeenCalledOnce();
    expect(createSynthesize).toHaveBeenCalledWith({ engines: ['say', 'espeak', 'clips'] });
    const other = new FakeBrowserWindow();
    void other.loadURL(PAGE);
    await expect(
      ipcMain.invoke(DISPLAY_CHANNELS.synthesize, invokeEvent(other), 'Nomor antrean', 'id'),
    ).resolves.toMatchObject({ ok: false });
  });

  it('reloads the page after a crash, and relaunches the app when crashes repeat', () => {
    const loads = (): number => win.webContents.loadURL.mock.calls.filter(([url]) => url === PAGE).length;
    const before = loads();
    const crash = (): void => {
      win.webContents.emit('render-process-gone', fakeEvent({}), { reason: 'crashed', exitCode: 139 });
    };
    crash();
    expect(loads()).toBe(before + 1);
    expect(app.relaunch).not.toHaveBeenCalled();
    crash();
    crash();
    expect(app.relaunch).toHaveBeenCalledOnce();
    expect(app.exit).toHaveBeenCalledWith(0);
  });

  it('quits with its last window, and stops the watchdog before quitting', () => {
    expect(app.listeners.get('before-quit')).toHaveLength(1);
    emitApp('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });
});
