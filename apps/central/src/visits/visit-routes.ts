import { CentralVisitInput, type CentralVisitView } from '@giliran/protocol';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { REGIONAL_ADMINS, REGIONAL_READERS, type CentralAuth } from '../auth/central-auth.ts';
import { parse, type Clock } from '../hub-shared.ts';
import type { CentralVisits } from './central-visits.ts';
import { SiteId } from '../http/site-id.ts';

const SiteParam = z.strictObject({
  id: SiteId,
});

/**
 * A mobile unit's schedule at central (issue 17): `POST /api/central/sites/:id/visits` (regional admin) plans a
 * visit and sends it down the unit's feed; `GET` (regional accounts) lists what central scheduled and how far each
 * visit has got at the unit.
 */
export function visitRoutes(deps: { auth: CentralAuth; visits: CentralVisits; clock: Clock }): Router {
  const router = Router();
  router.post(
    '/central/sites/:id/visits',
    deps.auth.require(REGIONAL_ADMINS),
    async (req, res: Response<CentralVisitView>) => {
      const { id } = parse(SiteParam, req.params);
      const input = parse(CentralVisitInput, req.body);
      const by = deps.auth.actorOf(req).username;
      res.status(201).json(await deps.visits.schedule(id, input, by, new Date(deps.clock.now())));
    },
  );
  router.get(
    '/central/sites/:id/visits',
    deps.auth.require(REGIONAL_READERS),
    async (req, res: Response<CentralVisitView[]>) => {
      const { id } = parse(SiteParam, req.params);
      res.json(await deps.visits.list(id));
    },
  );
  return router;
}
