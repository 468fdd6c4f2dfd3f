import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sayPackage from 'say';
import { runProcess } from './run-process.ts';
import type { SpeechEngine } from './speech-engine.ts';
import type { SpeechLang } from './speech-lang.ts';
import {
  chooseVoice,
  parseMacVoices,
  type InstalledVoice,
  type VoiceChoice,
  type VoicePlatform,
} from './system-voices.ts';
import { encodeWav, parseWav, toPcm16 } from './wav.ts';

/** What this engine uses of one platform object of the npm `say` package. */
interface SayPlatform {
  export(
    text: string,
    voice: string | null,
    speed: number | null,
    filename: string,
    callback: (error: unknown) => void,
  ): void;
  getInstalledVoices(callback: (error: unknown, voices?: unknown) => void): void;
  stop(callback?: (error: unknown) => void): void;
}
type SayPlatformClass = new (platform: VoicePlatform) => SayPlatform;

export interface SayOptions {
  /** A system voice per language the site prefers; used when installed. */
  readonly voices?: Partial<Record<SpeechLang, string>>;
  /** 1 is normal speed, 0.8 slower. */
  readonly speed?: number;
  /** Longest one export (or the voice list) may take; the process is stopped then. */
  readonly timeoutMs?: number;
  readonly name?: string;
  /** The platform to behave as (tests); `process.platform` otherwise. */
  readonly platform?: NodeJS.Platform;
  /** Told once per language which voice speaks it, or that no Indonesian voice is installed. */
  readonly onVoice?: (choice: VoiceChoice) => void;
}

/** How NoIndonesianVoiceError's message starts: the hub's fallback alerts recognise it by this. */
export const NO_INDONESIAN_VOICE = 'no Indonesian system voice is installed';

/** Thrown for Indonesian on a PC without an Indonesian voice: the next engine speaks instead. */
export class NoIndonesianVoiceError extends Error {
  override readonly name = 'NoIndonesianVoiceError';

  constructor(readonly choice: VoiceChoice) {
    super(`${NO_INDONESIAN_VOICE} (installed: ${choice.installed.join(', ') || 'none'})`);
  }
}

const DEFAULT_TIMEOUT_MS = 15_000;

function isVoicePlatform(platform: NodeJS.Platform): platform is VoicePlatform {
  return platform === 'win32' || platform === 'darwin';
}

/** `say` exports its platform classes as `Say` (the package's types leave it out). */
function sayPlatformClass(): SayPlatformClass {
  const loaded: unknown = sayPackage;
  if (typeof loaded === 'object' && loaded !== null && 'Say' in loaded && typeof loaded.Say === 'function') {
    return loaded.Say as SayPlatformClass;
  }
  throw new Error('The npm package "say" has no Say class: an unexpected version is installed');
}

function asError(error: unknown, fallback: string): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' && error.trim() !== '' ? error.trim() : fallback);
}

/** Runs one `say` call with a deadline; on timeout the platform process is stopped and the call rejects. */
function withDeadline<T>(
  say: SayPlatform,
  timeoutMs: number,
  what: string,
  start: (done: (error: unknown, value?: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      say.stop(() => undefined);
      reject(new Error(`The system voice did not finish ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (error: unknown, value?: T): void => {
      clearTimeout(timer);
      if (error === null || error === undefined) resolve(value as T);
      else reject(asError(error, `say failed ${what}`));
    };
    try {
      start(done);
    } catch (error) {
      done(error);
    }
  });
}

/**
 * The Windows or macOS system voice through the npm `say` package (PowerShell's System.Speech on Windows,
 * `say` on macOS). Indonesian is only spoken by an Indonesian voice: where none is installed the engine
 * refuses, so the next engine (espeak-ng, the clips, the hub's audio) speaks, and `onVoice` tells why.
 */
export class SayEngine implements SpeechEngine {
  readonly name: string;
  readonly #platform: NodeJS.Platform;
  readonly #voices: Partial<Record<SpeechLang, string>>;
  readonly #speed: number | null;
  readonly #timeoutMs: number;
  readonly #onVoice: (choice: VoiceChoice) => void;
  readonly #choices = new Map<SpeechLang, Promise<VoiceChoice>>();
  #installed: Promise<InstalledVoice[]> | undefined;

  constructor(options: SayOptions = {}) {
    this.name = options.name ?? 'say';
    this.#platform = options.platform ?? process.platform;
    this.#voices = { ...options.voices };
    this.#speed = options.speed ?? null;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#onVoice = options.onVoice ?? (() => undefined);
  }

  /** Only Windows and macOS: on Linux `say` runs festival, which is rarely there and speaks no Indonesian. */
  isAvailable(): Promise<boolean> {
    return Promise.resolve(isVoicePlatform(this.#platform));
  }

  /** The voice for `lang`, chosen once from the installed voices (a failed look-up is tried again). */
  voiceFor(lang: SpeechLang): Promise<VoiceChoice> {
    const platform = this.#platform;
    if (!isVoicePlatform(platform)) {
      return Promise.reject(new Error(`The system voice is only used on Windows and macOS, not ${platform}`));
    }
    let choice = this.#choices.get(lang);
    if (choice === undefined) {
      choice = this.#installedVoices(platform).then((installed) => {
        const chosen = chooseVoice(platform, lang, installed, this.#voices[lang]);
        try {
          this.#onVoice(chosen);
        } catch {
          // A failing report must not keep the voice from speaking.
        }
        return chosen;
      });
      choice.catch(() => this.#choices.delete(lang));
      this.#choices.set(lang, choice);
    }
    return choice;
  }

  async synthesize(text: string, _tokens: readonly string[], lang: SpeechLang): Promise<Buffer> {
    const choice = await this.voiceFor(lang);
    if (lang === 'id' && !choice.indonesian) throw new NoIndonesianVoiceError(choice);
    const folder = await mkdtemp(join(tmpdir(), 'giliran-say-'));
    try {
      const file = join(folder, 'speech.wav');
      const say = new (sayPlatformClass())(choice.platform);
      await withDeadline<undefined>(say, this.#timeoutMs, 'speaking', (done) => {
        say.export(text, choice.voice, this.#speed, file, done);
      });
      // macOS writes 32-bit float; 16-bit PCM plays everywhere and matches the chime.
      return encodeWav(toPcm16(parseWav(await readFile(file))));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  #installedVoices(platform: VoicePlatform): Promise<InstalledVoice[]> {
    this.#installed ??= this.#listVoices(platform).catch((error: unknown) => {
      this.#installed = undefined;
      throw error;
    });
    return this.#installed;
  }

  async #listVoices(platform: VoicePlatform): Promise<InstalledVoice[]> {
    if (platform === 'darwin') {
      // `say` (the npm package) cannot list voices on macOS; the system's own `say -v ?` does.
      const output = await runProcess('say', ['-v', '?'], { timeoutMs: this.#timeoutMs });
      return parseMacVoices(output.toString('utf8'));
    }
    const say = new (sayPlatformClass())(platform);
    const names = await withDeadline<unknown>(say, this.#timeoutMs, 'listing voices', (done) => {
      say.getInstalledVoices(done);
    });
    return Array.isArray(names)
      ? names
          .filter((name): name is string => typeof name === 'string')
          .map((name) => ({ name: name.trim() }))
      : [];
  }
}
