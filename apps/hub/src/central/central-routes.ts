import type { CentralPushStatus } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import { requireRole } from '../http/auth-middleware.ts';
import type { CentralPusher } from './central-pusher.ts';

/** `GET /api/central/status`: MOD, the coordinator and admin see whether central has the hall's log. */
export function centralStatusRoutes(deps: { auth: AuthService; pusher: CentralPusher }): Router {
  const router = Router();
  router.get(
    '/central/status',
    requireRole(deps.auth, MANAGERS),
    (_req, res: Response<CentralPushStatus>) => {
      res.json(deps.pusher.status());
    },
  );
  return router;
}
