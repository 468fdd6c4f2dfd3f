import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfigFile, SEALED_TOKEN_FIELD, SHELL_SETTINGS, type ConfigFileSpec } from './config-file.ts';
import { resetFakeElectron, safeStorage } from './testing/fake-electron.ts';
import { electronTokenVault } from './token-vault.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));

const Settings = z.strictObject({ ...SHELL_SETTINGS, volume: z.number().default(1) });
const SPEC: ConfigFileSpec<z.infer<typeof Settings>> = {
  schema: Settings,
  deviceName: 'layar uji',
  envVar: 'GILIRAN_TEST_CONFIG',
  fileName: 'test.json',
  example: {},
};
const TOKEN = 'display-token-s3cret';
const INSTALLED = { hubUrl: 'http://192.168.1.10:8080', deviceToken: ` ${TOKEN} `, volume: 0.5 };

let dir: string;
let path: string;

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'giliran-shell-vault-'));
  path = join(dir, 'display.json');
  await writeFile(path, JSON.stringify(INSTALLED));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const load = () => loadConfigFile(path, SPEC, electronTokenVault('linux'));

describe('the device token at rest (Electron safeStorage)', () => {
  it('seals a token the installer wrote in plain text at the first start, and opens it at the next', async () => {
    const first = await load();
    expect(first).toMatchObject({ ok: true, settings: { deviceToken: TOKEN, volume: 0.5 } });
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(TOKEN);
    const onDisk = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(onDisk)).toEqual(['hubUrl', SEALED_TOKEN_FIELD, 'volume']);
    expect(safeStorage.encryptString).toHaveBeenCalledWith(TOKEN);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);

    const second = await load();
    expect(second).toMatchObject({ ok: true, settings: { deviceToken: TOKEN } });
    expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);
  });

  it('says on screen that a token sealed on another PC cannot be opened, without echoing it', async () => {
    await load();
    safeStorage.otherMachine = true;
    const moved = await load();
    expect(moved.ok).toBe(false);
    if (moved.ok) return;
    expect(moved.problem.title).toBe('Konfigurasi layar uji tidak dapat dibuka');
    expect(moved.problem.detail).toContain('deviceToken');
    expect(moved.problem.detail).not.toContain(TOKEN);
  });

  it('leaves the file alone where Linux has no keyring (basic_text hides nothing)', async () => {
    safeStorage.backend = 'basic_text';
    expect(await load()).toMatchObject({ ok: true, settings: { deviceToken: TOKEN } });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(INSTALLED);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });
});
