import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  ipcMain,
  powerSaveBlocker,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { CONFIG_PATH_ENV } from './display-config.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

let dir: string;

beforeAll(async () => {
  resetFakeElectron();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  dir = await mkdtemp(join(tmpdir(), 'giliran-display-main-'));
  vi.stubEnv(CONFIG_PATH_ENV, join(dir, 'missing.json'));
  await import('./main.ts');
  await vi.waitFor(() => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('display main without a config file', () => {
  it('shows what is wrong in a window that runs no script, and nothing else', () => {
    const win = FakeBrowserWindow.instances[0];
    expect(win?.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(win?.options.webPreferences?.preload).toBeUndefined();
    const page = decodeURIComponent(String(win?.loadURL.mock.calls[0]?.[0]));
    expect(page).toContain('Konfigurasi layar antrean belum ada');
    expect(page).toContain(join(dir, 'missing.json'));
    expect(ipcMain.handlers.size).toBe(0);
    expect(powerSaveBlocker.start).not.toHaveBeenCalled();
  });
});
