export type { SpeechLang } from './speech-lang.ts';
export {
  digitsToWords,
  englishDigitsToWords,
  englishNumberToWords,
  letterName,
  MAX_SPOKEN_NUMBER,
  numberToWords,
} from './number-words.ts';
export { CLIP_TOKENS, clipText, digitTokens, letterTokens, nameToken, numberTokens } from './clip-tokens.ts';
export { announcementText, announcementTokens } from './announcement.ts';
export type { AnnouncementInput, AnnouncementOptions, NumberStyle } from './announcement.ts';
export type { SpeechEngine } from './speech-engine.ts';
export { DEFAULT_ESPEAK_SPEED, EspeakEngine } from './espeak-engine.ts';
export type { EspeakOptions } from './espeak-engine.ts';
export { runProcess } from './run-process.ts';
export type { ProcessRunner, RunOptions } from './run-process.ts';
export { NO_INDONESIAN_VOICE, NoIndonesianVoiceError, SayEngine } from './say-engine.ts';
export type { SayOptions } from './say-engine.ts';
export {
  chooseVoice,
  isIndonesianVoice,
  parseMacVoices,
  PREFERRED_INDONESIAN_VOICE,
} from './system-voices.ts';
export type { InstalledVoice, VoiceChoice, VoicePlatform } from './system-voices.ts';
export { ClipEngine } from './clip-engine.ts';
export type { ClipEngineOptions } from './clip-engine.ts';
export { speakWithFallback, SpeechError } from './speak-with-fallback.ts';
export type { EngineFailure, FallbackOptions, SpeechResult } from './speak-with-fallback.ts';
export { generateClipSet } from './generate-clip-set.ts';
export type { GenerateClipsOptions } from './generate-clip-set.ts';
export { chimeWav } from './chime.ts';
export {
  activeLoudnessDbfs,
  normalizeLoudness,
  normalizeWavLoudness,
  TARGET_LOUDNESS_DBFS,
} from './loudness.ts';
export {
  concatWavs,
  describeFormat,
  encodeWav,
  parseWav,
  sameFormat,
  silence,
  toPcm16,
  trimSilence,
  wavDuration,
  WavError,
} from './wav.ts';
export type { ConcatOptions, SampleEncoding, TrimOptions, Wav, WavFormat } from './wav.ts';
