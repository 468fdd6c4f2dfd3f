import type { CounterShellConfig } from '@giliran/ui';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { urlForLog } from '@giliran/desktop-shell/log-url.ts';
import type { SenderCheck } from '@giliran/desktop-shell/navigation-guard.ts';
import { COUNTER_CHANNELS } from '../shared/ipc-channels.ts';
import { counterPageConfig, type CounterSettings } from './counter-config.ts';
import { CounterId, type CounterStore } from './counter-state.ts';

export interface CounterBridgeOptions {
  readonly settings: CounterSettings;
  readonly store: CounterStore;
  /** The shared sender check: the counter window's main frame on the hub's origin. */
  readonly isTrustedSender: SenderCheck;
}

/**
 * Registers the bridge's invoke channels; returns their removal. Every handler first checks the sender: only
 * the hub's counter page may read the config or write a file on this PC. Failures reject, and the page's
 * `invoke` sees them as errors.
 */
export function registerCounterBridge(options: CounterBridgeOptions): () => void {
  const { settings, store, isTrustedSender } = options;

  const requirePage = (event: IpcMainInvokeEvent, channel: string): void => {
    if (isTrustedSender(event)) return;
    const from = event.senderFrame ? urlForLog(event.senderFrame.url) : 'a destroyed frame';
    console.warn(`[counter] ${channel} refused from ${from}`);
    throw new Error(`${channel}: not the counter page`);
  };

  ipcMain.handle(COUNTER_CHANNELS.getConfig, (event): CounterShellConfig => {
    requirePage(event, COUNTER_CHANNELS.getConfig);
    return counterPageConfig(settings, store.current());
  });

  ipcMain.handle(COUNTER_CHANNELS.rememberCounter, async (event, counterId: unknown): Promise<void> => {
    requirePage(event, COUNTER_CHANNELS.rememberCounter);
    const parsed = CounterId.safeParse(counterId);
    if (!parsed.success) throw new Error(`${COUNTER_CHANNELS.rememberCounter}: invalid counter id`);
    try {
      await store.remember(parsed.data);
    } catch (error) {
      console.error('[counter] could not remember the counter:', error);
      // The page learns only that it failed; the cause (a path, an errno) stays in this log.
      throw new Error(`${COUNTER_CHANNELS.rememberCounter}: could not save the counter`, { cause: error });
    }
  });

  return () => {
    ipcMain.removeHandler(COUNTER_CHANNELS.getConfig);
    ipcMain.removeHandler(COUNTER_CHANNELS.rememberCounter);
  };
}
