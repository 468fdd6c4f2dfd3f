import { DISPLAY_BRIDGE_KEY, type DisplayBridge } from '@giliran/ui';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contextBridge,
  ipcRenderer,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { DISPLAY_CHANNELS } from '../shared/ipc-channels.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

let bridge: DisplayBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('./preload.ts');
  bridge = contextBridge.exposed.get(DISPLAY_BRIDGE_KEY) as DisplayBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
});

describe('display preload', () => {
  it('exposes one API, under the key the page looks for', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('giliranDisplay', bridge);
  });

  it('exposes exactly the bridge methods, one per channel, and nothing of ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['getConfig', 'synthesize']);
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(DISPLAY_CHANNELS).sort());
    for (const member of Object.values(bridge)) expect(typeof member).toBe('function');
  });

  it('asks main for the config on display:config', async () => {
    const config = { hubUrl: 'http://hub', token: 't', lang: 'id', zone: { agencyIds: [], counterIds: [] } };
    ipcRenderer.invoke.mockResolvedValueOnce(config);
    await expect(bridge.getConfig()).resolves.toBe(config);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('display:config');
  });

  it('sends text and language on display:synthesize and hands back the outcome', async () => {
    const outcome = { ok: true, wav: new Uint8Array([82, 73, 70, 70]) };
    ipcRenderer.invoke.mockResolvedValueOnce(outcome);
    await expect(bridge.synthesize('Nomor antrean, A, dua belas', 'id')).resolves.toBe(outcome);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(
      'display:synthesize',
      'Nomor antrean, A, dua belas',
      'id',
    );
  });

  it("uses main's channel names", () => {
    expect(Object.values(DISPLAY_CHANNELS).sort()).toEqual(['display:config', 'display:synthesize']);
  });
});
