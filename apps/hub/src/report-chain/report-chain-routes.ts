import type { ReportChainStage } from '@giliran/domain';
import { ReportChainDate, type ReportChainView } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { READERS } from '../auth/roles.ts';
import { parse } from '../commands/command-bus.ts';
import { signedIn, type RecordCall, type RecordDispatcher } from '../commands/record-dispatch.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { ReportChainService } from './report-chain-service.ts';
import { requireRole } from '../http/auth-middleware.ts';
import { checkDates, dateWindow } from '../http/date-window.ts';

/**
 * The end-of-day report chain (SOP 9–13). Every reader may look at any past day's chain, officers included
 * (they see whether their gerai's recap arrived); who may sign which step is the domain's rule.
 */
export function reportChainRoutes(deps: {
  auth: AuthService;
  engine: QueueEngine;
  chain: ReportChainService;
  commands: RecordDispatcher;
  site: SiteConfig;
}): Router {
  const { auth, engine, chain, commands } = deps;
  const today = () => engine.serviceDay;
  const router = Router();
  const readers = requireRole(auth, READERS);

  router.get('/report-chain', readers, (req, res: Response<ReportChainView>) => {
    const date = parse(ReportChainDate.optional(), req.query.date) ?? today();
    checkDates(dateWindow(deps.site, today()), { date });
    res.json(chain.view(date));
  });

  const sign = (
    call: RecordCall<'report-chain:sign-step' | 'report-chain:sign-receipt'>,
    stage: ReportChainStage,
  ) => {
    checkDates(dateWindow(deps.site, today()), { date: call.params.date });
    // A replay answers exactly as the first request did, status included.
    return chain.sign(signedIn(call), call.params.date, stage, call.body, call.key);
  };
  commands.serve(router, 'report-chain:sign-step', (call) =>
    sign(call, call.params.step as ReportChainStage),
  );
  commands.serve(router, 'report-chain:sign-receipt', (call) => sign(call, 'receipt'));
  return router;
}
