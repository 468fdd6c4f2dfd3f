import type { SpeechEngine } from './speech-engine.ts';
import type { SpeechLang } from './speech-lang.ts';
import { parseWav } from './wav.ts';

export interface SpeechResult {
  /** Name of the engine that spoke. */
  readonly engine: string;
  readonly wav: Buffer;
}

export interface EngineFailure {
  readonly engine: string;
  readonly reason: string;
}

/** Every engine failed; `failures` says why, engine by engine. */
export class SpeechError extends Error {
  override readonly name = 'SpeechError';

  constructor(readonly failures: readonly EngineFailure[]) {
    super(
      failures.length === 0
        ? 'No speech engine is configured'
        : `No speech engine could speak the call: ${failures.map((f) => `${f.engine}: ${f.reason}`).join('; ')}`,
    );
  }
}

export interface FallbackOptions {
  /** Longest one engine may take before the next one is tried (default 20 s). */
  readonly timeoutMs?: number;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

async function trySpeak(
  engine: SpeechEngine,
  text: string,
  tokens: readonly string[],
  lang: SpeechLang,
  timeoutMs: number,
): Promise<Buffer> {
  if (!(await withTimeout(engine.isAvailable(), timeoutMs, 'the availability check'))) {
    throw new Error('not available');
  }
  const wav = await withTimeout(engine.synthesize(text, tokens, lang), timeoutMs, 'speaking');
  parseWav(wav); // a broken WAV would only fail later, at the speakers
  return wav;
}

/**
 * Speaks with the first engine in `engines` that works. An engine that is missing or fails is
 * reported through `onFallback` and skipped; only when all fail does this reject, with a SpeechError.
 */
export async function speakWithFallback(
  engines: readonly SpeechEngine[],
  text: string,
  tokens: readonly string[],
  lang: SpeechLang,
  onFallback: (engineName: string, reason: string) => void = () => undefined,
  options: FallbackOptions = {},
): Promise<SpeechResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const failures: EngineFailure[] = [];
  for (const engine of engines) {
    try {
      return { engine: engine.name, wav: await trySpeak(engine, text, tokens, lang, timeoutMs) };
    } catch (error) {
      const reason = reasonOf(error);
      failures.push({ engine: engine.name, reason });
      try {
        onFallback(engine.name, reason);
      } catch {
        // A failing logger must not silence the hall: the next engine still gets its turn.
      }
    }
  }
  throw new SpeechError(failures);
}
