import type { PresentOfficer } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { READERS } from '../auth/roles.ts';
import type { CounterPresence } from '../socket/counter-presence.ts';
import { requireRole } from './auth-middleware.ts';

/** What the MOD's live screen reads besides the queue itself. */
export function dashboardRoutes(deps: { auth: AuthService; presence: CounterPresence }): Router {
  const router = Router();
  router.get(
    '/counters/presence',
    requireRole(deps.auth, READERS),
    (_req, res: Response<PresentOfficer[]>) => {
      res.json(deps.presence.list());
    },
  );
  return router;
}
