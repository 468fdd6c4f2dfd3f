import type { SynthesizeOutcome } from '@giliran/ui';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenderCheck } from '@giliran/desktop-shell/navigation-guard.ts';
import {
  asWindow,
  FakeBrowserWindow,
  FakeWebFrame,
  invokeEvent,
  ipcMain,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { DISPLAY_CHANNELS } from '../shared/ipc-channels.ts';
import { displaySettings } from '../testing/settings.ts';
import {
  DEFAULT_SYNTHESIZE_TIMEOUT_MS,
  registerDisplayBridge,
  SYNTHESIZE_FAILURE_REASONS,
  type Synthesize,
} from './display-bridge.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

const HUB = 'http://hub.mpp.local:8080';
const PAGE = `${HUB}/display?token=display-token-secret&lang=id`;

/** The smallest WAV header, then two samples: what an engine hands back. */
function wavBytes(): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(40, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  return Buffer.concat([header, Buffer.from([1, 2, 3, 4])]);
}

let win: FakeBrowserWindow;
let synthesize: ReturnType<typeof vi.fn<Synthesize>>;
let unregister: () => void;

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  win = new FakeBrowserWindow();
  void win.loadURL(PAGE);
  synthesize = vi.fn<Synthesize>(() => Promise.resolve(wavBytes()));
  unregister = registerDisplayBridge({
    settings: displaySettings({ counters: ['loket-1'] }),
    synthesize,
    isTrustedSender: createSenderCheck(asWindow(win), HUB),
  });
});

afterEach(() => {
  unregister();
  vi.useRealTimers();
});

const speak = (...args: unknown[]): Promise<SynthesizeOutcome> =>
  ipcMain.invoke(DISPLAY_CHANNELS.synthesize, invokeEvent(win), ...args) as Promise<SynthesizeOutcome>;

describe('display:synthesize', () => {
  it('speaks valid text with the engines and returns the WAV as plain bytes', async () => {
    const outcome = await speak('Nomor antrean, A, dua belas, silakan menuju loket tiga.', 'id');
    expect(synthesize).toHaveBeenCalledWith('Nomor antrean, A, dua belas, silakan menuju loket tiga.', 'id');
    expect(outcome).toEqual({ ok: true, wav: new Uint8Array(wavBytes()) });
    if (!outcome.ok) throw new Error('expected a WAV');
    expect(Buffer.isBuffer(outcome.wav)).toBe(false);
    expect(outcome.wav.byteLength).toBe(outcome.wav.buffer.byteLength);
  });

  it('trims the text and accepts English and exactly 300 characters', async () => {
    await expect(speak('  Queue number, A, twelve.  ', 'en')).resolves.toMatchObject({ ok: true });
    expect(synthesize).toHaveBeenLastCalledWith('Queue number, A, twelve.', 'en');
    await expect(speak('a'.repeat(300), 'id')).resolves.toMatchObject({ ok: true });
  });

  it('refuses an invalid payload without calling an engine', async () => {
    const invalid = { ok: false, reason: SYNTHESIZE_FAILURE_REASONS.invalidRequest };
    for (const args of [
      ['a'.repeat(301), 'id'],
      ['', 'id'],
      ['   ', 'en'],
      ['Nomor A12', 'jv'],
      ['Nomor A12'],
      [42, 'id'],
      [{ text: 'Nomor' }, 'id'],
      ['baris satu\nbaris dua', 'id'],
      ['Nomor\u0007', 'id'],
    ]) {
      await expect(speak(...args)).resolves.toEqual(invalid);
    }
    expect(synthesize).not.toHaveBeenCalled();
  });

  it('turns an engine failure into ok:false with its reason, and never rejects', async () => {
    synthesize.mockRejectedValueOnce(
      new Error('No speech engine could speak the call: espeak-ng: not available'),
    );
    await expect(speak('Nomor A12', 'id')).resolves.toEqual({
      ok: false,
      reason: `${SYNTHESIZE_FAILURE_REASONS.failed}: No speech engine could speak the call: espeak-ng: not available`,
    });
    synthesize.mockImplementationOnce(() => {
      throw new TypeError('engine list is broken');
    });
    await expect(speak('Nomor A12', 'id')).resolves.toMatchObject({ ok: false });
    await expect(speak('Nomor A12', 'id')).resolves.toMatchObject({ ok: true });
  });

  it('refuses what an engine returns when it is not a WAV', async () => {
    synthesize.mockResolvedValueOnce(Buffer.from('ID3 not a wav at all'));
    await expect(speak('Nomor A12', 'id')).resolves.toEqual({
      ok: false,
      reason: SYNTHESIZE_FAILURE_REASONS.notWav,
    });
  });

  it('gives up on an engine that hangs', async () => {
    vi.useFakeTimers();
    synthesize.mockReturnValueOnce(new Promise<Uint8Array>(() => undefined));
    const outcome = speak('Nomor A12', 'id');
    await vi.advanceTimersByTimeAsync(DEFAULT_SYNTHESIZE_TIMEOUT_MS);
    await expect(outcome).resolves.toEqual({ ok: false, reason: SYNTHESIZE_FAILURE_REASONS.timeout });
  });

  it('speaks one request at a time, in order', async () => {
    const finish: (() => void)[] = [];
    synthesize.mockImplementation(
      () =>
        new Promise<Uint8Array>((resolve) => {
          finish.push(() => {
            resolve(wavBytes());
          });
        }),
    );
    const first = speak('satu', 'id');
    const second = speak('dua', 'id');
    await vi.waitFor(() => {
      expect(synthesize).toHaveBeenCalledTimes(1);
    });
    finish[0]?.();
    await first;
    await vi.waitFor(() => {
      expect(synthesize).toHaveBeenCalledTimes(2);
    });
    finish[1]?.();
    await expect(second).resolves.toMatchObject({ ok: true });
    expect(synthesize.mock.calls.map(([text]) => text)).toEqual(['satu', 'dua']);
  });
});

