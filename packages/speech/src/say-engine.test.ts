import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { EspeakEngine } from './espeak-engine.ts';
import { NoIndonesianVoiceError, SayEngine } from './say-engine.ts';
import { speakWithFallback } from './speak-with-fallback.ts';
import type { VoiceChoice } from './system-voices.ts';
import { fakeVoicePlatform } from './testing/fake-voice-platform.ts';
import { parseWav } from './wav.ts';

// `say` is loaded for real (its module loads on Linux); only the programs it starts are played by the fake.

afterEach(() => {
  vi.restoreAllMocks();
});

const WINDOWS_WITH_ANDIKA = ['Microsoft David Desktop', 'Microsoft Zira Desktop', 'Microsoft Andika'];
const WINDOWS_ENGLISH_ONLY = ['Microsoft David Desktop', 'Microsoft Zira Desktop'];

function reporting(): { choices: VoiceChoice[]; onVoice: (choice: VoiceChoice) => void } {
  const choices: VoiceChoice[] = [];
  return { choices, onVoice: (choice) => choices.push(choice) };
}

describe('SayEngine on Windows', () => {
  it('speaks Indonesian with Microsoft Andika, listing the voices once, as 16-bit PCM', async () => {
    const platform = fakeVoicePlatform({ voices: WINDOWS_WITH_ANDIKA });
    const { choices, onVoice } = reporting();
    const engine = new SayEngine({ platform: 'win32', onVoice });
    expect(await engine.isAvailable()).toBe(true);

    const wav = parseWav(await engine.synthesize('Nomor antrean A dua belas', [], 'id'));
    await engine.synthesize('Nomor antrean B satu', [], 'id');

    expect(wav.format).toEqual({ encoding: 'pcm', channels: 1, sampleRate: 22050, bitsPerSample: 16 });
    expect(platform.spoken.map(({ program, voice, text }) => [program, voice, text])).toEqual([
      ['powershell', 'Microsoft Andika', 'Nomor antrean A dua belas'],
      ['powershell', 'Microsoft Andika', 'Nomor antrean B satu'],
    ]);
    expect(platform.listings()).toBe(1);
    expect(choices).toEqual([
      {
        platform: 'win32',
        lang: 'id',
        voice: 'Microsoft Andika',
        indonesian: true,
        installed: WINDOWS_WITH_ANDIKA,
      },
    ]);
  });

  it('refuses Indonesian without an Indonesian voice, naming what is installed, and speaks English', async () => {
    const platform = fakeVoicePlatform({ voices: WINDOWS_ENGLISH_ONLY });
    const { choices, onVoice } = reporting();
    const engine = new SayEngine({ platform: 'win32', onVoice });

    const refusal = engine.synthesize('Nomor antrean A dua belas', [], 'id');
    await expect(refusal).rejects.toBeInstanceOf(NoIndonesianVoiceError);
    await expect(refusal).rejects.toThrow(
      'no Indonesian system voice is installed (installed: Microsoft David Desktop, Microsoft Zira Desktop)',
    );
    await engine.synthesize('Queue number A twelve', [], 'en');

    expect(platform.spoken.map(({ voice, text }) => [voice, text])).toEqual([
      [null, 'Queue number A twelve'],
    ]);
    expect(choices.map(({ lang, voice, indonesian }) => [lang, voice, indonesian])).toEqual([
      ['id', null, false],
      ['en', null, false],
    ]);
  });

  it("uses the site's voice when installed, and Andika when the site's is missing", async () => {
    const platform = fakeVoicePlatform({ voices: [...WINDOWS_WITH_ANDIKA, 'Vendor Indonesian Female'] });
    await new SayEngine({ platform: 'win32', voices: { id: 'vendor indonesian female' } }).synthesize(
      'satu',
      [],
      'id',
    );
    await new SayEngine({ platform: 'win32', voices: { id: 'Microsoft Gadis' } }).synthesize('dua', [], 'id');
    expect(platform.spoken.map(({ voice }) => voice)).toEqual([
      'Vendor Indonesian Female',
      'Microsoft Andika',
    ]);
  });

  it('stops PowerShell and rejects when speaking takes too long', async () => {
    const platform = fakeVoicePlatform({ voices: WINDOWS_WITH_ANDIKA, behaviour: 'hang-export' });
    const engine = new SayEngine({ platform: 'win32', timeoutMs: 150 });
    await expect(engine.synthesize('Nomor antrean', [], 'id')).rejects.toThrow(
      'The system voice did not finish speaking within 150 ms',
    );
    expect(platform.stopped).toHaveLength(1);
  });

  it('rejects when the voice list does not come, and asks again on the next call', async () => {
    const platform = fakeVoicePlatform({ voices: WINDOWS_WITH_ANDIKA, behaviour: 'hang-list' });
    const engine = new SayEngine({ platform: 'win32', timeoutMs: 100 });
    await expect(engine.synthesize('satu', [], 'id')).rejects.toThrow('listing voices within 100 ms');
    await expect(engine.synthesize('dua', [], 'id')).rejects.toThrow('listing voices within 100 ms');
    expect(platform.listings()).toBe(2);
    expect(platform.stopped).toHaveLength(2);
  });

  it("passes on PowerShell's error", async () => {
    fakeVoicePlatform({ voices: WINDOWS_WITH_ANDIKA, behaviour: 'fail-list' });
    await expect(new SayEngine({ platform: 'win32' }).synthesize('satu', [], 'id')).rejects.toThrow(
      'Cannot find System.speech',
    );
  });
});

