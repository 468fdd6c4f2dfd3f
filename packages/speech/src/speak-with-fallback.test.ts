import { beforeAll, describe, expect, it } from 'vitest';
import { announcementText, announcementTokens } from './announcement.ts';
import { ClipEngine } from './clip-engine.ts';
import { EspeakEngine } from './espeak-engine.ts';
import { SayEngine } from './say-engine.ts';
import { speakWithFallback, SpeechError } from './speak-with-fallback.ts';
import type { SpeechEngine } from './speech-engine.ts';
import { requireBinary, soxDuration } from './testing/binaries.ts';

const CALL = { number: 'A012', counterName: 'Loket 3' };
const TEXT = announcementText(CALL);
const TOKENS = announcementTokens(CALL);

function engine(name: string, behaviour: Partial<SpeechEngine>): SpeechEngine {
  return {
    name,
    isAvailable: () => Promise.resolve(true),
    synthesize: () => Promise.reject(new Error('not implemented')),
    ...behaviour,
  };
}

const broken = engine('broken', {
  synthesize: () => Promise.reject(new Error('the sound card caught fire')),
});

function recorder(): { calls: [string, string][]; onFallback: (name: string, reason: string) => void } {
  const calls: [string, string][] = [];
  return { calls, onFallback: (name, reason) => calls.push([name, reason]) };
}

describe('speakWithFallback', () => {
  beforeAll(async () => {
    await requireBinary('espeak-ng', '--version', 'espeak-ng');
    await requireBinary('sox', '--version', 'sox');
  });

  it('skips a broken engine and a missing espeak-ng, and speaks with the real one', async () => {
    const missing = new EspeakEngine({ binary: 'espeak-ng-missing', name: 'espeak-ng-missing' });
    const { calls, onFallback } = recorder();
    const result = await speakWithFallback(
      [broken, missing, new EspeakEngine()],
      TEXT,
      TOKENS,
      'id',
      onFallback,
    );
    expect(result.engine).toBe('espeak-ng');
    expect(await soxDuration(result.wav)).toBeGreaterThan(2.5);
    expect(calls).toEqual([
      ['broken', 'the sound card caught fire'],
      ['espeak-ng-missing', 'not available'],
    ]);
  });

  it('uses the first engine that works without reporting anything', async () => {
    const { calls, onFallback } = recorder();
    const result = await speakWithFallback([new EspeakEngine(), broken], TEXT, TOKENS, 'id', onFallback);
    expect(result.engine).toBe('espeak-ng');
    expect(calls).toEqual([]);
  });

  it('rejects with every reason when all engines fail', async () => {
    const { calls, onFallback } = recorder();
    const engines = [
      broken,
      new EspeakEngine({ binary: 'espeak-ng-missing' }),
      new SayEngine({ platform: 'linux' }),
      new ClipEngine('/nonexistent/clips'),
      engine('throws', {
        isAvailable: () => {
          throw new Error('exploded synchronously');
        },
      }),
      engine('garbage', { synthesize: () => Promise.resolve(Buffer.from('not a wav')) }),
      engine('stuck', { synthesize: () => new Promise<Buffer>(() => undefined) }),
    ];
    const attempt = speakWithFallback(engines, TEXT, TOKENS, 'id', onFallback, { timeoutMs: 200 });
    await expect(attempt).rejects.toThrow(SpeechError);
    await expect(attempt).rejects.toThrow(
      'No speech engine could speak the call: broken: the sound card caught fire; ' +
        'espeak-ng: not available; say: not available; clips: not available; ' +
        'throws: exploded synchronously; garbage: Not a RIFF/WAVE file; stuck: speaking did not finish within 200 ms',
    );
    expect(calls.map(([name]) => name)).toEqual([
      'broken',
      'espeak-ng',
      'say',
      'clips',
      'throws',
      'garbage',
      'stuck',
    ]);
    const failure = await attempt.catch((error: unknown) => error);
    expect(failure instanceof SpeechError ? failure.failures : []).toHaveLength(7);
  });

  it('rejects clearly when no engine is configured', async () => {
    await expect(speakWithFallback([], TEXT, TOKENS, 'id')).rejects.toThrow('No speech engine is configured');
  });

  it('keeps going when the fallback logger itself throws', async () => {
    const result = await speakWithFallback([broken, new EspeakEngine()], TEXT, TOKENS, 'id', () => {
      throw new Error('logger down');
    });
    expect(result.engine).toBe('espeak-ng');
  });
});
