import type { KioskBridge } from '@giliran/ui';

/**
 * One IPC channel per bridge method. Main imports this; the sandboxed preload may only `require('electron')`,
 * so it re-declares the names against `KioskChannels`, and a typo there fails to compile.
 */
export const KIOSK_CHANNELS = {
  getConfig: 'kiosk:config',
  printTicket: 'kiosk:print',
  printerStatus: 'kiosk:printer-status',
} as const satisfies Record<keyof KioskBridge, `kiosk:${string}`>;

export type KioskChannels = typeof KIOSK_CHANNELS;
