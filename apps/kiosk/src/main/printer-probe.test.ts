import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KIOSK_CHANNELS } from '../shared/ipc-channels.ts';
import {
  FakeBrowserWindow,
  invokeEvent,
  ipcMain,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { sampleSettings } from '../testing/settings.ts';
import { registerPrinterBridge } from './printer-bridge.ts';
import { probePrinter } from './printer-probe.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

// Real sockets and files: only Electron is faked in this file.

const servers: Server[] = [];

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function closedPort(): Promise<number> {
  const { server, port } = await listen();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeEach(() => {
  resetFakeElectron();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('probePrinter over TCP', () => {
  it('is online when something accepts the connection', async () => {
    const { port } = await listen();
    await expect(probePrinter({ kind: 'tcp', host: '127.0.0.1', port })).resolves.toEqual({
      online: true,
      detail: `Printer 127.0.0.1:${port} siap`,
    });
  });

  it('is offline on a closed port', async () => {
    const port = await closedPort();
    const result = await probePrinter({ kind: 'tcp', host: '127.0.0.1', port });
    expect(result.online).toBe(false);
    expect(result.detail).toContain('ECONNREFUSED');
  });

  it('gives up after its timeout on an address that never answers', async () => {
    // TEST-NET-1 (RFC 5737) is never routed: the SYN goes unanswered, or the route is refused at once.
    const started = Date.now();
    const result = await probePrinter({ kind: 'tcp', host: '192.0.2.1', port: 9100 }, 300);
    expect(result.online).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('probePrinter on a device path', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'giliran-kiosk-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is online for a writable file', async () => {
    const path = join(dir, 'lp0');
    await writeFile(path, '');
    await expect(probePrinter({ kind: 'device', path })).resolves.toMatchObject({ online: true });
  });

  it('is offline for a missing device', async () => {
    const result = await probePrinter({ kind: 'device', path: join(dir, 'lp9') });
    expect(result).toMatchObject({ online: false });
    expect(result.detail).toContain('tidak ditemukan');
  });

  it.skipIf(process.getuid?.() === 0)('is offline for a device the kiosk may not write', async () => {
    const path = join(dir, 'lp0');
    await writeFile(path, '');
    await chmod(path, 0o444);
    const result = await probePrinter({ kind: 'device', path });
    expect(result).toMatchObject({ online: false });
    expect(result.detail).toContain('izin');
  });
});

describe('kiosk:printer-status with the real probe', () => {
  const status = async (printerInterface: string): Promise<unknown> => {
    const settings = sampleSettings({ printer: { interface: printerInterface, paperWidth: 80 } });
    const unregister = registerPrinterBridge({
      settings,
      print: () => Promise.resolve(),
      isTrustedSender: () => true,
    });
    try {
      return await ipcMain.invoke(KIOSK_CHANNELS.printerStatus, invokeEvent(new FakeBrowserWindow()));
    } finally {
      unregister();
    }
  };

  it('is online for a listening TCP printer', async () => {
    const { port } = await listen();
    await expect(status(`tcp://127.0.0.1:${port}`)).resolves.toMatchObject({
      configured: true,
      online: true,
    });
  });

  it('is offline for a closed port', async () => {
    const port = await closedPort();
    await expect(status(`tcp://127.0.0.1:${port}`)).resolves.toMatchObject({
      configured: true,
      online: false,
    });
  });
});
