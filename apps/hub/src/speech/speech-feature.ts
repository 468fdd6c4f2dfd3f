import { STAFF_ROOM } from '../socket/socket-server.ts';
import type { HubContext } from '../hub-context.ts';
import { AnnouncementAudio } from './announcement-audio.ts';
import { announcementRoutes } from './announcement-routes.ts';
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
  const audio = new AnnouncementAudio(site, options.dataDir, speech.onFallback, {
    ...(options.speechPlatform !== undefined ? { platform: options.speechPlatform } : {}),
    onVoice: speech.onVoice,
    onSpoken: speech.onSpoken,
  });
  ctx.api(announcementRoutes({ auth: ctx.auth, engine: ctx.engine, store: ctx.store, site, audio }));
  return audio;
}
