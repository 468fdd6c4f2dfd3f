import { NO_INDONESIAN_VOICE, type VoiceChoice } from '@giliran/speech';

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
export function fallbackAlerts(): (engine: string, reason: string) => string | undefined {
  const lastReason = new Map<string, string>();
  return (engine, reason) => {
    if (reason.startsWith(NO_INDONESIAN_VOICE) || lastReason.get(engine) === reason) return undefined;
    lastReason.set(engine, reason);
    return `Mesin suara ${engine} tidak tersedia (${reason}); memakai cadangan.`;
  };
}
