import type { Role } from '@giliran/protocol';
import { SpeechError } from '@giliran/speech';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AuthService } from '../auth/auth-service.ts';
import { STAFF_AND_DISPLAY } from '../auth/roles.ts';
import { validationError } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';
import type { AnnouncementAudio, SpokenCall } from './announcement-audio.ts';
import { requireRole } from '../http/auth-middleware.ts';
import { findTicket } from '../queue/ticket-lookup.ts';

export interface AnnouncementDeps {
  readonly auth: AuthService;
  readonly engine: QueueEngine;
  readonly store: QueueStore;
  readonly site: SiteConfig;
  readonly audio: AnnouncementAudio;
}

const LISTENERS: readonly Role[] = STAFF_AND_DISPLAY;
const Query = z.object({
  counter: z.string().max(64).optional(),
  lang: z.enum(['id', 'en']).default('id'),
});

export function announcementRoutes(deps: AnnouncementDeps): Router {
  const router = Router();
  const listeners = requireRole(deps.auth, LISTENERS);

  router.get('/announcements/chime.wav', listeners, (_req, res) => {
    res.type('audio/wav').setHeader('Cache-Control', 'max-age=86400').send(deps.audio.chimeWav());
  });

  /** The call to speak: its ticket number, the counter it goes to (a recall names it too), and the language. */
  const callOf = (req: Request): SpokenCall => {
    const query = Query.safeParse(req.query);
    if (!query.success) throw validationError(query.error);
    const ticket = findTicket(deps.engine, deps.store, String(req.params.id));
    if (!ticket) throw new HubError('TICKET_NOT_FOUND');
    const counterId = query.data.counter ?? ticket.counterId;
    const counter = deps.site.counters.find((c) => c.id === counterId);
    if (!counter) throw new HubError('COUNTER_NOT_FOUND');
    const lang = query.data.lang === 'en' && deps.site.display.announcement.english ? 'en' : 'id';
    return { number: ticket.number, counterName: counter.name, lang };
  };

  router.get('/tickets/:id/announcement.wav', listeners, async (req, res) => {
    const call = callOf(req);
    try {
      const wav = await deps.audio.render(call);
      res.type('audio/wav').setHeader('Cache-Control', 'no-store').send(wav);
    } catch (error) {
      if (error instanceof SpeechError) {
        throw new HubError(
          'SPEECH_UNAVAILABLE',
          error.failures.map((f) => ({ path: f.engine, message: f.reason })),
        );
      }
      throw error;
    }
  });

  // For an Electron display that speaks with the PC's own voice: the words, not the sound.
  router.get('/tickets/:id/announcement.json', listeners, (req, res) => {
    const call = callOf(req);
    res.json({ text: deps.audio.text(call), lang: call.lang });
  });
  return router;
}
