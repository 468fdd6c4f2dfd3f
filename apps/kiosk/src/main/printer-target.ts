/** Where the ticket printer is: a raw-TCP (port 9100) network printer or a device file the kiosk writes to. */
export type PrinterTarget =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'device'; readonly path: string };

/** The raw-printing port every ESC/POS network printer listens on; `@giliran/printing` uses it too. */
export const DEFAULT_PRINTER_PORT = 9100;

// Same shape as `@giliran/printing` accepts, so a config that passes here is one the printer library can use.
const TCP_INTERFACE = /^tcp:\/\/([^/:\s]+)(?::(\d{1,5}))?\/?$/i;
// POSIX absolute path (/dev/usb/lp0), Windows device or share (\\.\COM3, \\host\POS80), or drive path (C:\...).
const DEVICE_PATH = /^(?:\/[^\0]+|\\\\[^\\\0]+\\[^\0]+|[A-Za-z]:[\\/][^\0]+)$/;

/** `null` when the text is neither `tcp://host[:port]` nor an absolute device path. */
export function parsePrinterTarget(printerInterface: string): PrinterTarget | null {
  const tcp = TCP_INTERFACE.exec(printerInterface);
  if (tcp) {
    const host = tcp[1];
    const port = tcp[2] === undefined ? DEFAULT_PRINTER_PORT : Number(tcp[2]);
    if (host === undefined || port < 1 || port > 65535) return null;
    return { kind: 'tcp', host, port };
  }
  return DEVICE_PATH.test(printerInterface) ? { kind: 'device', path: printerInterface } : null;
}
