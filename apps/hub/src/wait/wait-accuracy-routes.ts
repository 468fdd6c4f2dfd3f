import {
  accuracyReport,
  addDays,
  judgeQuotes,
  TOLERANCE_MINUTES,
  TOLERANCE_SHARE,
  type AccuracyRow,
} from '@giliran/domain';
import { WaitAccuracyQuery, type WaitAccuracyView } from '@giliran/protocol';
import { Router } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { READERS } from '../auth/roles.ts';
import { validationError } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { HubError } from '../hub-error.ts';
import { requireRole } from '../http/auth-middleware.ts';
import { MAX_REPORT_DAYS } from '../reports/report-routes.ts';
import { waitAccuracyCsv } from './wait-accuracy-csv.ts';
import { quoteAndCallEvents } from './wait-accuracy-store.ts';

export interface WaitAccuracyDeps {
  readonly auth: AuthService;
  readonly engine: QueueEngine;
  readonly site: SiteConfig;
  readonly db: Db;
}

function rangeOf(query: WaitAccuracyQuery, today: string): { from: string; to: string } {
  const from = query.from ?? today;
  const to = query.to ?? from;
  if (to < from) throw new HubError('VALIDATION_FAILED', [{ path: 'to', message: 'to is before from' }]);
  if (addDays(from, MAX_REPORT_DAYS - 1) < to)
    throw new HubError('VALIDATION_FAILED', [
      { path: 'to', message: `a range is at most ${String(MAX_REPORT_DAYS)} days` },
    ]);
  return { from, to };
}

/** The promised waits of a range judged against the real calls, estimator beside naive, per service and day. */
export function waitAccuracyView(deps: WaitAccuracyDeps, query: WaitAccuracyQuery): WaitAccuracyView {
  const { from, to } = rangeOf(query, deps.engine.serviceDay);
  if (query.serviceId !== undefined && !deps.site.services.some((s) => s.id === query.serviceId))
    throw new HubError('SERVICE_NOT_FOUND');
  // Today's promises and calls decided but not yet committed go to disk first: the figures are those of now.
  deps.engine.flush();
  const channel = query.channel === 'all' ? null : query.channel;
  const judged = judgeQuotes(quoteAndCallEvents(deps.db, from, to), deps.site.timeZone, channel).filter(
    (q) => query.serviceId === undefined || q.serviceId === query.serviceId,
  );
  const report = accuracyReport(judged);
  const names = new Map(deps.site.services.map((s) => [s.id, s.name]));
  const named = (row: AccuracyRow) => ({
    ...row,
    serviceName: row.serviceId === null ? null : (names.get(row.serviceId) ?? null),
  });
  return {
    from,
    to,
    serviceId: query.serviceId ?? null,
    channel: query.channel,
    toleranceMinutes: TOLERANCE_MINUTES,
    toleranceShare: TOLERANCE_SHARE,
    generatedAt: deps.engine.nowIso(),
    rows: report.rows.map(named),
    services: report.services.map(named),
    total: named({ ...report.total, serviceId: query.serviceId ?? null }),
  };
}

/** `GET /api/reports/wait-accuracy?from&to&serviceId&channel&format=json|csv`: for everyone who reads reports. */
export function waitAccuracyRoutes(deps: WaitAccuracyDeps): Router {
  const router = Router();
  router.get('/reports/wait-accuracy', requireRole(deps.auth, READERS), (req, res) => {
    const parsed = WaitAccuracyQuery.safeParse(req.query);
    if (!parsed.success) throw validationError(parsed.error);
    const view = waitAccuracyView(deps, parsed.data);
    if (parsed.data.format === 'json') {
      res.json(view);
      return;
    }
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`ketepatan-perkiraan-${deps.site.id}-${view.from}_${view.to}.csv`)
      .send(waitAccuracyCsv(view));
  });
  return router;
}
