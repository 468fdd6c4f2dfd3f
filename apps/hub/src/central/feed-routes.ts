import type { CentralFeedStatus } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import { requireRole } from '../http/auth-middleware.ts';
import type { CentralFeedPuller } from './feed-puller.ts';

/** `GET /api/central/feed/status`: MOD, the coordinator and admin see how far the hall has taken central's feed. */
export function centralFeedRoutes(deps: { auth: AuthService; feed: CentralFeedPuller }): Router {
  const router = Router();
  router.get(
    '/central/feed/status',
    requireRole(deps.auth, MANAGERS),
    (_req, res: Response<CentralFeedStatus>) => {
      res.json(deps.feed.status());
    },
  );
  return router;
}
