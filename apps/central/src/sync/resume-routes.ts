import type { SiteEpochView, SiteResumed } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { REGIONAL_ADMINS, REGIONAL_READERS, type CentralAuth } from '../auth/central-auth.ts';
import { CentralError, parse, type Clock } from '../hub-shared.ts';
import { siteEpochs } from './site-epochs.ts';
import { SiteId } from '../http/site-id.ts';

const SiteParam = z.strictObject({
  id: SiteId,
});

/**
 * A hub restored from an older backup is refused (`CENTRAL_HUB_BEHIND`, `CENTRAL_SEQ_CONFLICT`) until a regional
 * admin resumes its site: `POST /api/central/sites/:id/resume`. The site's next batch then finds where the hub's log
 * and central's part and starts a new epoch there; `GET /api/central/sites/:id/epochs` lists them.
 */
export function resumeRoutes(deps: { pool: pg.Pool; auth: CentralAuth; clock: Clock }): Router {
  const router = Router();
  router.post(
    '/central/sites/:id/resume',
    deps.auth.require(REGIONAL_ADMINS),
    async (req, res: Response<SiteResumed>) => {
      const { id } = parse(SiteParam, req.params);
      const at = new Date(deps.clock.now()).toISOString();
      const { rowCount } = await deps.pool.query(
        'UPDATE sites SET resume_requested_at = $2, resume_requested_by = $3 WHERE id = $1',
        [id, at, deps.auth.actorOf(req).username],
      );
      if (rowCount === 0) throw new CentralError('CENTRAL_SITE_NOT_FOUND');
      res.json({ id, resumeRequestedAt: at });
    },
  );
  router.get(
    '/central/sites/:id/epochs',
    deps.auth.require(REGIONAL_READERS),
    async (req, res: Response<SiteEpochView[]>) => {
      const { id } = parse(SiteParam, req.params);
      res.json(await siteEpochs(deps.pool, id));
    },
  );
  return router;
}
