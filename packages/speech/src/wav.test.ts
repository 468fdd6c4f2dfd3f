import { describe, expect, it } from 'vitest';
import {
  concatWavs,
  describeFormat,
  encodeWav,
  parseWav,
  silence,
  toPcm16,
  trimSilence,
  wavDuration,
  WavError,
} from './wav.ts';
import type { Wav, WavFormat } from './wav.ts';

const MONO_16: WavFormat = { encoding: 'pcm', channels: 1, sampleRate: 22050, bitsPerSample: 16 };

function tone(format: WavFormat, seconds: number): Wav {
  const frames = Math.round(seconds * format.sampleRate);
  const data = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) data.writeInt16LE(Math.round(Math.sin(i / 5) * 10_000), i * 2);
  return { format, data };
}

describe('WAV reading and writing', () => {
  it('round-trips through a canonical header', () => {
    const wav = tone(MONO_16, 0.5);
    const bytes = encodeWav(wav);
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    const back = parseWav(bytes);
    expect(back.format).toEqual(MONO_16);
    expect(back.data.equals(wav.data)).toBe(true);
    expect(wavDuration(back)).toBeCloseTo(0.5, 4);
  });

  it('reads a streamed header whose sizes overrun the file, as espeak-ng --stdout writes it', () => {
    const bytes = encodeWav(tone(MONO_16, 0.1));
    bytes.writeUInt32LE(0x7ffff024, 4);
    bytes.writeUInt32LE(0x7ffff000, 40);
    const streamed = Buffer.concat([bytes, Buffer.from([1])]); // half a frame at the end
    expect(wavDuration(parseWav(streamed))).toBeCloseTo(0.1, 4);
  });

  it('skips unknown chunks', () => {
    const bytes = encodeWav(tone(MONO_16, 0.1));
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc\0')]);
    const withList = Buffer.concat([bytes.subarray(0, 36), list, bytes.subarray(36)]);
    expect(parseWav(withList).data.equals(parseWav(bytes).data)).toBe(true);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseWav(Buffer.from('not a wav at all'))).toThrow(WavError);
    const adpcm = encodeWav(tone(MONO_16, 0.1));
    adpcm.writeUInt16LE(2, 20);
    expect(() => parseWav(adpcm)).toThrow(/format tag 2/);
    expect(() => parseWav(encodeWav(tone(MONO_16, 0.1)).subarray(0, 36))).toThrow(/no data chunk/);
  });

  it('converts 32-bit float, as macOS say writes, to 16-bit PCM', () => {
    const data = Buffer.alloc(12);
    [0.5, -1, 2].forEach((sample, i) => data.writeFloatLE(sample, i * 4));
    const float: Wav = { format: { ...MONO_16, encoding: 'float', bitsPerSample: 32 }, data };
    const pcm = toPcm16(parseWav(encodeWav(float)));
    expect(pcm.format).toEqual(MONO_16);
    expect([0, 1, 2].map((i) => pcm.data.readInt16LE(i * 2))).toEqual([16384, -32767, 32767]);
  });
});

describe('joining', () => {
  it('puts silence between parts', () => {
    const joined = concatWavs([tone(MONO_16, 0.2), tone(MONO_16, 0.3)], { gapSeconds: 0.1 });
    expect(wavDuration(joined)).toBeCloseTo(0.6, 4);
    expect(wavDuration(silence(MONO_16, 0.25))).toBeCloseTo(0.25, 4);
    expect(silence({ ...MONO_16, bitsPerSample: 8 }, 0.01).data[0]).toBe(0x80);
  });

  it('refuses parts in different formats, naming them', () => {
    const other = tone({ ...MONO_16, sampleRate: 16000 }, 0.1);
    expect(() => concatWavs([tone(MONO_16, 0.1), other], { names: ['a.wav', 'b.wav'] })).toThrow(
      'b.wav is 16000 Hz mono 16-bit PCM but a.wav is 22050 Hz mono 16-bit PCM: every clip must have the same format',
    );
    expect(() => concatWavs([])).toThrow(WavError);
    expect(describeFormat({ ...MONO_16, channels: 2 })).toBe('22050 Hz stereo 16-bit PCM');
  });

  it('trims silence at both ends but keeps a little padding', () => {
    const padded = concatWavs([silence(MONO_16, 0.5), tone(MONO_16, 0.2), silence(MONO_16, 0.5)]);
    expect(wavDuration(trimSilence(padded, { paddingSeconds: 0.03 }))).toBeCloseTo(0.26, 2);
    const quiet = silence(MONO_16, 0.2);
    expect(trimSilence(quiet)).toBe(quiet);
  });
});
