import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SayEngine } from './say-engine.ts';
import type { SayExporter } from './say-engine.ts';
import { encodeWav, parseWav } from './wav.ts';

// What macOS `say -o x.wav --data-format=LEF32@32000` produces: 32-bit float.
function floatWav(): Buffer {
  const data = Buffer.alloc(32000 * 4);
  for (let i = 0; i < 32000; i++) data.writeFloatLE(Math.sin(i / 10) * 0.5, i * 4);
  return encodeWav({
    format: { encoding: 'float', channels: 1, sampleRate: 32000, bitsPerSample: 32 },
    data,
  });
}

function fakeSay(calls: unknown[][]): SayExporter {
  return {
    export(text, voice, speed, filename, callback) {
      calls.push([text, voice, speed]);
      writeFile(filename, floatWav()).then(
        () => {
          callback(null);
        },
        (error: unknown) => {
          callback(error);
        },
      );
    },
  };
}

describe('SayEngine', () => {
  it('is never available on Linux, and does not even load say there', async () => {
    let loaded = false;
    const engine = new SayEngine({
      platform: 'linux',
      loadSay: () => {
        loaded = true;
        return Promise.resolve({});
      },
    });
    expect(await engine.isAvailable()).toBe(false);
    await expect(engine.synthesize('halo', [], 'id')).rejects.toThrow(
      'only used on Windows and macOS, not linux',
    );
    expect(loaded).toBe(false);
  });

  it.runIf(process.platform === 'linux')('is unavailable on this Linux machine', async () => {
    expect(await new SayEngine().isAvailable()).toBe(false);
  });

  it('is unavailable where say is not installed', async () => {
    const engine = new SayEngine({
      platform: 'win32',
      loadSay: () => Promise.reject(new Error('Cannot find module')),
    });
    expect(await engine.isAvailable()).toBe(false);
    await expect(engine.synthesize('halo', [], 'id')).rejects.toThrow(
      'The npm package "say" is not installed',
    );
  });

  it('exports through say and returns 16-bit PCM', async () => {
    const calls: unknown[][] = [];
    const engine = new SayEngine({
      platform: 'darwin',
      speed: 0.9,
      loadSay: () => Promise.resolve({ default: fakeSay(calls) }),
    });
    expect(await engine.isAvailable()).toBe(true);
    const wav = parseWav(await engine.synthesize('Nomor antrian', [], 'id'));
    expect(wav.format).toEqual({ encoding: 'pcm', channels: 1, sampleRate: 32000, bitsPerSample: 16 });
    await engine.synthesize('Queue number', [], 'en');
    expect(calls).toEqual([
      ['Nomor antrian', 'Damayanti', 0.9],
      ['Queue number', null, 0.9],
    ]);
  });

  it('passes on what say reports', async () => {
    const failing: SayExporter = {
      export(_text, _voice, _speed, _filename, callback) {
        callback(new Error('voice not found'));
      },
    };
    const engine = new SayEngine({ platform: 'win32', loadSay: () => Promise.resolve(failing) });
    await expect(engine.synthesize('halo', [], 'id')).rejects.toThrow('voice not found');
  });
});
