import type { HubWarning, LiveSnapshot, PresentOfficer } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS, READERS, STAFF } from '../auth/roles.ts';
import type { CounterPresence } from '../socket/counter-presence.ts';
import type { LiveDeltas } from './live-deltas.ts';
import { requireRole } from '../http/auth-middleware.ts';

/** What the MOD's live screen reads besides the queue itself. */
export function dashboardRoutes(deps: {
  auth: AuthService;
  presence: CounterPresence;
  live: LiveDeltas;
  /** Standing problems of the installation (e.g. no public address for the QR code). */
  warnings: () => HubWarning[];
}): Router {
  const router = Router();
  // The live table at one event id; `live:delta` on the socket carries it on from there.
  router.get('/live', requireRole(deps.auth, MANAGERS), (_req, res: Response<LiveSnapshot>) => {
    res.json(deps.live.snapshot());
  });
  router.get(
    '/counters/presence',
    requireRole(deps.auth, READERS),
    (_req, res: Response<PresentOfficer[]>) => {
      res.json(deps.presence.list());
    },
  );
  router.get('/hub/warnings', requireRole(deps.auth, STAFF), (_req, res: Response<HubWarning[]>) => {
    res.json(deps.warnings());
  });
  return router;
}