describe('SayEngine on macOS', () => {
  it('speaks Indonesian with Damayanti, found by its locale, and converts float to 16-bit PCM', async () => {
    const platform = fakeVoicePlatform({
      voices: [
        ['Alex', 'en_US'],
        ['Damayanti', 'id_ID'],
        ['Good News', 'en_US'],
      ],
    });
    const { choices, onVoice } = reporting();
    const engine = new SayEngine({ platform: 'darwin', onVoice });
    const wav = parseWav(await engine.synthesize('Nomor antrean', [], 'id'));
    expect(wav.format).toEqual({ encoding: 'pcm', channels: 1, sampleRate: 32000, bitsPerSample: 16 });
    expect(platform.spoken.map(({ program, voice }) => [program, voice])).toEqual([['say', 'Damayanti']]);
    expect(choices[0]?.installed).toEqual(['Alex', 'Damayanti', 'Good News']);
  });
});

describe('SayEngine elsewhere', () => {
  it('is not available on Linux and starts no program there', async () => {
    const platform = fakeVoicePlatform({ voices: WINDOWS_WITH_ANDIKA });
    const engine = new SayEngine({ platform: 'linux' });
    expect(await engine.isAvailable()).toBe(false);
    await expect(engine.synthesize('halo', [], 'id')).rejects.toThrow(
      'only used on Windows and macOS, not linux',
    );
    expect(platform.listings()).toBe(0);
  });

  it.runIf(process.platform === 'linux')('is unavailable on this Linux machine by default', async () => {
    expect(await new SayEngine().isAvailable()).toBe(false);
  });
});

describe('SayEngine among the fallbacks', () => {
  it('hands an Indonesian call to espeak-ng when Windows has no Indonesian voice, saying why', async () => {
    fakeVoicePlatform({ voices: WINDOWS_ENGLISH_ONLY });
    const fallbacks: string[] = [];
    const result = await speakWithFallback(
      [new SayEngine({ platform: 'win32' }), new EspeakEngine()],
      'Nomor antrean A dua belas, silakan menuju loket tiga',
      [],
      'id',
      (engine, reason) => fallbacks.push(`${engine}: ${reason}`),
    );
    expect(result.engine).toBe('espeak-ng');
    expect(fallbacks).toEqual([
      'say: no Indonesian system voice is installed (installed: Microsoft David Desktop, Microsoft Zira Desktop)',
    ]);
  });

  it('moves on when the system voice hangs past the fallback timeout', async () => {
    const platform = fakeVoicePlatform({ voices: WINDOWS_WITH_ANDIKA, behaviour: 'hang-export' });
    const fallbacks: string[] = [];
    // The fallback timeout also bounds espeak-ng's two real processes, which take several hundred ms on a
    // loaded 2-core machine: 2 s leaves them room (300 ms failed when each took 350 ms).
    const result = await speakWithFallback(
      [new SayEngine({ platform: 'win32', timeoutMs: 3000 }), new EspeakEngine()],
      'Nomor antrean',
      [],
      'id',
      (engine, reason) => fallbacks.push(`${engine}: ${reason}`),
      { timeoutMs: 2000 },
    );
    expect(result.engine).toBe('espeak-ng');
    expect(fallbacks).toEqual(['say: speaking did not finish within 2000 ms']);
    // The engine's own deadline still stops the hung PowerShell.
    await expect.poll(() => platform.stopped, { timeout: 5000 }).toHaveLength(1);
  });
});
