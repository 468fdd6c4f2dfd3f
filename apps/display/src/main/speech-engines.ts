// Relative until `npm install` links the workspace package; then this is `@giliran/speech`.
import { ClipEngine, EspeakEngine, SayEngine, speakWithFallback, type SpeechEngine } from '@giliran/speech';
import type { SpeechEngineName, SpeechSettings } from './display-config.ts';
import type { Synthesize } from './display-bridge.ts';

/** The engines in the configured order; `clips` needs its folder and is left out (with a warning) without one. */
export function speechEngines(settings: SpeechSettings): SpeechEngine[] {
  const make = (name: SpeechEngineName): SpeechEngine | undefined => {
    switch (name) {
      case 'say':
        // The technician reads in the shell's log which voice speaks Indonesian, or that none does.
        return new SayEngine({
          onVoice: (choice) => {
            console.info(
              `[display] system voice for ${choice.lang}: ${choice.voice ?? 'none'} (installed: ${choice.installed.join(', ')})`,
            );
          },
        });
      case 'espeak':
        return new EspeakEngine();
      case 'clips':
        if (settings.clipsFolder === undefined) {
          console.warn('[display] speech engine "clips" has no clipsFolder; skipping it');
          return undefined;
        }
        return new ClipEngine(settings.clipsFolder);
    }
  };
  return settings.engines.flatMap((name) => make(name) ?? []);
}

/**
 * The bridge's `Synthesize` on this PC's engines. The page sends text, not the call itself, so there are no
 * clip tokens to give: the `clips` engine fails over to the next one (it speaks calls the hub announces).
 */
export function createSynthesize(settings: SpeechSettings): Synthesize {
  const engines = speechEngines(settings);
  // A TV speaks all day: an engine that is missing here is said once, not before every call.
  const lastReason = new Map<string, string>();
  const onFallback = (engine: string, reason: string): void => {
    if (lastReason.get(engine) === reason) return;
    lastReason.set(engine, reason);
    console.warn(`[display] speech engine ${engine} skipped: ${reason}`);
  };
  return async (text, lang) => (await speakWithFallback(engines, text, [], lang, onFallback)).wav;
}
