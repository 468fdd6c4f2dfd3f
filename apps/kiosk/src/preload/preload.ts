import type { TicketContent } from '@giliran/protocol';
import type {
  KIOSK_BRIDGE_KEY,
  KioskBridge,
  KioskConfig,
  PaperWidth,
  PrinterStatus,
  PrintOutcome,
} from '@giliran/ui';
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskChannels } from '../shared/ipc-channels.ts';

// A sandboxed preload can `require` only `electron` (and a few Node built-ins), so the key and the channels are
// restated here; their types tie them to `@giliran/ui` and to main's channel table at compile time.
const BRIDGE_KEY: typeof KIOSK_BRIDGE_KEY = 'giliranKiosk';
const CHANNELS: KioskChannels = {
  getConfig: 'kiosk:config',
  printTicket: 'kiosk:print',
  printerStatus: 'kiosk:printer-status',
};

/**
 * The page's only door to the kiosk: three requests, each one `invoke` with plain data, never `ipcRenderer`
 * itself. Main checks the sender and the payload again, so this layer stays thin.
 */
const api = {
  getConfig: (): Promise<KioskConfig> => ipcRenderer.invoke(CHANNELS.getConfig) as Promise<KioskConfig>,
  printTicket: (content: TicketContent, paperWidth: PaperWidth): Promise<PrintOutcome> =>
    ipcRenderer.invoke(CHANNELS.printTicket, content, paperWidth) as Promise<PrintOutcome>,
  printerStatus: (): Promise<PrinterStatus> =>
    ipcRenderer.invoke(CHANNELS.printerStatus) as Promise<PrinterStatus>,
} satisfies KioskBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
