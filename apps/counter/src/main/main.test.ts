import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  app,
  emitApp,
  fakeEvent,
  FakeBrowserWindow,
  globalShortcut,
  invokeEvent,
  ipcMain,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { COUNTER_CHANNELS } from '../shared/ipc-channels.ts';
import { CONFIG_PATH_ENV, DEFAULT_SHORTCUTS } from './counter-config.ts';
import { STATE_FILE_NAME } from './counter-state.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

const HUB = 'http://hub.mpp.local:8080';
const PAGE = `${HUB}/counter?lang=en`;

let dir: string;
let win: FakeBrowserWindow;

beforeAll(async () => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  dir = await mkdtemp(join(tmpdir(), 'giliran-counter-main-'));
  app.getPath.mockImplementation((name: string) => (name === 'userData' ? dir : `/fake/${name}`));
  const config = { hubUrl: HUB, language: 'en', shortcuts: { resume: null, transfer: 'Control+Alt+P' } };
  await writeFile(join(dir, 'counter.json'), JSON.stringify(config));
  await writeFile(join(dir, STATE_FILE_NAME), JSON.stringify({ counterId: 'loket-2' }));
  // Another program holds one key: the app starts all the same, without that shortcut.
  globalShortcut.takenByOthers.add(DEFAULT_SHORTCUTS.recall);
  vi.stubEnv(CONFIG_PATH_ENV, join(dir, 'counter.json'));
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

describe('counter main', () => {
  it('runs as a single instance with its own userData folder', () => {
    expect(app.setPath).toHaveBeenCalledWith('userData', '/fake/appData/giliran-counter');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('opens one ordinary window with the bundled preload, and loads the hub page in the language', () => {
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false, frame: true, resizable: true });
    expect(win.options.webPreferences).toMatchObject({
      preload: join('/fake/app', 'dist', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.webContents.loadURL).toHaveBeenCalledWith(PAGE);
  });

  it('keeps the window on the hub', () => {
    const away = fakeEvent({ url: 'https://example.com/' });
    win.webContents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
  });

  it('gives the page the remembered counter, and remembers a new one in counter-state.json', async () => {
    await expect(ipcMain.invoke(COUNTER_CHANNELS.getConfig, invokeEvent(win))).resolves.toMatchObject({
      hubUrl: HUB,
      lang: 'en',
      counterId: 'loket-2',
    });
    await ipcMain.invoke(COUNTER_CHANNELS.rememberCounter, invokeEvent(win), 'loket-5');
    expect(JSON.parse(await readFile(join(dir, STATE_FILE_NAME), 'utf8'))).toEqual({ counterId: 'loket-5' });
    expect(JSON.parse(await readFile(join(dir, 'counter.json'), 'utf8'))).not.toHaveProperty('counterId');
  });

  it('registers the configured global shortcuts, skipping a taken one, and forwards presses', () => {
    expect([...globalShortcut.registered.keys()].sort()).toEqual(
      [
        'Control+Alt+N',
        'Control+Alt+M',
        'Control+Alt+S',
        'Control+Alt+T',
        'Control+Alt+J',
        'Control+Alt+P',
      ].sort(),
    );
    expect(console.warn).toHaveBeenCalledWith(
      '[counter] shortcut recall: Control+Alt+U is taken by another program; skipped',
    );
    globalShortcut.press('Control+Alt+P');
    expect(win.webContents.send).toHaveBeenLastCalledWith(COUNTER_CHANNELS.onShortcut, 'transfer');
  });

  it('shows the offline page when the hub page fails to load, and retries', () => {
    vi.useFakeTimers();
    try {
      win.webContents.emit('did-fail-load', fakeEvent({}), -102, 'ERR_CONNECTION_REFUSED', PAGE, true);
      const offline = String(win.webContents.loadURL.mock.lastCall?.[0]);
      expect(decodeURIComponent(offline)).toContain('The counter app cannot reach the queue server');
      vi.advanceTimersByTime(2_000);
      expect(win.webContents.loadURL).toHaveBeenLastCalledWith(PAGE);
    } finally {
      vi.useRealTimers();
    }
  });

  it('unregisters the shortcuts when quitting, and quits with its window', () => {
    expect(app.listeners.get('before-quit')).toHaveLength(1);
    emitApp('will-quit');
    expect(globalShortcut.unregisterAll).toHaveBeenCalledOnce();
    expect(globalShortcut.registered.size).toBe(0);
    emitApp('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });
});
