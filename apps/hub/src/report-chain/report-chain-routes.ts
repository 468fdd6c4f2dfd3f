import type { ReportChainStage } from '@giliran/domain';
import {
  IdempotencyKey,
  ReportChainStepParam,
  ReportChainDate,
  type ReportChainSignResult,
  type ReportChainView,
} from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { READERS } from '../auth/roles.ts';
import { parse } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { ReportChainService } from './report-chain-service.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import { checkDates, dateWindow } from '../http/date-window.ts';

/**
 * The end-of-day report chain (SOP 9–13). Every reader may look at any past day's chain, officers included
 * (they see whether their gerai's recap arrived); who may sign which step is the domain's rule.
 */
export function reportChainRoutes(deps: {
  auth: AuthService;
  engine: QueueEngine;
  chain: ReportChainService;
  site: SiteConfig;
}): Router {
  const { auth, engine, chain } = deps;
  const today = () => engine.serviceDay;
  const router = Router();
  const readers = requireRole(auth, READERS);

  router.get('/report-chain', readers, (req, res: Response<ReportChainView>) => {
    const date = parse(ReportChainDate.optional(), req.query.date) ?? today();
    checkDates(dateWindow(deps.site, today()), { date });
    res.json(chain.view(date));
  });

  const sign =
    (stageOf: (req: Request) => ReportChainStage) =>
    async (req: Request, res: Response<ReportChainSignResult>) => {
      const date = parse(ReportChainDate, req.params.date);
      checkDates(dateWindow(deps.site, today()), { date });
      const stage = stageOf(req);
      const key = parse(IdempotencyKey.optional(), req.header('idempotency-key'));
      const result = await chain.sign(actorOf(req), date, stage, req.body, key);
      // A replay answers exactly as the first request did, status included.
      res.status(201).json(result);
    };
  router.post(
    '/report-chain/:date/steps/:step',
    readers,
    sign((req) => parse(ReportChainStepParam, req.params.step) as ReportChainStage),
  );
  router.post(
    '/report-chain/:date/receipt',
    readers,
    sign(() => 'receipt'),
  );
  return router;
}
