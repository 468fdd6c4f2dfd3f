import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenderCheck } from '@giliran/desktop-shell/navigation-guard.ts';
import {
  asWindow,
  FakeBrowserWindow,
  FakeWebFrame,
  invokeEvent,
  ipcMain,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { COUNTER_CHANNELS } from '../shared/ipc-channels.ts';
import { counterSettings } from '../testing/settings.ts';
import { registerCounterBridge } from './counter-bridge.ts';
import { DEFAULT_SHORTCUTS } from './counter-config.ts';
import type { CounterStore } from './counter-state.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

const HUB = 'http://hub.mpp.local:8080';
const PAGE = `${HUB}/counter?lang=id`;

/** An in-memory store: the file behind it is counter-state.test.ts's business. */
function memoryStore(): CounterStore & { remember: ReturnType<typeof vi.fn<CounterStore['remember']>> } {
  let current: string | null = null;
  return {
    current: () => current,
    remember: vi.fn<CounterStore['remember']>((counterId) => {
      current = counterId;
      return Promise.resolve();
    }),
  };
}

let win: FakeBrowserWindow;
let store: ReturnType<typeof memoryStore>;
let unregister: () => void;

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  win = new FakeBrowserWindow();
  void win.loadURL(PAGE);
  store = memoryStore();
  unregister = registerCounterBridge({
    settings: counterSettings({ shortcuts: { transfer: 'F8' } }),
    store,
    isTrustedSender: createSenderCheck(asWindow(win), HUB),
  });
});

afterEach(() => {
  unregister();
});

const remember = (...args: unknown[]): Promise<unknown> =>
  ipcMain.invoke(COUNTER_CHANNELS.rememberCounter, invokeEvent(win), ...args);
const getConfig = (event: IpcMainInvokeEvent = invokeEvent(win)): Promise<unknown> =>
  ipcMain.invoke(COUNTER_CHANNELS.getConfig, event);

describe('counter:config', () => {
  it('gives the counter page its config, with the counter remembered so far', async () => {
    await expect(getConfig()).resolves.toEqual({
      hubUrl: HUB,
      lang: 'id',
      counterId: null,
      shortcuts: { ...DEFAULT_SHORTCUTS, transfer: 'F8' },
    });
    await remember('loket-2');
    await expect(getConfig()).resolves.toMatchObject({ counterId: 'loket-2' });
  });
});

describe('counter:remember', () => {
  it('stores a valid counter id', async () => {
    await expect(remember('disdukcapil:loket-2')).resolves.toBeUndefined();
    expect(store.remember).toHaveBeenCalledWith('disdukcapil:loket-2');
  });

  it('rejects an invalid id without storing it', async () => {
    for (const args of [[''], ['loket 2'], ['x'.repeat(65)], [42], [{ counterId: 'loket-2' }], []]) {
      await expect(remember(...args)).rejects.toThrow('counter:remember: invalid counter id');
    }
    expect(store.remember).not.toHaveBeenCalled();
  });

  it('rejects with a short reason when the file cannot be written, and logs the cause', async () => {
    const cause = new Error("EACCES: permission denied, open '/x/counter-state.json.tmp'");
    store.remember.mockRejectedValueOnce(cause);
    await expect(remember('loket-2')).rejects.toThrow('counter:remember: could not save the counter');
    expect(console.error).toHaveBeenCalledWith('[counter] could not remember the counter:', cause);
  });
});

describe('sender check', () => {
  it('refuses an iframe, another window and another origin, on both channels', async () => {
    const iframe = new FakeWebFrame(PAGE, win.webContents.mainFrame);
    await expect(getConfig(invokeEvent(win, iframe))).rejects.toThrow(/not the counter page/);
    const other = new FakeBrowserWindow();
    void other.loadURL(PAGE);
    await expect(
      ipcMain.invoke(COUNTER_CHANNELS.rememberCounter, invokeEvent(other), 'loket-1'),
    ).rejects.toThrow('counter:remember: not the counter page');
    void win.loadURL('https://example.com/counter');
    await expect(remember('loket-1')).rejects.toThrow(/not the counter page/);
    expect(store.remember).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(
      '[counter] counter:config refused from http://hub.mpp.local:8080/counter?…',
    );
  });
});

describe('registration', () => {
  it('registers exactly the invoke channels and removes them', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['counter:config', 'counter:remember']);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
