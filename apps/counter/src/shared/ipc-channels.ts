import type { CounterBridge } from '@giliran/ui';

/**
 * The channel of each `CounterBridge` method; the preload repeats them, typed as `CounterChannels`.
 * `getConfig` and `rememberCounter` are `invoke`s; `onShortcut` is main → page (`webContents.send`).
 */
export const COUNTER_CHANNELS = {
  getConfig: 'counter:config',
  rememberCounter: 'counter:remember',
  onShortcut: 'counter:shortcut',
} as const satisfies Record<keyof CounterBridge, `counter:${string}`>;

export type CounterChannels = typeof COUNTER_CHANNELS;
