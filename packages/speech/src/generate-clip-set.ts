import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeechLang } from './speech-lang.ts';
import { CLIP_TOKENS, clipText } from './clip-tokens.ts';
import { EspeakEngine } from './espeak-engine.ts';
import type { EspeakOptions } from './espeak-engine.ts';
import { encodeWav, parseWav, trimSilence } from './wav.ts';

export interface GenerateClipsOptions {
  /** espeak-ng settings (binary, speed, voices). */
  readonly espeak?: EspeakOptions;
  /** Clips to make (default: the default clip set); add `name-…` tokens for specially named counters. */
  readonly tokens?: readonly string[];
}

const PARALLEL = 4;

/**
 * Writes `<token>.wav` for every clip with espeak-ng, trimmed of espeak's own silence so joined clips
 * do not drag. A site can later overwrite any file with a human recording.
 */
export async function generateClipSet(
  folder: string,
  lang: SpeechLang,
  options: GenerateClipsOptions = {},
): Promise<string[]> {
  const espeak = new EspeakEngine(options.espeak);
  if (!(await espeak.isAvailable())) {
    throw new Error(`${options.espeak?.binary ?? 'espeak-ng'} is needed to generate clips but does not run`);
  }
  const tokens = [...new Set(options.tokens ?? CLIP_TOKENS)];
  const texts = tokens.map((token) => clipText(token, lang)); // unknown tokens fail before any file is written
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < tokens.length; index = next++) {
      const token = tokens[index];
      const text = texts[index];
      if (token === undefined || text === undefined) continue;
      const wav = trimSilence(parseWav(await espeak.synthesize(text, [token], lang)));
      const file = join(folder, `${token}.wav`);
      await writeFile(file, encodeWav(wav));
      files.push(file);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return files.sort();
}
