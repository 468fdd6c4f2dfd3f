import { TicketContent } from '@giliran/protocol';
import type { KioskConfig, PaperWidth, PrinterStatus, PrintOutcome } from '@giliran/ui';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { SenderCheck } from '@giliran/desktop-shell/navigation-guard.ts';
import { z } from 'zod';
import { KIOSK_CHANNELS } from '../shared/ipc-channels.ts';
import { pageConfig, type KioskSettings } from './kiosk-config.ts';
import { probePrinter, type ProbeResult } from './printer-probe.ts';
import { parsePrinterTarget, type PrinterTarget } from './printer-target.ts';

export interface PrintOptions {
  readonly printerInterface: string;
  readonly paperWidth: PaperWidth;
  readonly timeoutMs: number;
}

/**
 * The port to `@giliran/printing`'s `printTicket`: main wires the real one, tests a fake, so this module needs
 * neither the library nor a printer. It rejects with an error carrying a `PrinterErrorCode` as `code`.
 */
export type PrintFn = (content: TicketContent, options: PrintOptions) => Promise<void>;

export interface PrinterBridgeOptions {
  readonly settings: KioskSettings;
  readonly print: PrintFn;
  readonly isTrustedSender: SenderCheck;
  readonly probe?: (target: PrinterTarget) => Promise<ProbeResult>;
  /** The whole print, connecting included; the page keeps the citizen waiting this long at most. */
  readonly printTimeoutMs?: number;
}

export const DEFAULT_PRINT_TIMEOUT_MS = 5000;

// `@giliran/printing`'s `PrinterErrorCode`, restated so the port does not import the library.
type PrinterErrorCode = 'UNREACHABLE' | 'TIMEOUT' | 'WRITE_FAILED';

/** Short, for the hub's print-failure record that the duty manager (MOD) reads; details go to the log. */
export const PRINT_FAILURE_REASONS = {
  UNREACHABLE: 'Printer tidak terhubung',
  TIMEOUT: 'Printer tidak merespons (kertas habis atau penutup terbuka?)',
  WRITE_FAILED: 'Pengiriman ke printer terputus',
  notConfigured: 'Printer kios belum dikonfigurasi',
  invalidTicket: 'Data tiket tidak sah',
  unknown: 'Gagal mencetak tiket',
} as const satisfies Record<PrinterErrorCode | 'notConfigured' | 'invalidTicket' | 'unknown', string>;

const PaperWidthArg = z.union([z.literal(58), z.literal(80)]);

function printerErrorCode(error: unknown): PrinterErrorCode | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const code = error.code;
  return code === 'UNREACHABLE' || code === 'TIMEOUT' || code === 'WRITE_FAILED' ? code : undefined;
}

/**
 * Registers the three bridge channels; returns their removal. Every handler first checks the sender, since the
 * device token and the printer belong to the hub's kiosk page only.
 */
export function registerPrinterBridge(options: PrinterBridgeOptions): () => void {
  const { settings, print, isTrustedSender } = options;
  const probe = options.probe ?? ((target: PrinterTarget) => probePrinter(target));
  const timeoutMs = options.printTimeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  const printer = settings.printer;
  // Validated with the config, so `null` here only means "no printer configured".
  const target = printer ? parsePrinterTarget(printer.interface) : null;

  const refuse = (event: IpcMainInvokeEvent, channel: string): Error => {
    console.warn(`[kiosk] ${channel} refused from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    return new Error(`${channel}: not the kiosk page`);
  };

  const printOnce = async (content: unknown, paperWidth: unknown): Promise<PrintOutcome> => {
    const ticket = TicketContent.safeParse(content);
    if (!ticket.success || !PaperWidthArg.safeParse(paperWidth).success) {
      return { ok: false, reason: PRINT_FAILURE_REASONS.invalidTicket };
    }
    if (!printer) return { ok: false, reason: PRINT_FAILURE_REASONS.notConfigured };
    if (paperWidth !== printer.paperWidth) {
      // The roll in the printer is the truth; the page only echoes the config it was given.
      console.warn(
        `[kiosk] page asked for ${String(paperWidth)} mm paper, printer has ${printer.paperWidth} mm`,
      );
    }
    try {
      await print(ticket.data, {
        printerInterface: printer.interface,
        paperWidth: printer.paperWidth,
        timeoutMs,
      });
      return { ok: true };
    } catch (error) {
      console.error('[kiosk] printing failed:', error);
      return { ok: false, reason: PRINT_FAILURE_REASONS[printerErrorCode(error) ?? 'unknown'] };
    }
  };

  // One ticket at a time: two jobs at once would interleave their bytes on a device file or a busy printer.
  let printing: Promise<unknown> = Promise.resolve();

  ipcMain.handle(KIOSK_CHANNELS.getConfig, (event): KioskConfig => {
    if (!isTrustedSender(event)) throw refuse(event, KIOSK_CHANNELS.getConfig);
    return pageConfig(settings);
  });

  ipcMain.handle(
    KIOSK_CHANNELS.printTicket,
    (event, content: unknown, paperWidth: unknown): Promise<PrintOutcome> => {
      if (!isTrustedSender(event)) throw refuse(event, KIOSK_CHANNELS.printTicket);
      const job = printing.then(() => printOnce(content, paperWidth));
      printing = job.catch(() => undefined);
      return job;
    },
  );

  ipcMain.handle(KIOSK_CHANNELS.printerStatus, async (event): Promise<PrinterStatus> => {
    if (!isTrustedSender(event)) throw refuse(event, KIOSK_CHANNELS.printerStatus);
    if (!target) return { configured: false, online: false, detail: PRINT_FAILURE_REASONS.notConfigured };
    const result = await probe(target).catch((error: unknown) => ({
      online: false,
      detail: `Printer tidak dapat diperiksa (${error instanceof Error ? error.message : String(error)})`,
    }));
    return { configured: true, online: result.online, detail: result.detail };
  });

  return () => {
    for (const channel of Object.values(KIOSK_CHANNELS)) ipcMain.removeHandler(channel);
  };
}
