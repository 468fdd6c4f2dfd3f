import { beforeAll, describe, expect, it } from 'vitest';
import { EspeakEngine } from './espeak-engine.ts';
import { requireBinary, soxDuration } from './testing/binaries.ts';
import { parseWav, wavDuration } from './wav.ts';

const SENTENCE = 'Nomor antrean, A, dua belas, silakan menuju loket tiga.';

describe('EspeakEngine', () => {
  beforeAll(async () => {
    await requireBinary('espeak-ng', '--version', 'espeak-ng');
    await requireBinary('sox', '--version', 'sox');
  });

  it('speaks the Indonesian call as a real WAV of plausible length', async () => {
    const engine = new EspeakEngine();
    expect(await engine.isAvailable()).toBe(true);
    const wav = await engine.synthesize(SENTENCE, [], 'id');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    const measured = await soxDuration(wav);
    expect(measured).toBeGreaterThan(2.5);
    expect(measured).toBeLessThan(7);
    expect(wavDuration(parseWav(wav))).toBeCloseTo(measured, 2);
  });

  it('speaks slower at a lower speed, and English with the English voice', async () => {
    const slow = await soxDuration(await new EspeakEngine({ speed: 100 }).synthesize(SENTENCE, [], 'id'));
    const fast = await soxDuration(await new EspeakEngine({ speed: 220 }).synthesize(SENTENCE, [], 'id'));
    expect(slow).toBeGreaterThan(fast * 1.4);
    const english = await new EspeakEngine().synthesize(
      'Queue number, A, twelve, please go to counter three.',
      [],
      'en',
    );
    expect(await soxDuration(english)).toBeGreaterThan(2);
  });

  it('reads text that looks like an option as text', async () => {
    const wav = await new EspeakEngine().synthesize('-x --help', [], 'id');
    expect(wavDuration(parseWav(wav))).toBeGreaterThan(0.3);
  });

  it('is unavailable, and fails clearly, when the binary is missing', async () => {
    const missing = new EspeakEngine({ binary: 'espeak-ng-missing' });
    expect(await missing.isAvailable()).toBe(false);
    await expect(missing.synthesize(SENTENCE, [], 'id')).rejects.toThrow(
      'espeak-ng-missing is not installed or not on PATH',
    );
  });

  it('reports a voice espeak-ng does not have', async () => {
    const engine = new EspeakEngine({ voices: { id: 'nosuch' } });
    await expect(engine.synthesize(SENTENCE, [], 'id')).rejects.toThrow(
      'espeak-ng failed (exit code 1): Error: The specified espeak-ng voice does not exist.',
    );
  });

  it('refuses a speed espeak-ng does not support', () => {
    expect(() => new EspeakEngine({ speed: 10 })).toThrow(RangeError);
  });
});
