import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  HubUrl,
  loadConfigFile,
  resolveConfigPath,
  SHELL_SETTINGS,
  type ConfigFileLoad,
  type ConfigFileSpec,
} from './config-file.ts';

const Settings = z.strictObject({ ...SHELL_SETTINGS, volume: z.number().min(0).max(1).default(1) });
type Settings = z.infer<typeof Settings>;

const SPEC: ConfigFileSpec<Settings> = {
  schema: Settings,
  deviceName: 'layar uji',
  envVar: 'GILIRAN_TEST_CONFIG',
  fileName: 'test.json',
  example: { hubUrl: 'http://192.168.1.10:8080', deviceToken: '<token>' },
};

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'giliran-shell-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function loadText(text: string): Promise<ConfigFileLoad<Settings>> {
  const path = join(dir, 'test.json');
  await writeFile(path, text);
  return loadConfigFile(path, SPEC);
}

function problem(result: ConfigFileLoad<Settings>): { title: string; detail: string } {
  if (result.ok) throw new Error('the file was accepted');
  return result.problem;
}

describe('resolveConfigPath', () => {
  it('takes the file the environment names, else the one in userData', () => {
    const location = { envVar: 'GILIRAN_TEST_CONFIG', fileName: 'test.json' };
    expect(resolveConfigPath({ GILIRAN_TEST_CONFIG: ' /etc/t.json ' }, '/ud', location)).toBe('/etc/t.json');
    expect(resolveConfigPath({ GILIRAN_TEST_CONFIG: '' }, '/ud', location)).toBe(join('/ud', 'test.json'));
  });
});

describe('HubUrl', () => {
  it('keeps origin and path, without a trailing slash', () => {
    expect(HubUrl.parse('https://antrean.example.go.id/mpp///')).toBe('https://antrean.example.go.id/mpp');
    expect(HubUrl.parse('http://10.0.0.2:8080')).toBe('http://10.0.0.2:8080');
  });

  it('refuses other schemes, a query and a fragment', () => {
    for (const url of ['ws://hub', 'file:///hub', 'http://hub/?a=1', 'http://hub/#x', 'hub:8080']) {
      expect(HubUrl.safeParse(url).success).toBe(false);
    }
  });
});

describe('loadConfigFile', () => {
  it('returns the settings with the shared defaults filled in', async () => {
    const result = await loadText('{"hubUrl":"http://hub:8080/","deviceToken":" t "}');
    expect(result.ok && result.settings).toEqual({
      hubUrl: 'http://hub:8080',
      deviceToken: 't',
      language: 'id',
      devTools: false,
      volume: 1,
    });
  });

  it('names the device and the environment variable in every problem', async () => {
    const missing = problem(await loadConfigFile(join(dir, 'none.json'), SPEC));
    expect(missing.title).toBe('Konfigurasi layar uji belum ada');
    expect(missing.detail).toContain('"deviceToken": "<token>"');
    expect(missing.detail).toContain('mulai ulang aplikasi layar uji');
    expect(missing.detail).toContain('GILIRAN_TEST_CONFIG');
    expect(problem(await loadConfigFile(dir, SPEC)).title).toBe('Konfigurasi layar uji tidak dapat dibaca');
  });

  it('gives the position of broken JSON but never its text', async () => {
    const broken = problem(await loadText('{\n  "deviceToken": "top-secret" ,, \n}'));
    expect(broken.title).toBe('Konfigurasi layar uji rusak');
    expect(broken.detail).toMatch(/\((baris \d+, kolom \d+|posisi \d+)\)/);
    expect(broken.detail).not.toContain('top-secret');
  });

  it('lists what the schema refused, field by field', async () => {
    const invalid = problem(await loadText('{"hubUrl":"http://hub","deviceToken":"t","volume":3,"extra":1}'));
    expect(invalid.title).toBe('Konfigurasi layar uji tidak sah');
    expect(invalid.detail).toContain('at volume');
    expect(invalid.detail).toContain('extra');
  });
});
