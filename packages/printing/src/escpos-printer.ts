import { encodeEscPos } from './escpos-encode.ts';
import { sendToPrinter } from './printer-transport.ts';
import type { SendOptions } from './printer-transport.ts';
import type { TicketContent } from './ticket-content.ts';
import { layoutTicket } from './ticket-layout.ts';
import type { PaperWidth, TicketLayout } from './ticket-layout.ts';

export interface PrintOptions extends SendOptions {
  readonly paperWidth: PaperWidth;
}

/** Prints a laid-out ticket; rejects with a `PrinterError` within `timeoutMs`. */
export async function printLayout(layout: TicketLayout, options: SendOptions): Promise<void> {
  await sendToPrinter(encodeEscPos(layout), options);
}

/** Prints one queue ticket on an ESC/POS printer; rejects with a `PrinterError` within `timeoutMs`. */
export async function printTicket(content: TicketContent, options: PrintOptions): Promise<void> {
  await printLayout(layoutTicket(content, options.paperWidth), options);
}
