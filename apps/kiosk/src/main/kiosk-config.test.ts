import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_CONFIG } from '../testing/settings.ts';
import {
  CONFIG_PATH_ENV,
  KioskSettings,
  loadKioskSettings,
  pageConfig,
  resolveConfigPath,
  type ConfigLoad,
} from './kiosk-config.ts';
import { parsePrinterTarget } from './printer-target.ts';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'giliran-kiosk-config-'));
  path = join(dir, 'kiosk.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(content: unknown): Promise<ConfigLoad> {
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return loadKioskSettings(path);
}

function problemOf(result: ConfigLoad): { title: string; detail: string } {
  if (result.ok) throw new Error('expected a config problem');
  return result.problem;
}

describe('resolveConfigPath', () => {
  it('reads kiosk.json in userData unless the environment names a file', () => {
    expect(resolveConfigPath({}, '/home/kiosk/.config/giliran-kiosk')).toBe(
      join('/home/kiosk/.config/giliran-kiosk', 'kiosk.json'),
    );
    expect(resolveConfigPath({ [CONFIG_PATH_ENV]: '/etc/giliran/kiosk.json' }, '/ud')).toBe(
      '/etc/giliran/kiosk.json',
    );
    expect(resolveConfigPath({ [CONFIG_PATH_ENV]: '  ' }, '/ud')).toBe(join('/ud', 'kiosk.json'));
  });
});

describe('loadKioskSettings', () => {
  it('loads a valid file and fills the defaults', async () => {
    const result = await load(SAMPLE_CONFIG);
    expect(result).toEqual({
      ok: true,
      path,
      settings: {
        hubUrl: 'http://hub.mpp.local:8080',
        deviceToken: 'kiosk-token-secret',
        language: 'id',
        printer: { interface: 'tcp://192.168.1.50:9100', paperWidth: 80 },
        devTools: false,
      },
    });
  });

  it('keeps the optional fields when given, and a hub path without its trailing slash', async () => {
    const result = await load({
      hubUrl: 'https://antrean.example.go.id/mpp/',
      deviceToken: ' t0k3n ',
      language: 'en',
      printer: { interface: '/dev/usb/lp0', paperWidth: 58 },
      devTools: true,
      displayIndex: 1,
    });
    expect(result.ok && result.settings).toEqual({
      hubUrl: 'https://antrean.example.go.id/mpp',
      deviceToken: 't0k3n',
      language: 'en',
      printer: { interface: '/dev/usb/lp0', paperWidth: 58 },
      devTools: true,
      displayIndex: 1,
    });
  });

  it('explains a missing file with its path and an example', async () => {
    const problem = problemOf(await loadKioskSettings(path));
    expect(problem.title).toBe('Konfigurasi kios belum ada');
    expect(problem.detail).toContain(path);
    expect(problem.detail).toContain('"hubUrl"');
    expect(problem.detail).toContain(CONFIG_PATH_ENV);
  });

  it('explains a file that cannot be read', async () => {
    const problem = problemOf(await loadKioskSettings(dir));
    expect(problem.title).toBe('Konfigurasi kios tidak dapat dibaca');
    expect(problem.detail).toContain('EISDIR');
  });

  it('explains invalid JSON without quoting the file, which holds the token', async () => {
    const problem = problemOf(await load('{ "deviceToken": "s3cret-token" oops }'));
    expect(problem.title).toBe('Konfigurasi kios rusak');
    expect(problem.detail).toContain(path);
    expect(problem.detail).not.toContain('s3cret');
  });

  it('lists every schema problem by field', async () => {
    const problem = problemOf(
      await load({
        hubUrl: 'ftp://hub.local',
        deviceToken: '',
        language: 'jv',
        printer: { interface: 'usb', paperWidth: 76 },
        printerInterface: 'tcp://x:9100',
      }),
    );
    expect(problem.title).toBe('Konfigurasi kios tidak sah');
    for (const field of ['hubUrl', 'deviceToken', 'language', 'printer.interface', 'printer.paperWidth']) {
      expect(problem.detail).toContain(`at ${field}`);
    }
    expect(problem.detail).toContain('printerInterface');
  });

  it('refuses a hub URL with a query, and a non-object file', async () => {
    expect(problemOf(await load({ ...SAMPLE_CONFIG, hubUrl: 'http://hub/?x=1' })).detail).toContain('query');
    expect(problemOf(await load('[]')).title).toBe('Konfigurasi kios tidak sah');
  });
});

describe('printer interface', () => {
  it('accepts tcp://host[:port] and absolute device paths', () => {
    expect(parsePrinterTarget('tcp://192.168.1.50:9100')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parsePrinterTarget('tcp://printer.local')).toEqual({
      kind: 'tcp',
      host: 'printer.local',
      port: 9100,
    });
    expect(parsePrinterTarget('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(parsePrinterTarget('\\\\.\\COM3')).toEqual({ kind: 'device', path: '\\\\.\\COM3' });
  });

  it('refuses anything else', () => {
    for (const value of [
      '',
      'usb',
      'lp0',
      'tcp://host:0',
      'tcp://host:70000',
      'http://printer',
      'printer:EPSON',
    ]) {
      expect(parsePrinterTarget(value)).toBeNull();
    }
  });
});

describe('pageConfig', () => {
  it('hands the page hub, token, language and paper width only', () => {
    const settings = KioskSettings.parse({ ...SAMPLE_CONFIG, devTools: true, displayIndex: 2 });
    expect(pageConfig(settings)).toStrictEqual({
      hubUrl: 'http://hub.mpp.local:8080',
      deviceToken: 'kiosk-token-secret',
      language: 'id',
      paperWidth: 80,
    });
  });
});
