import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { encodeEscPos, layoutTicket, renderTicketPng, type TicketContent } from '@giliran/printing';

/** `spool:<folder>`: a printer that writes each ticket into a folder (the demo's, or a print spooler's). */
export const SPOOL_PREFIX = 'spool:';

export function isSpool(printerInterface: string): boolean {
  return printerInterface.startsWith(SPOOL_PREFIX);
}

/** The spool folder; a relative one is taken from the hub's data folder, like the backups'. */
export function spoolFolder(printerInterface: string, dataDir: string): string {
  const folder = printerInterface.slice(SPOOL_PREFIX.length);
  return isAbsolute(folder) ? folder : join(dataDir, folder);
}

/**
 * Writes the exact printer bytes (`.escpos`, for a spooler or `cat file > /dev/usb/lp0`) and a picture of the paper
 * (`.png`, for a person), named by the ticket's number and id so a reprint sits next to its first print.
 */
export async function spoolTicket(
  content: TicketContent,
  paperWidth: 58 | 80,
  folder: string,
  name: string,
): Promise<string> {
  await mkdir(folder, { recursive: true });
  const base = join(folder, name);
  await writeFile(`${base}.escpos`, encodeEscPos(layoutTicket(content, paperWidth)));
  await writeFile(`${base}.png`, await renderTicketPng(content, paperWidth));
  return `${base}.png`;
}
