import type { TicketContent } from '@giliran/protocol';

export type PaperWidth = 58 | 80;

export interface KioskConfig {
  readonly hubUrl: string;
  readonly deviceToken: string;
  readonly language: 'id' | 'en';
  readonly paperWidth: PaperWidth;
}

export type PrintOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface PrinterStatus {
  readonly configured: boolean;
  readonly online: boolean;
  readonly detail: string | null;
}

/** What the Electron kiosk's preload exposes to the page; a plain browser has none and prints through the hub. */
export interface KioskBridge {
  getConfig(): Promise<KioskConfig>;
  printTicket(content: TicketContent, paperWidth: PaperWidth): Promise<PrintOutcome>;
  printerStatus(): Promise<PrinterStatus>;
}

export const KIOSK_BRIDGE_KEY = 'giliranKiosk';
