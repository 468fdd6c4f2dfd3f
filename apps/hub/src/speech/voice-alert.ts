import { NO_INDONESIAN_VOICE, type VoiceChoice } from '@giliran/speech';
import type { Logger } from 'pino';

/**
 * What MOD reads about the hub PC's own voice, once, when the first Indonesian call is spoken: the voice in
 * use, or that none is Indonesian (the calls then go to the next engine) and how the technician adds one.
 * Undefined for English, which any system voice reads.
 */
export function voiceAlertMessage(choice: VoiceChoice): string | undefined {
  if (choice.lang !== 'id') return undefined;
  if (choice.indonesian && choice.voice !== null) {
    return `Suara panggilan: ${choice.voice} (suara sistem PC hub, Bahasa Indonesia).`;
  }
  const installed = choice.installed.length > 0 ? choice.installed.join(', ') : 'tidak ada';
  const wanted = choice.platform === 'win32' ? 'Microsoft Andika' : 'Damayanti';
  return (
    `Tidak ada suara Bahasa Indonesia di PC hub (terpasang: ${installed}); panggilan memakai mesin suara ` +
    `cadangan. Pasang suara "${wanted}" (lihat docs/installation.md, bagian suara).`
  );
}

/**
 * The fallback alert for MOD when an engine cannot speak: once while an engine keeps failing for the same reason
 * (a hall announces hundreds of calls a day), again when the reason changes. None for a missing Indonesian voice,
 * which the voice alert has already explained.
 */
export function fallbackAlerts(): {
  failed: (engine: string, reason: string) => string | undefined;
  /** The engine spoke: it has recovered, and its next failure is a new one, told again. */
  spoke: (engine: string) => void;
} {
  const lastReason = new Map<string, string>();
  return {
    failed: (engine, reason) => {
      if (reason.startsWith(NO_INDONESIAN_VOICE) || lastReason.get(engine) === reason) return undefined;
      lastReason.set(engine, reason);
      return `Mesin suara ${engine} tidak tersedia (${reason}); memakai cadangan.`;
    },
    spoke: (engine) => {
      lastReason.delete(engine);
    },
  };
}

export interface HubAlert {
  readonly kind: string;
  readonly message: string;
  readonly at: string;
}

export interface SpeechAlertSink {
  readonly logger: Logger;
  readonly now: () => number;
  /** A failing engine concerns every screen that plays the hub's audio. */
  readonly toAll: (alert: HubAlert) => void;
  /** The hub PC's voice is the staff's business. */
  readonly toStaff: (alert: HubAlert) => void;
}

/** What the hub's announcement audio reports, as log lines and MOD alerts. */
export function speechAlerts(sink: SpeechAlertSink): {
  onFallback: (engine: string, reason: string) => void;
  onSpoken: (engine: string) => void;
  onVoice: (choice: VoiceChoice) => void;
} {
  const fallbackAlert = fallbackAlerts();
  const at = () => new Date(sink.now()).toISOString();
  return {
    onFallback: (engine, reason) => {
      // A missing engine is not an outage: say so in the log and to MOD, and keep announcing with the next one.
      sink.logger.warn({ engine, reason }, 'speech engine unavailable, falling back');
      const message = fallbackAlert.failed(engine, reason);
      if (message !== undefined) sink.toAll({ kind: 'speech-fallback', message, at: at() });
    },
    onSpoken: fallbackAlert.spoke,
    onVoice: (choice) => {
      const message = voiceAlertMessage(choice);
      if (message === undefined) return;
      sink.logger.info({ voice: choice.voice, installed: choice.installed }, 'system voice chosen');
      sink.toStaff({ kind: choice.indonesian ? 'speech-voice' : 'speech-voice-missing', message, at: at() });
    },
  };
}
