import { FeedPage, FeedProbeRequest, FeedQuery, type FeedItem } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { REGIONAL_ADMINS, type CentralAuth } from '../auth/central-auth.ts';
import { inTransaction } from '../db/transaction.ts';
import { bearerToken, CentralError, parse, type Clock } from '../hub-shared.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { enqueueFeedItem, type SiteFeed } from './site-feed.ts';
import { SiteId } from '../http/site-id.ts';

export interface FeedRouteDeps {
  readonly pool: pg.Pool;
  readonly auth: CentralAuth;
  readonly sites: SiteRegistry;
  readonly feed: SiteFeed;
  readonly clock: Clock;
}

const SiteParam = z.strictObject({
  id: SiteId,
});

/**
 * `GET /api/central/feed` (site key): a hub pulls what central decided for it. `POST /api/central/sites/:id/feed/probe`
 * (regional admin): a probe down the feed, which the hub logs and pushes back up; it proves the link both ways.
 */
export function feedRoutes(deps: FeedRouteDeps): Router {
  const router = Router();

  router.get('/central/feed', async (req: Request, res: Response<FeedPage>) => {
    // The key first: a caller without one learns nothing about the query's format.
    const siteId = await deps.sites.authenticate(bearerToken(req.headers.authorization));
    const { after, limit } = parse(FeedQuery, req.query);
    res.json(await deps.feed.page(siteId, after, limit, new Date(deps.clock.now())));
  });

  router.post(
    '/central/sites/:id/feed/probe',
    deps.auth.require(REGIONAL_ADMINS),
    async (req, res: Response<FeedItem>) => {
      const { id } = parse(SiteParam, req.params);
      const probe = parse(FeedProbeRequest, req.body);
      const item = await inTransaction(deps.pool, async (client) => {
        const site = await client.query('SELECT 1 FROM sites WHERE id = $1', [id]);
        if (site.rowCount === 0) throw new CentralError('CENTRAL_SITE_NOT_FOUND');
        return enqueueFeedItem(client, id, 'feed:probe', probe, { now: new Date(deps.clock.now()) });
      });
      res.status(201).json(item);
    },
  );
  return router;
}
