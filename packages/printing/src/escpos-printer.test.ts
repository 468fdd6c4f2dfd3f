import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printTicket } from './escpos-printer.ts';
import { PrinterError } from './printer-error.ts';
import { parsePrinterInterface, sendToPrinter } from './printer-transport.ts';
import { decodeEscPos, FakeTcpPrinter, samplePriorityTicket, sampleTicket } from './testing/index.ts';

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<PrinterError> {
  const error: unknown = await promise.then(
    () => new Error('expected the print to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

describe('printTicket over TCP', () => {
  let printer: FakeTcpPrinter;

  beforeEach(async () => {
    printer = new FakeTcpPrinter();
    await printer.start();
  });
  afterEach(async () => {
    await printer.close();
  });

  it.each([58, 80] as const)('prints the whole ticket on %i mm paper', async (paperWidth) => {
    await printTicket(sampleTicket(), {
      printerInterface: printer.printerInterface,
      paperWidth,
      timeoutMs: 2000,
    });
    const printed = decodeEscPos((await printer.waitForJob()).bytes);

    expect(printed.text).toContain('MPP Kabupaten Kubu Raya');
    expect(printed.text).toContain('A012');
    expect(printed.text).toContain('Pencetakan KTP');
    expect(printed.text).toContain('Rabu, 25 Nov 2026 09.12 WIB');
    expect(printed.text).toContain('3 orang menunggu di depan Anda');
    expect(printed.qrPayloads).toEqual(['https://antrean.mpp-kuburaya.go.id/t/7QX2-A012']);
    expect(printed.cut).toBe(true);
    expect(
      printed.lines.filter((line) => line.size === printed.largestTextSize).map((line) => line.text),
    ).toEqual(['A012']);
    expect(printed.largestTextSize).toBe(6);
    for (const line of printed.lines) {
      expect(line.text.length * line.size).toBeLessThanOrEqual(paperWidth === 58 ? 32 : 48);
    }
  });

  it('prints the priority mark inverted', async () => {
    await printTicket(samplePriorityTicket(), {
      printerInterface: printer.printerInterface,
      paperWidth: 58,
      timeoutMs: 2000,
    });
    const printed = decodeEscPos((await printer.waitForJob()).bytes);
    expect(printed.lines.filter((line) => line.inverted)).toEqual([
      { text: 'PRIORITAS', size: 2, bold: true, inverted: true },
    ]);
    expect(printed.text).toContain('Lansia');
  });

  it('sends only ASCII, whatever the content says', async () => {
    const content = sampleTicket({ serviceName: 'Pendaftaran Nomor Induk Berusaha — “NIB” café' });
    await printTicket(content, {
      printerInterface: printer.printerInterface,
      paperWidth: 80,
      timeoutMs: 2000,
    });
    const { bytes } = await printer.waitForJob();
    expect(decodeEscPos(bytes).text).toContain('Pendaftaran Nomor Induk Berusaha - "NIB" cafe');
    expect(decodeEscPos(bytes).text).toContain('Perkiraan waktu tunggu +/- 12 menit');
    expect([...bytes].every((byte) => byte < 0x80)).toBe(true);
  });

  it('prints one job per ticket', async () => {
    const options = { printerInterface: printer.printerInterface, paperWidth: 58, timeoutMs: 2000 } as const;
    await printTicket(sampleTicket({ number: 'A013' }), options);
    await printTicket(sampleTicket({ number: 'A014' }), options);
    const numbers = [await printer.waitForJob(), await printer.waitForJob()].map(
      (job) => decodeEscPos(job.bytes).lines.find((line) => line.size === 6)?.text,
    );
    expect(numbers).toEqual(['A013', 'A014']);
    expect(printer.firstByteAt.every((at) => at !== null)).toBe(true);
  });
});

describe('printTicket when the printer is not there', () => {
  it('rejects quickly with UNREACHABLE when the port is closed', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await rejection(
      printTicket(sampleTicket(), {
        printerInterface: `tcp://127.0.0.1:${port}`,
        paperWidth: 58,
        timeoutMs: 5000,
      }),
    );
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rejects with TIMEOUT, on time, when the printer accepts but never takes the bytes', async () => {
    const stalled = new FakeTcpPrinter({ neverRead: true });
    await stalled.start();
    try {
      const started = Date.now();
      // Far more than the kernel buffers between the two sockets, so the write can never complete.
      const error = await rejection(
        sendToPrinter(Buffer.alloc(32 * 1024 * 1024), {
          printerInterface: stalled.printerInterface,
          timeoutMs: 400,
        }),
      );
      expect(error.code).toBe('TIMEOUT');
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await stalled.close();
    }
  });

  it('hands a ticket to a printer that accepts but does not read, without waiting for an answer', async () => {
    const stalled = new FakeTcpPrinter({ neverRead: true });
    await stalled.start();
    try {
      const started = Date.now();
      await printTicket(sampleTicket(), {
        printerInterface: stalled.printerInterface,
        paperWidth: 58,
        timeoutMs: 1000,
      });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(stalled.connections).toBe(1);
    } finally {
      await stalled.close();
    }
  });
});

describe('printTicket to a device file', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'giliran-printing-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the ESC/POS bytes to the file', async () => {
    const device = join(dir, 'lp0');
    await printTicket(sampleTicket(), { printerInterface: device, paperWidth: 58, timeoutMs: 2000 });
    const printed = decodeEscPos(await readFile(device));
    expect(printed.text).toContain('A012');
    expect(printed.qrPayloads).toEqual(['https://antrean.mpp-kuburaya.go.id/t/7QX2-A012']);
    expect(printed.cut).toBe(true);
  });

  it('replaces what the file held with the new ticket', async () => {
    const device = join(dir, 'lp0');
    await writeFile(device, 'old job');
    await printTicket(sampleTicket(), { printerInterface: device, paperWidth: 80 });
    expect((await readFile(device)).subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
  });

  it('rejects with UNREACHABLE when the directory does not exist', async () => {
    const device = join(dir, 'usb', 'lp0');
    const error = await rejection(printTicket(sampleTicket(), { printerInterface: device, paperWidth: 58 }));
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toContain(device);
  });

  it('rejects with TIMEOUT, on time, when the device blocks', async () => {
    // Opening a FIFO for writing blocks until someone reads it, as a stuck USB printer blocks a write.
    const device = join(dir, 'stuck-lp0');
    execFileSync('mkfifo', [device]);
    const started = Date.now();
    const error = await rejection(
      printTicket(sampleTicket(), { printerInterface: device, paperWidth: 58, timeoutMs: 300 }),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1000);
    // Let the blocked write finish so no worker thread stays stuck after the test.
    const reader = await open(device, constants.O_RDONLY | constants.O_NONBLOCK);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await reader.close();
  });

  it('never creates a missing printer under /dev', async () => {
    const device = '/dev/giliran-test-missing-lp9';
    const error = await rejection(printTicket(sampleTicket(), { printerInterface: device, paperWidth: 58 }));
    expect(error.code).toBe('UNREACHABLE');
    await expect(readFile(device)).rejects.toThrow();
  });
});

describe('parsePrinterInterface', () => {
  it('reads a network address, with port 9100 by default', () => {
    expect(parsePrinterInterface('tcp://192.168.1.50:9100')).toEqual({
      kind: 'network',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parsePrinterInterface('tcp://printer-a.local')).toEqual({
      kind: 'network',
      host: 'printer-a.local',
      port: 9100,
    });
    expect(parsePrinterInterface('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
  });

  it('refuses what it cannot print to', () => {
    expect(() => parsePrinterInterface('')).toThrow(TypeError);
    expect(() => parsePrinterInterface('http://printer/')).toThrow(TypeError);
    expect(() => parsePrinterInterface('printer:EPSON_TM_T82')).toThrow(TypeError);
  });
});
