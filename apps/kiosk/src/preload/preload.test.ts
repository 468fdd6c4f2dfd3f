import type { TicketContent } from '@giliran/protocol';
import { KIOSK_BRIDGE_KEY, type KioskBridge } from '@giliran/ui';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { KIOSK_CHANNELS } from '../shared/ipc-channels.ts';
import {
  contextBridge,
  ipcRenderer,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

const TICKET = { number: 'A012' } as TicketContent;
let bridge: KioskBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('./preload.ts');
  bridge = contextBridge.exposed.get(KIOSK_BRIDGE_KEY) as KioskBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
});

describe('preload', () => {
  it('exposes one API, under the key the page looks for', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('giliranKiosk', bridge);
  });

  it('exposes exactly the bridge methods, and nothing of ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['getConfig', 'printTicket', 'printerStatus']);
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(KIOSK_CHANNELS).sort());
    for (const member of Object.values(bridge)) expect(typeof member).toBe('function');
  });

  it('asks main for the config on kiosk:config', async () => {
    const config = { hubUrl: 'http://hub', deviceToken: 't', language: 'id', paperWidth: 80 };
    ipcRenderer.invoke.mockResolvedValueOnce(config);
    await expect(bridge.getConfig()).resolves.toBe(config);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('kiosk:config');
  });

  it('sends the ticket and paper width on kiosk:print', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true });
    await expect(bridge.printTicket(TICKET, 58)).resolves.toEqual({ ok: true });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('kiosk:print', TICKET, 58);
  });

  it('asks for the printer status on kiosk:printer-status', async () => {
    const status = { configured: true, online: false, detail: 'Printer tidak terhubung' };
    ipcRenderer.invoke.mockResolvedValueOnce(status);
    await expect(bridge.printerStatus()).resolves.toBe(status);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('kiosk:printer-status');
  });

  it("uses main's channel names", () => {
    expect(Object.values(KIOSK_CHANNELS).sort()).toEqual([
      'kiosk:config',
      'kiosk:print',
      'kiosk:printer-status',
    ]);
  });
});
