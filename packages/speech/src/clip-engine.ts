import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechEngine } from './speech-engine.ts';
import type { SpeechLang } from './speech-lang.ts';
import { CLIP_TOKENS } from './clip-tokens.ts';
import { concatWavs, encodeWav, parseWav } from './wav.ts';
import type { Wav } from './wav.ts';

export interface ClipEngineOptions {
  /** The language the clips were recorded in; another language is refused so the next engine speaks. */
  readonly lang?: SpeechLang;
  /** Silence between clips (default 0.12 s). */
  readonly gapSeconds?: number;
  /** Clips that must all exist for the engine to count as available (default: the default clip set). */
  readonly requiredTokens?: readonly string[];
  readonly name?: string;
}

// Tokens become file names: nothing that could climb out of the folder.
const SAFE_TOKEN = /^[a-z0-9][a-z0-9-]*$/;

function clipFile(token: string): string {
  if (!SAFE_TOKEN.test(token)) throw new TypeError(`Not a clip name: "${token}"`);
  return `${token}.wav`;
}

/** Plays a call from recorded clips (`<token>.wav`), e.g. a human voice recorded for the site. */
export class ClipEngine implements SpeechEngine {
  readonly name: string;
  readonly #folder: string;
  readonly #lang: SpeechLang | undefined;
  readonly #gapSeconds: number;
  readonly #requiredTokens: readonly string[];

  constructor(folder: string, options: ClipEngineOptions = {}) {
    this.name = options.name ?? 'clips';
    this.#folder = folder;
    this.#lang = options.lang;
    this.#gapSeconds = options.gapSeconds ?? 0.12;
    this.#requiredTokens = options.requiredTokens ?? CLIP_TOKENS;
  }

  async isAvailable(): Promise<boolean> {
    return (await this.missingClips(this.#requiredTokens)).length === 0;
  }

  /** The clip files `tokens` need that are not in the folder, so the hub can tell MOD what to record. */
  async missingClips(tokens: readonly string[]): Promise<string[]> {
    const files = [...new Set(tokens.map(clipFile))];
    const present = await Promise.all(
      files.map((file) =>
        access(join(this.#folder, file)).then(
          () => true,
          () => false,
        ),
      ),
    );
    return files.filter((_, index) => present[index] === false);
  }

  async synthesize(_text: string, tokens: readonly string[], lang: SpeechLang): Promise<Buffer> {
    if (this.#lang !== undefined && lang !== this.#lang) {
      throw new Error(`The clips in ${this.#folder} are in "${this.#lang}", not "${lang}"`);
    }
    if (tokens.length === 0) throw new TypeError('No clips to play');
    const missing = await this.missingClips(tokens);
    if (missing.length > 0) throw new Error(`Missing clips in ${this.#folder}: ${missing.join(', ')}`);
    const files = tokens.map(clipFile);
    const wavs = await Promise.all(files.map((file) => this.#readClip(file)));
    return encodeWav(concatWavs(wavs, { gapSeconds: this.#gapSeconds, names: files }));
  }

  async #readClip(file: string): Promise<Wav> {
    try {
      return parseWav(await readFile(join(this.#folder, file)));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Clip ${file} in ${this.#folder} is unreadable: ${reason}`, { cause: error });
    }
  }
}
