import {
  CentralTicketsQuery,
  LoginRequest,
  SiteCreateRequest,
  SyncBatch,
  type CentralSiteView,
  type CentralTicketView,
  type SiteCreated,
  type SyncAck,
} from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  REGIONAL_ADMINS,
  REGIONAL_READERS,
  type CentralAuth,
  type CentralLogin,
} from '../auth/central-auth.ts';
import { bearerToken, CentralError, parse, type Clock } from '../hub-shared.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { Ingested, SyncService } from '../sync/sync-service.ts';
import type { SiteViews } from '../views/site-views.ts';
import { buildCentralOpenApi } from './central-openapi.ts';
import { SiteId } from './site-id.ts';

export interface CentralRouteDeps {
  readonly auth: CentralAuth;
  readonly sites: SiteRegistry;
  readonly sync: SyncService;
  readonly views: SiteViews;
  readonly clock: Clock;
  /** Central's booking public key (PEM): given at enrolment, for the hub's site file (`central.bookingKey`). */
  readonly bookingKey?: string;
  /** Told after each committed batch that stored events (for the live views). */
  readonly onIngested: (ingested: Ingested) => void;
}

const SiteParam = z.strictObject({
  id: SiteId,
});

/** Sign-in and the region's routes; the sync routes are signed with a site key instead of a session. */
export function centralRoutes(deps: CentralRouteDeps): Router {
  const router = Router();
  const { auth } = deps;

  const openApi = buildCentralOpenApi();
  router.get('/central/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  router.post('/auth/login', async (req, res: Response<CentralLogin>) => {
    res.json(await auth.login(parse(LoginRequest, req.body)));
  });

  router.post('/central/sites', auth.require(REGIONAL_ADMINS), async (req, res: Response<SiteCreated>) => {
    const created = await deps.sites.create(parse(SiteCreateRequest, req.body), auth.actorOf(req).username);
    res.status(201).json(deps.bookingKey ? { ...created, bookingKey: deps.bookingKey } : created);
  });
  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    router.post(`/central/sites/:id/${action}`, auth.require(REGIONAL_ADMINS), async (req, res) => {
      const { id } = parse(SiteParam, req.params);
      await deps.sites.setDisabled(id, disabled);
      res.json({ id, disabled });
    });

  router.get(
    '/central/sites',
    auth.require(REGIONAL_READERS),
    async (_req, res: Response<CentralSiteView[]>) => {
      res.json(await deps.views.list(deps.clock.now()));
    },
  );
  router.get(
    '/central/sites/:id/tickets',
    auth.require(REGIONAL_READERS),
    async (req, res: Response<CentralTicketView[]>) => {
      const { id } = parse(SiteParam, req.params);
      const { date } = parse(CentralTicketsQuery, req.query);
      res.json(await deps.views.tickets(id, date));
    },
  );

  router.get('/central/sync', async (req: Request, res: Response<SyncAck>) => {
    const siteId = await deps.sites.authenticate(bearerToken(req.headers.authorization));
    res.json({ siteId, ackedSeq: await deps.sync.ackedSeq(siteId), stored: 0 });
  });
  router.post('/central/sync', async (req: Request, res: Response<SyncAck>) => {
    // The key first: a caller without one learns nothing about the batch format.
    const site = await deps.sites.authenticateWithHead(bearerToken(req.headers.authorization));
    const batch = parse(SyncBatch, req.body);
    if (batch.siteId !== site.id) throw new CentralError('CENTRAL_SITE_MISMATCH');
    const { ack, ingested } = await deps.sync.ingest(batch, new Date(deps.clock.now()), site.head);
    res.json(ack);
    if (ingested.stored.length > 0) deps.onIngested(ingested);
  });
  return router;
}
