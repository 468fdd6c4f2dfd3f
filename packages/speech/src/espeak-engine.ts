import type { SpeechEngine } from './speech-engine.ts';
import type { SpeechLang } from './speech-lang.ts';
import { runProcess, type ProcessRunner } from './run-process.ts';
import { encodeWav, parseWav, wavDuration } from './wav.ts';

export interface EspeakOptions {
  /** Program to run; a full path where espeak-ng is not on PATH (default `espeak-ng`). */
  readonly binary?: string;
  /** Words per minute, 80–450 (default 140: slower than espeak's 175, for echoing halls). */
  readonly speed?: number;
  /** espeak-ng voice per language (default `id` and `en`). */
  readonly voices?: Partial<Record<SpeechLang, string>>;
  readonly timeoutMs?: number;
  readonly name?: string;
  /**
   * Runs espeak-ng (default: here, with `runProcess`). A hub passes one that starts it from a worker thread: starting
   * a process blocks the thread that starts it until the program is running, which a busy PC makes milliseconds.
   */
  readonly run?: ProcessRunner;
}

export const DEFAULT_ESPEAK_SPEED = 140;
const DEFAULT_VOICES: Readonly<Record<SpeechLang, string>> = { id: 'id', en: 'en' };

/** The offline voice shipped with Debian/Ubuntu (and installable on Windows): always there on the hub. */
export class EspeakEngine implements SpeechEngine {
  readonly name: string;
  readonly #binary: string;
  readonly #speed: number;
  readonly #voices: Readonly<Record<SpeechLang, string>>;
  readonly #timeoutMs: number;
  readonly #run: ProcessRunner;

  constructor(options: EspeakOptions = {}) {
    const speed = options.speed ?? DEFAULT_ESPEAK_SPEED;
    if (!Number.isInteger(speed) || speed < 80 || speed > 450) {
      throw new RangeError(`espeak-ng speed must be 80–450 words per minute: ${speed}`);
    }
    this.name = options.name ?? 'espeak-ng';
    this.#binary = options.binary ?? 'espeak-ng';
    this.#speed = speed;
    this.#voices = { ...DEFAULT_VOICES, ...options.voices };
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#run = options.run ?? runProcess;
  }

  /** Once found, espeak-ng stays installed: later checks cost no process (a missing one is looked for again). */
  #found = false;

  async isAvailable(): Promise<boolean> {
    if (this.#found) return true;
    try {
      await this.#run(this.#binary, ['--version'], { timeoutMs: this.#timeoutMs });
      this.#found = true;
      return true;
    } catch {
      return false;
    }
  }

  async synthesize(text: string, _tokens: readonly string[], lang: SpeechLang): Promise<Buffer> {
    if (text.trim() === '') throw new TypeError('Nothing to say: the text is empty');
    // "--" ends the options, so a text that starts with "-" is still read as text.
    const args = ['-v', this.#voices[lang], '-s', String(this.#speed), '--stdout', '--', text];
    const stdout = await this.#run(this.#binary, args, { timeoutMs: this.#timeoutMs });
    // Re-encoding fixes the placeholder sizes espeak-ng writes when streaming to stdout.
    const wav = parseWav(stdout);
    if (wavDuration(wav) === 0) throw new Error(`${this.#binary} produced no audio for "${text}"`);
    return encodeWav(wav);
  }
}
