import type { DisplayBridge } from '@giliran/ui';

/** The channel of each `DisplayBridge` method; the preload repeats them, typed as `DisplayChannels`. */
export const DISPLAY_CHANNELS = {
  getConfig: 'display:config',
  synthesize: 'display:synthesize',
} as const satisfies Record<keyof DisplayBridge, `display:${string}`>;

export type DisplayChannels = typeof DISPLAY_CHANNELS;
