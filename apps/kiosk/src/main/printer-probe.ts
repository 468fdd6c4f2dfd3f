import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { connect } from 'node:net';
import type { PrinterTarget } from './printer-target.ts';

export interface ProbeResult {
  readonly online: boolean;
  /** Short Indonesian text for the officer's status line. */
  readonly detail: string;
}

/** The page polls this while a citizen waits, so a switched-off printer must answer "offline" quickly. */
export const DEFAULT_PROBE_TIMEOUT_MS = 1500;

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Opens and at once closes a TCP connection: an ESC/POS printer prints nothing for a connection without bytes. */
function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  const where = `${host}:${port}`;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (result: ProbeResult): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ online: false, detail: `Printer ${where} tidak menjawab` });
    }, timeoutMs);
    socket.once('connect', () => {
      finish({ online: true, detail: `Printer ${where} siap` });
    });
    socket.once('error', (error) => {
      finish({ online: false, detail: `Printer ${where} tidak terhubung (${errorCode(error)})` });
    });
  });
}

/**
 * A device file the kiosk can open for writing is as much as can be known without printing. Opening (not
 * access()) is the real question: root passes every access() check, and a directory passes W_OK.
 * Nothing is written and nothing truncated; O_NONBLOCK keeps a busy port from holding the probe (Windows
 * has no such flag: it is undefined there and ORs in as 0).
 */
async function probeDevice(path: string): Promise<ProbeResult> {
  try {
    const handle = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
    await handle.close();
    return { online: true, detail: `Printer ${path} siap` };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') {
      return { online: false, detail: `Printer ${path} tidak ditemukan (${code})` };
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return { online: false, detail: `Tidak ada izin menulis ke ${path} (${code})` };
    }
    if (code === 'EISDIR') return { online: false, detail: `${path} adalah folder, bukan printer (${code})` };
    return { online: false, detail: `Printer ${path} tidak dapat diperiksa (${code})` };
  }
}

export function probePrinter(
  target: PrinterTarget,
  timeoutMs: number = DEFAULT_PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  return target.kind === 'tcp' ? probeTcp(target.host, target.port, timeoutMs) : probeDevice(target.path);
}
