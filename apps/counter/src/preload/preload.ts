import type { COUNTER_BRIDGE_KEY, CounterAction, CounterBridge, CounterShellConfig } from '@giliran/ui';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isCounterAction } from '@giliran/ui/counter-bridge';
import type { CounterChannels } from '../shared/ipc-channels.ts';

// Sandboxed, this preload gets `electron` and little else at run time: key and channels are written out, and
// their types hold them to `@giliran/ui` and to main's table (../shared/ipc-channels.ts).
const BRIDGE_KEY: typeof COUNTER_BRIDGE_KEY = 'giliranCounter';
const CHANNELS: CounterChannels = {
  getConfig: 'counter:config',
  rememberCounter: 'counter:remember',
  onShortcut: 'counter:shortcut',
};

/** The page hears only the action: the IPC event, and `ipcRenderer` with it, stay on this side. */
function onShortcut(listener: (action: CounterAction) => void): () => void {
  const forward = (_event: IpcRendererEvent, action: unknown): void => {
    if (isCounterAction(action)) listener(action);
  };
  ipcRenderer.on(CHANNELS.onShortcut, forward);
  return () => {
    ipcRenderer.removeListener(CHANNELS.onShortcut, forward);
  };
}

/** All the page gets: config and the remembered counter as plain-data `invoke`s, and shortcut presses. */
const api = {
  getConfig: (): Promise<CounterShellConfig> =>
    ipcRenderer.invoke(CHANNELS.getConfig) as Promise<CounterShellConfig>,
  rememberCounter: (counterId: string): Promise<void> =>
    ipcRenderer.invoke(CHANNELS.rememberCounter, counterId) as Promise<void>,
  onShortcut,
} satisfies CounterBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
