import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
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
const fillers: Socket[] = [];

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

// A listener that never answers: a child process listens with a backlog of one and then blocks its event
// loop, so it never accepts. Two connections fill the backlog; Linux then drops every further SYN, so the
// probe's connection neither opens nor fails (as with a hung printer or a dropped route) until its timeout.
// It stops itself after a minute should the test die before killing it.
const HUNG_LISTENER = `
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
});`;

const children: ChildProcess[] = [];

async function unansweringPort(): Promise<number> {
  const child = spawn(process.execPath, ['-e', HUNG_LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => {
      resolve(Number(data.toString().trim()));
    });
    child.once('exit', (code) => {
      reject(new Error(`listener exited (${String(code)})`));
    });
  });
  // Fill until a connection hangs: from then on the listener answers no one.
  for (let opened = true; opened;) {
    const filler = connect({ host: '127.0.0.1', port });
    fillers.push(filler);
    opened = await new Promise<boolean>((resolve, reject) => {
      filler.once('connect', () => {
        resolve(true);
      });
      filler.once('error', reject);
      setTimeout(() => {
        resolve(false);
      }, 200);
    });
    if (fillers.length > 10) throw new Error('the listener accepts every connection');
  }
  return port;
}

/** A path no one may open for writing, root included (see the test that uses it). */
async function unwritablePath(dir: string): Promise<string> {
  if (process.getuid?.() === 0) return '/sys/kernel/notes';
  const path = join(dir, 'lp0');
  await writeFile(path, '');
  await chmod(path, 0o444);
  return path;
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
  for (const filler of fillers.splice(0)) filler.destroy();
  for (const child of children.splice(0)) child.kill();
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

  it('gives up after its timeout on a printer that never answers', async () => {
    // A listening socket whose backlog is full: the kernel leaves further SYNs unanswered, as a hung printer
    // or a dropped route does, so neither 'connect' nor 'error' ever comes and only the timeout can answer.
    const port = await unansweringPort();
    const started = Date.now();
    const result = await probePrinter({ kind: 'tcp', host: '127.0.0.1', port }, 300);
    const elapsed = Date.now() - started;
    expect(result).toEqual({ online: false, detail: `Printer 127.0.0.1:${port} tidak menjawab` });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
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

  it('is offline for a device the kiosk may not write', async () => {
    // Root writes any file whatever its mode, and CI runs as root. A read-only sysfs attribute refuses root
    // too (EACCES, or EROFS where /sys is mounted read-only, as in containers); other users get a 0444 file.
    const path = await unwritablePath(dir);
    const result = await probePrinter({ kind: 'device', path });
    expect(result).toMatchObject({ online: false });
    expect(result.detail).toMatch(/^Tidak ada izin menulis ke \S+ \((EACCES|EPERM|EROFS)\)$/);
  });

  it('is offline for a folder given as the device', async () => {
    await expect(probePrinter({ kind: 'device', path: dir })).resolves.toEqual({
      online: false,
      detail: `${dir} adalah folder, bukan printer (EISDIR)`,
    });
  });

  it('leaves a device file as it was', async () => {
    const path = join(dir, 'lp0');
    await writeFile(path, 'queued');
    await probePrinter({ kind: 'device', path });
    await expect(readFile(path, 'utf8')).resolves.toBe('queued');
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
