import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpeechEngine } from './speech-engine.ts';
import type { SpeechLang } from './speech-lang.ts';
import { encodeWav, parseWav, toPcm16 } from './wav.ts';

/** The one call used from the npm `say` package. */
export interface SayExporter {
  export(
    text: string,
    voice: string | null,
    speed: number | null,
    filename: string,
    callback: (error: unknown) => void,
  ): void;
}

export interface SayOptions {
  /** System voice per language; unset means the system default voice. */
  readonly voices?: Partial<Record<SpeechLang, string>>;
  /** 1 is normal speed, 0.8 slower. */
  readonly speed?: number;
  readonly timeoutMs?: number;
  readonly name?: string;
  /** For tests: the platform to behave as, and how `say` is loaded. */
  readonly platform?: NodeJS.Platform;
  readonly loadSay?: () => Promise<unknown>;
}

// Only these have a system voice `say` can export from; on Linux it shells out to festival, which
// is rarely installed and crashes the process when missing.
const SUPPORTED_PLATFORMS: readonly NodeJS.Platform[] = ['win32', 'darwin'];

// Damayanti is macOS's Indonesian voice; Windows names differ per install, so the site configures them.
const DEFAULT_VOICES: Partial<Record<NodeJS.Platform, Partial<Record<SpeechLang, string>>>> = {
  darwin: { id: 'Damayanti' },
};

// A variable, so the compiler does not demand a package that is deliberately not installed.
const SAY_PACKAGE: string = 'say';

function isSayExporter(value: unknown): value is SayExporter {
  return (
    typeof value === 'object' && value !== null && 'export' in value && typeof value.export === 'function'
  );
}

/** `say` is CommonJS: its API arrives as the namespace's `default`. */
function findExporter(loaded: unknown): SayExporter | undefined {
  if (isSayExporter(loaded)) return loaded;
  if (typeof loaded === 'object' && loaded !== null && 'default' in loaded && isSayExporter(loaded.default)) {
    return loaded.default;
  }
  return undefined;
}

async function importSay(): Promise<unknown> {
  const loaded: unknown = await import(SAY_PACKAGE);
  return loaded;
}

/** The Windows or macOS system voice, via the optional npm `say` package when a site installs it. */
export class SayEngine implements SpeechEngine {
  readonly name: string;
  readonly #platform: NodeJS.Platform;
  readonly #voices: Partial<Record<SpeechLang, string>>;
  readonly #speed: number | null;
  readonly #timeoutMs: number;
  readonly #loadSay: () => Promise<unknown>;
  #exporter: Promise<SayExporter | undefined> | undefined;

  constructor(options: SayOptions = {}) {
    this.name = options.name ?? 'say';
    this.#platform = options.platform ?? process.platform;
    this.#voices = { ...DEFAULT_VOICES[this.#platform], ...options.voices };
    this.#speed = options.speed ?? null;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#loadSay = options.loadSay ?? importSay;
  }

  async isAvailable(): Promise<boolean> {
    return (await this.#load()) !== undefined;
  }

  async synthesize(text: string, _tokens: readonly string[], lang: SpeechLang): Promise<Buffer> {
    if (!SUPPORTED_PLATFORMS.includes(this.#platform)) {
      throw new Error(`The system voice is only used on Windows and macOS, not ${this.#platform}`);
    }
    const exporter = await this.#load();
    if (exporter === undefined) throw new Error('The npm package "say" is not installed');
    const folder = await mkdtemp(join(tmpdir(), 'giliran-say-'));
    try {
      const file = join(folder, 'speech.wav');
      await this.#export(exporter, text, this.#voices[lang] ?? null, file);
      // macOS writes 32-bit float; 16-bit PCM plays everywhere and matches the chime.
      return encodeWav(toPcm16(parseWav(await readFile(file))));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  #load(): Promise<SayExporter | undefined> {
    if (!SUPPORTED_PLATFORMS.includes(this.#platform)) return Promise.resolve(undefined);
    this.#exporter ??= this.#loadSay().then(findExporter, () => undefined);
    return this.#exporter;
  }

  #export(exporter: SayExporter, text: string, voice: string | null, file: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`The system voice did not finish within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      const done = (error: unknown): void => {
        clearTimeout(timer);
        if (error === null || error === undefined) resolve();
        else
          reject(
            error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'say failed'),
          );
      };
      try {
        exporter.export(text, voice, this.#speed, file, done);
      } catch (error) {
        done(error);
      }
    });
  }
}
