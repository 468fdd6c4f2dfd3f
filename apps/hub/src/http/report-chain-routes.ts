import type { ReportChainStage } from '@giliran/domain';
import {
  IdempotencyKey,
  ReportChainStepParam,
  ReportChainDate,
  type ReportChainSignResult,
  type ReportChainSigned,
  type ReportChainView,
} from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { AuthService } from '../auth/auth-service.ts';
import { READERS } from '../auth/roles.ts';
import { validationError } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { ReportChainService } from '../report-chain/report-chain-service.ts';
import { actorOf, requireRole } from './auth-middleware.ts';
import { checkDates, dateWindow } from './date-window.ts';

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/**
 * The end-of-day report chain (SOP 9–13). Every reader may look at any past day's chain, officers included
 * (they see whether their gerai's recap arrived); who may sign which step is the domain's rule.
 */
export function reportChainRoutes(deps: {
  auth: AuthService;
  db: Db;
  site: SiteConfig;
  engine: QueueEngine;
  broadcast: (signed: ReportChainSigned) => void;
}): Router {
  const { auth, engine } = deps;
  const today = () => engine.serviceDay;
  const chain = new ReportChainService({
    db: deps.db,
    site: deps.site,
    config: () => engine.config,
    now: () => engine.nowIso(),
    today,
    broadcast: deps.broadcast,
  });
  const router = Router();
  const readers = requireRole(auth, READERS);

  router.get('/report-chain', readers, (req, res: Response<ReportChainView>) => {
    const date = parsed(ReportChainDate.optional(), req.query.date) ?? today();
    checkDates(dateWindow(deps.site, today()), { date });
    res.json(chain.view(date));
  });

  const sign =
    (stageOf: (req: Request) => ReportChainStage) => (req: Request, res: Response<ReportChainSignResult>) => {
      const date = parsed(ReportChainDate, req.params.date);
      checkDates(dateWindow(deps.site, today()), { date });
      const stage = stageOf(req);
      const key = parsed(IdempotencyKey.optional(), req.header('idempotency-key'));
      const result = chain.sign(actorOf(req), date, stage, req.body, key);
      // A replay answers exactly as the first request did, status included.
      res.status(201).json(result);
    };
  router.post(
    '/report-chain/:date/steps/:step',
    readers,
    sign((req) => parsed(ReportChainStepParam, req.params.step) as ReportChainStage),
  );
  router.post(
    '/report-chain/:date/receipt',
    readers,
    sign(() => 'receipt'),
  );
  return router;
}
