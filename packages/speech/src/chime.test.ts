import { beforeAll, describe, expect, it } from 'vitest';
import { chimeWav } from './chime.ts';
import { requireBinary, soxDuration } from './testing/binaries.ts';
import { parseWav, wavDuration } from './wav.ts';

describe('chimeWav', () => {
  beforeAll(() => requireBinary('sox', '--version', 'sox'));

  it('is a 1.2 s mono 16-bit 22050 Hz WAV, as sox measures it', async () => {
    const wav = chimeWav();
    const parsed = parseWav(wav);
    expect(parsed.format).toEqual({ encoding: 'pcm', channels: 1, sampleRate: 22050, bitsPerSample: 16 });
    expect(wavDuration(parsed)).toBeCloseTo(1.2, 3);
    const measured = await soxDuration(wav);
    expect(measured).toBeGreaterThanOrEqual(1);
    expect(measured).toBeLessThanOrEqual(1.5);
  });

  it('is loud but never clips, and starts and ends silent', () => {
    const { data } = parseWav(chimeWav());
    const samples = Array.from({ length: data.length / 2 }, (_, i) => data.readInt16LE(i * 2));
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak).toBeGreaterThan(20_000);
    expect(peak).toBeLessThan(32_767);
    expect(samples[0]).toBe(0);
    expect(Math.abs(samples.at(-1) ?? Number.NaN)).toBeLessThan(50);
  });

  it('rings a higher tone and then a lower one', () => {
    const { data } = parseWav(chimeWav());
    // Count zero crossings in a window of each tone: more crossings means a higher pitch.
    const crossings = (from: number, to: number): number => {
      let count = 0;
      for (let i = from + 1; i < to; i++) {
        if (data.readInt16LE((i - 1) * 2) < 0 !== data.readInt16LE(i * 2) < 0) count++;
      }
      return count;
    };
    const window = 2205; // 0.1 s
    expect(crossings(1000, 1000 + window)).toBeGreaterThan(crossings(12_000, 12_000 + window));
  });
});
