import { STAFF_ROOM } from '../socket/socket-server.ts';
import type { HubContext } from '../hub-context.ts';
import { AnnouncementAudio } from './announcement-audio.ts';
import { announcementRoutes } from './announcement-routes.ts';
import { SpeechProcess } from './speech-process.ts';
import { speechAlerts } from './voice-alert.ts';

/** The calls spoken on the displays: chime and announcement WAVs, and alerts when the voice falls back. */
export function registerSpeech(ctx: HubContext): AnnouncementAudio {
  const { io, clock, logger, site, options } = ctx;
  const speech = speechAlerts({
    logger,
    now: () => clock.now(),
    toAll: (alert) => io.emit('hub:alert', alert),
    toStaff: (alert) => io.to(STAFF_ROOM).emit('hub:alert', alert),
  });
  // espeak-ng is started, and every WAV levelled, in a small process of its own: the hub never forks for a call.
  const host = new SpeechProcess();
  ctx.onClose(() => host.close());
  const audio = new AnnouncementAudio(site, options.dataDir, speech.onFallback, {
    ...(options.speechPlatform !== undefined ? { platform: options.speechPlatform } : {}),
    onVoice: speech.onVoice,
    onSpoken: speech.onSpoken,
    work: host,
  });
  ctx.api(announcementRoutes({ auth: ctx.auth, engine: ctx.engine, store: ctx.store, site, audio }));
  return audio;
}