describe('sender check', () => {
  const from = (event: IpcMainInvokeEvent): Promise<unknown> =>
    ipcMain.invoke(DISPLAY_CHANNELS.synthesize, event, 'Nomor A12', 'id');
  const refused = { ok: false, reason: SYNTHESIZE_FAILURE_REASONS.notThePage };

  it('refuses an iframe, another window and another origin, without speaking or throwing', async () => {
    const iframe = new FakeWebFrame(PAGE, win.webContents.mainFrame);
    await expect(from(invokeEvent(win, iframe))).resolves.toEqual(refused);
    const other = new FakeBrowserWindow();
    void other.loadURL(PAGE);
    await expect(from(invokeEvent(other))).resolves.toEqual(refused);
    void win.loadURL('https://example.com/display');
    await expect(from(invokeEvent(win))).resolves.toEqual(refused);
    expect(synthesize).not.toHaveBeenCalled();
  });

  it('logs a refusal without the page query, which holds the token', async () => {
    const iframe = new FakeWebFrame(PAGE, win.webContents.mainFrame);
    await from(invokeEvent(win, iframe));
    expect(console.warn).toHaveBeenCalledWith(`[display] display:synthesize refused from ${HUB}/display?…`);
  });
});

describe('display:config', () => {
  it("gives the display page its config, and nobody else's frame", async () => {
    await expect(ipcMain.invoke(DISPLAY_CHANNELS.getConfig, invokeEvent(win))).resolves.toEqual({
      hubUrl: HUB,
      token: 'display-token-secret',
      lang: 'id',
      zone: { agencyIds: [], counterIds: ['loket-1'] },
    });
    const iframe = new FakeWebFrame(PAGE, win.webContents.mainFrame);
    await expect(ipcMain.invoke(DISPLAY_CHANNELS.getConfig, invokeEvent(win, iframe))).rejects.toThrow(
      /not the display page/,
    );
  });
});

describe('registration', () => {
  it('registers exactly the bridge channels and removes them', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['display:config', 'display:synthesize']);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
