import type { TicketContent } from '@giliran/protocol';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KIOSK_CHANNELS } from '../shared/ipc-channels.ts';
import {
  asWindow,
  FakeBrowserWindow,
  FakeWebFrame,
  invokeEvent,
  ipcMain,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { sampleSettings } from '../testing/settings.ts';
import type { KioskSettings } from './kiosk-config.ts';
import { createSenderCheck } from '@giliran/desktop-shell/navigation-guard.ts';
import {
  DEFAULT_PRINT_TIMEOUT_MS,
  PRINT_FAILURE_REASONS,
  registerPrinterBridge,
  type PrintFn,
  type PrinterBridgeOptions,
} from './printer-bridge.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

const TICKET: TicketContent = {
  siteName: 'MPP Kota Contoh',
  agencyName: 'Dinas Kependudukan dan Pencatatan Sipil',
  serviceName: 'Kartu Tanda Penduduk Elektronik',
  number: 'A012',
  priorityLabel: null,
  issuedAtText: 'Rabu, 25 Nov 2026 09:12 WIB',
  aheadText: '3 orang menunggu di depan Anda',
  estimateText: 'Perkiraan waktu tunggu ± 12 menit',
  statusUrl: 'http://hub.mpp.local:8080/t/K7Q2M9',
  codeText: 'Kode survei & status: K7Q2M9',
  footerLines: ['Terima kasih'],
};

/** Stands in for `@giliran/printing`'s `PrinterError`. */
class FakePrinterError extends Error {
  constructor(readonly code: 'UNREACHABLE' | 'TIMEOUT' | 'WRITE_FAILED') {
    super(`printer failed: ${code}`);
    this.name = 'PrinterError';
  }
}

let event: IpcMainInvokeEvent;
let print: ReturnType<typeof vi.fn<PrintFn>>;

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  event = invokeEvent(new FakeBrowserWindow());
  print = vi.fn<PrintFn>(() => Promise.resolve());
});

function register(
  settings: KioskSettings = sampleSettings(),
  extra: Partial<PrinterBridgeOptions> = {},
): void {
  registerPrinterBridge({ settings, print, isTrustedSender: () => true, ...extra });
}

const printTicket = (...args: unknown[]): Promise<unknown> =>
  ipcMain.invoke(KIOSK_CHANNELS.printTicket, event, ...args);

describe('kiosk:print', () => {
  it('prints valid content on the configured printer and paper width', async () => {
    register();
    await expect(printTicket(TICKET, 80)).resolves.toEqual({ ok: true });
    expect(print).toHaveBeenCalledWith(TICKET, {
      printerInterface: 'tcp://192.168.1.50:9100',
      paperWidth: 80,
      timeoutMs: DEFAULT_PRINT_TIMEOUT_MS,
    });
  });

  it('uses the paper width of the configured printer, not the one the page sent', async () => {
    register(sampleSettings({ printer: { interface: '/dev/usb/lp0', paperWidth: 58 } }));
    await expect(printTicket(TICKET, 80)).resolves.toEqual({ ok: true });
    expect(print).toHaveBeenCalledWith(
      TICKET,
      expect.objectContaining({ printerInterface: '/dev/usb/lp0', paperWidth: 58 }),
    );
  });

  it('refuses an invalid payload without printing', async () => {
    register();
    const invalid = PRINT_FAILURE_REASONS.invalidTicket;
    await expect(printTicket({ ...TICKET, number: 12 }, 80)).resolves.toEqual({ ok: false, reason: invalid });
    await expect(printTicket('A012', 80)).resolves.toEqual({ ok: false, reason: invalid });
    await expect(printTicket(undefined)).resolves.toEqual({ ok: false, reason: invalid });
    await expect(printTicket(TICKET, 76)).resolves.toEqual({ ok: false, reason: invalid });
    await expect(printTicket(TICKET, '80')).resolves.toEqual({ ok: false, reason: invalid });
    expect(print).not.toHaveBeenCalled();
  });

  it('turns a PrinterError into a short Indonesian reason', async () => {
    register();
    for (const code of ['UNREACHABLE', 'TIMEOUT', 'WRITE_FAILED'] as const) {
      print.mockRejectedValueOnce(new FakePrinterError(code));
      await expect(printTicket(TICKET, 80)).resolves.toEqual({
        ok: false,
        reason: PRINT_FAILURE_REASONS[code],
      });
    }
    expect(PRINT_FAILURE_REASONS.UNREACHABLE).toBe('Printer tidak terhubung');
  });

  it('answers any other failure with a generic reason, never a rejection', async () => {
    register();
    print.mockRejectedValueOnce(new TypeError('Unsupported printer interface'));
    await expect(printTicket(TICKET, 80)).resolves.toEqual({
      ok: false,
      reason: PRINT_FAILURE_REASONS.unknown,
    });
    print.mockRejectedValueOnce('a string');
    await expect(printTicket(TICKET, 80)).resolves.toEqual({
      ok: false,
      reason: PRINT_FAILURE_REASONS.unknown,
    });
  });

  it('fails without a configured printer', async () => {
    register(sampleSettings({ printer: undefined }));
    await expect(printTicket(TICKET, 80)).resolves.toEqual({
      ok: false,
      reason: PRINT_FAILURE_REASONS.notConfigured,
    });
    expect(print).not.toHaveBeenCalled();
  });

  it('prints one ticket at a time', async () => {
    const finish: (() => void)[] = [];
    print.mockImplementation(
      () =>
        new Promise<void>((resolve) => {
          finish.push(resolve);
        }),
    );
    register();
    const first = printTicket(TICKET, 80);
    const second = printTicket({ ...TICKET, number: 'A013' }, 80);
    await vi.waitFor(() => {
      expect(print).toHaveBeenCalledTimes(1);
    });
    finish[0]?.();
    await expect(first).resolves.toEqual({ ok: true });
    await vi.waitFor(() => {
      expect(print).toHaveBeenCalledTimes(2);
    });
    finish[1]?.();
    await expect(second).resolves.toEqual({ ok: true });
  });
});

