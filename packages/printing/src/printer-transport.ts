import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PrinterError } from './printer-error.ts';

export type PrinterTarget =
  | { readonly kind: 'network'; readonly host: string; readonly port: number }
  | { readonly kind: 'device'; readonly path: string };

export interface SendOptions {
  /** `tcp://host:port` (port 9100 when left out) or a device file such as `/dev/usb/lp0`. */
  readonly printerInterface: string;
  /** The whole job, connecting included, must finish within this (default 5000 ms). */
  readonly timeoutMs?: number;
}

export const DEFAULT_PRINT_TIMEOUT_MS = 5000;

// node-thermal-printer's own pattern for network printers, so both read an address the same way.
const NETWORK_INTERFACE = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/i;

export function parsePrinterInterface(printerInterface: string): PrinterTarget {
  const network = NETWORK_INTERFACE.exec(printerInterface);
  if (network?.[1] !== undefined) {
    const port = network[2] === undefined ? 9100 : Number(network[2]);
    if (port < 1 || port > 65535) throw new TypeError(`Printer port out of range: ${printerInterface}`);
    return { kind: 'network', host: network[1], port };
  }
  // `printer:NAME` needs a native driver in node-thermal-printer; other URLs are not printers.
  if (printerInterface.trim() === '' || /^(?:printer:|[a-z][a-z0-9+.-]*:\/\/)/i.test(printerInterface)) {
    throw new TypeError(
      `Unsupported printer interface "${printerInterface}": use tcp://host:port or a device path`,
    );
  }
  return { kind: 'device', path: printerInterface };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

const UNREACHABLE_NETWORK = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);
const MISSING_DEVICE = new Set(['ENOENT', 'ENODEV', 'ENXIO', 'ENOTDIR', 'EISDIR']);
const FORBIDDEN_DEVICE = new Set(['EACCES', 'EPERM', 'EROFS']);

function timeoutError(where: string, timeoutMs: number): PrinterError {
  return new PrinterError(
    'TIMEOUT',
    `Printer ${where} did not take the ticket within ${timeoutMs} ms: check that it is on, has paper and its cover is closed`,
  );
}

function networkError(error: unknown, where: string, timeoutMs: number): PrinterError {
  const code = errorCode(error);
  // node-thermal-printer rejects an idle socket with a plain Error of this message.
  if (code === 'ETIMEDOUT' || (error instanceof Error && error.message === 'Socket timeout')) {
    return timeoutError(where, timeoutMs);
  }
  if (code !== undefined && UNREACHABLE_NETWORK.has(code)) {
    return new PrinterError(
      'UNREACHABLE',
      `Printer ${where} is unreachable (${code}): check that it is switched on and on the network`,
      { cause: error },
    );
  }
  return new PrinterError(
    'WRITE_FAILED',
    `Sending the ticket to printer ${where} failed (${code ?? String(error)})`,
    {
      cause: error,
    },
  );
}

function deviceError(error: unknown, path: string): PrinterError {
  const code = errorCode(error);
  if (code !== undefined && MISSING_DEVICE.has(code)) {
    return new PrinterError(
      'UNREACHABLE',
      `Printer device ${path} not found (${code}): check that the printer is plugged in and switched on`,
      { cause: error },
    );
  }
  if (code !== undefined && FORBIDDEN_DEVICE.has(code)) {
    return new PrinterError(
      'UNREACHABLE',
      `No permission to write to printer device ${path} (${code}): add the kiosk user to the "lp" group`,
      { cause: error },
    );
  }
  return new PrinterError(
    'WRITE_FAILED',
    `Writing the ticket to printer device ${path} failed (${code ?? String(error)})`,
    {
      cause: error,
    },
  );
}

/** Settles with `work`, or rejects with `onTimeout()` first; `work`'s late failure is then ignored, not unhandled. */
function withDeadline<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(onTimeout());
    }, timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function sendOverNetwork(
  bytes: Buffer,
  target: string,
  where: string,
  timeoutMs: number,
): Promise<void> {
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: target,
    options: { timeout: timeoutMs },
  });
  printer.setBuffer(bytes);
  // The library's timeout is the socket's idle time, so a printer that drips the bytes in could outlast it.
  const sending = printer.execute().then(
    () => undefined,
    (error: unknown) => {
      throw networkError(error, where, timeoutMs);
    },
  );
  await withDeadline(sending, timeoutMs, () => timeoutError(where, timeoutMs));
}

async function writeDevice(bytes: Buffer, path: string): Promise<void> {
  // Under /dev a missing file is an unplugged printer: never create one there. Elsewhere (a spool file,
  // a test) the file is created or replaced.
  const flags = path.startsWith('/dev/') ? constants.O_WRONLY : 'w';
  let file;
  try {
    file = await open(path, flags);
  } catch (error) {
    throw deviceError(error, path);
  }
  try {
    await file.writeFile(bytes);
  } catch (error) {
    throw deviceError(error, path);
  } finally {
    await file.close().catch(() => undefined);
  }
}

/**
 * Sends finished printer bytes. TCP goes through node-thermal-printer; a device file is written with `fs`,
 * which needs no driver. Rejects with a `PrinterError`, and always within `timeoutMs`.
 */
export async function sendToPrinter(bytes: Uint8Array, options: SendOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new RangeError(`timeoutMs must be positive: ${timeoutMs}`);
  const target = parsePrinterInterface(options.printerInterface);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (target.kind === 'network') {
    await sendOverNetwork(buffer, options.printerInterface, `${target.host}:${target.port}`, timeoutMs);
    return;
  }
  // A USB printer that is out of paper can block a write indefinitely: the deadline answers for it.
  await withDeadline(writeDevice(buffer, target.path), timeoutMs, () => timeoutError(target.path, timeoutMs));
}
