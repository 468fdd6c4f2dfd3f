import { COUNTER_BRIDGE_KEY, type CounterAction, type CounterBridge } from '@giliran/ui';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contextBridge,
  ipcRenderer,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { COUNTER_CHANNELS } from '../shared/ipc-channels.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

let bridge: CounterBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('./preload.ts');
  bridge = contextBridge.exposed.get(COUNTER_BRIDGE_KEY) as CounterBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
});

describe('counter preload', () => {
  it('exposes one API, under the key the page looks for', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('giliranCounter', bridge);
  });

  it('exposes exactly the bridge methods, one per channel, and nothing of ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['getConfig', 'onShortcut', 'rememberCounter']);
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(COUNTER_CHANNELS).sort());
    for (const member of Object.values(bridge)) expect(typeof member).toBe('function');
  });

  it('asks main for the config on counter:config', async () => {
    const config = { hubUrl: 'http://hub', lang: 'id', counterId: null, shortcuts: {} };
    ipcRenderer.invoke.mockResolvedValueOnce(config);
    await expect(bridge.getConfig()).resolves.toBe(config);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('counter:config');
  });

  it('sends the counter id on counter:remember', async () => {
    await expect(bridge.rememberCounter('loket-3')).resolves.toBeUndefined();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('counter:remember', 'loket-3');
  });

  it('hands a listener only the action of each known shortcut, until unsubscribed', () => {
    const heard: CounterAction[] = [];
    const listener = vi.fn((...args: unknown[]) => {
      heard.push(...(args as CounterAction[]));
    });
    const unsubscribe = bridge.onShortcut(listener);
    expect(ipcRenderer.on).toHaveBeenCalledWith('counter:shortcut', expect.any(Function));
    ipcRenderer.deliver('counter:shortcut', 'call-next');
    ipcRenderer.deliver('counter:shortcut', 'format-disk');
    ipcRenderer.deliver('counter:shortcut', { action: 'recall' });
    ipcRenderer.deliver('counter:shortcut', 'recall', 'extra');
    expect(heard).toEqual(['call-next', 'recall']);
    // One argument per call: nothing of the IPC event reaches the page.
    expect(listener.mock.calls).toEqual([['call-next'], ['recall']]);
    unsubscribe();
    expect(ipcRenderer.listenerCount('counter:shortcut')).toBe(0);
    ipcRenderer.deliver('counter:shortcut', 'finish');
    expect(heard).toEqual(['call-next', 'recall']);
  });

  it("uses main's channel names and the page's actions", () => {
    expect(Object.values(COUNTER_CHANNELS).sort()).toEqual([
      'counter:config',
      'counter:remember',
      'counter:shortcut',
    ]);
  });
});