describe('kiosk:config', () => {
  it('gives the page exactly what it needs, the device token included', async () => {
    register(sampleSettings({ language: 'en', devTools: true, displayIndex: 1 }));
    await expect(ipcMain.invoke(KIOSK_CHANNELS.getConfig, event)).resolves.toStrictEqual({
      hubUrl: 'http://hub.mpp.local:8080',
      deviceToken: 'kiosk-token-secret',
      language: 'en',
      paperWidth: 80,
    });
  });

  it('falls back to 80 mm paper without a printer', async () => {
    register(sampleSettings({ printer: undefined }));
    await expect(ipcMain.invoke(KIOSK_CHANNELS.getConfig, event)).resolves.toMatchObject({ paperWidth: 80 });
  });
});

describe('kiosk:printer-status', () => {
  it('reports an unconfigured printer without probing', async () => {
    const probe = vi.fn(() => Promise.resolve({ online: true, detail: 'ok' }));
    register(sampleSettings({ printer: undefined }), { probe });
    await expect(ipcMain.invoke(KIOSK_CHANNELS.printerStatus, event)).resolves.toEqual({
      configured: false,
      online: false,
      detail: PRINT_FAILURE_REASONS.notConfigured,
    });
    expect(probe).not.toHaveBeenCalled();
  });

  it('probes the configured printer', async () => {
    const probe = vi.fn(() => Promise.resolve({ online: true, detail: 'Printer 192.168.1.50:9100 siap' }));
    register(sampleSettings(), { probe });
    await expect(ipcMain.invoke(KIOSK_CHANNELS.printerStatus, event)).resolves.toEqual({
      configured: true,
      online: true,
      detail: 'Printer 192.168.1.50:9100 siap',
    });
    expect(probe).toHaveBeenCalledWith({ kind: 'tcp', host: '192.168.1.50', port: 9100 });
  });

  it('reports offline when the probe itself fails', async () => {
    register(sampleSettings(), { probe: () => Promise.reject(new Error('boom')) });
    await expect(ipcMain.invoke(KIOSK_CHANNELS.printerStatus, event)).resolves.toMatchObject({
      configured: true,
      online: false,
    });
  });
});

describe('sender check', () => {
  it('rejects every channel for an untrusted sender and never prints', async () => {
    register(sampleSettings(), { isTrustedSender: () => false });
    for (const channel of Object.values(KIOSK_CHANNELS)) {
      await expect(ipcMain.invoke(channel, event, TICKET, 80)).rejects.toThrow(/not the kiosk page/);
    }
    expect(print).not.toHaveBeenCalled();
  });

  it('with the navigation guard, serves the hub page and refuses its iframes and other origins', async () => {
    const hub = 'http://hub.mpp.local:8080';
    const win = new FakeBrowserWindow();
    void win.loadURL(`${hub}/kiosk`);
    register(sampleSettings(), { isTrustedSender: createSenderCheck(asWindow(win), hub) });
    const config = (from: IpcMainInvokeEvent): Promise<unknown> =>
      ipcMain.invoke(KIOSK_CHANNELS.getConfig, from);

    await expect(config(invokeEvent(win))).resolves.toMatchObject({ deviceToken: 'kiosk-token-secret' });
    const iframe = new FakeWebFrame(`${hub}/kiosk`, win.webContents.mainFrame);
    await expect(config(invokeEvent(win, iframe))).rejects.toThrow(/not the kiosk page/);
    void win.loadURL('https://example.com/');
    await expect(config(invokeEvent(win))).rejects.toThrow(/not the kiosk page/);
    await expect(ipcMain.invoke(KIOSK_CHANNELS.printTicket, invokeEvent(win), TICKET, 80)).rejects.toThrow(
      /not the kiosk page/,
    );
    expect(print).not.toHaveBeenCalled();
  });

  it('unregisters its channels', () => {
    const unregister = registerPrinterBridge({
      settings: sampleSettings(),
      print,
      isTrustedSender: () => true,
    });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(KIOSK_CHANNELS).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
