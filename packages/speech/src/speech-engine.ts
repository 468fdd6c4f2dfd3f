import type { SpeechLang } from './speech-lang.ts';

/** One way of turning an announcement into sound; the hub tries several in a configured order. */
export interface SpeechEngine {
  readonly name: string;
  /** Cheap check that the engine can run here at all (binary present, platform supported, clips on disk). */
  isAvailable(): Promise<boolean>;
  /**
   * A WAV of the announcement. Voices read `text`; the clip engine plays `tokens`; both are given so
   * any engine can stand in for another.
   */
  synthesize(text: string, tokens: readonly string[], lang: SpeechLang): Promise<Buffer>;
}
