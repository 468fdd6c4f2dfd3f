import { addDays } from '@giliran/domain';
import {
  CentralReportQuery,
  CentralTicketsQuery,
  SiteProfile,
  type CentralCompensationView,
} from '@giliran/protocol';
import { z } from 'zod';
import { Router, type Request, type Response } from 'express';
import { REGIONAL_READERS, type CentralAuth } from '../auth/central-auth.ts';
import { bearerToken, CentralError, parse, type Clock } from '../hub-shared.ts';
import { ExportPool, reportCsv, reportFileName, type ReportFileView } from '../report-engine.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { RegionReports } from './region-report.ts';

/** A year, leap or not: the longest range one request may ask for (as on the hub). */
const MAX_REPORT_DAYS = 366;
const FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export interface RegionRouteDeps {
  readonly auth: CentralAuth;
  readonly sites: SiteRegistry;
  readonly reports: RegionReports;
  readonly exports: ExportPool;
  readonly clock: Clock;
}

function rangeOf(from: string, to: string): void {
  if (to < from) throw new CentralError('VALIDATION_FAILED', [{ path: 'to', message: 'to is before from' }]);
  if (addDays(from, MAX_REPORT_DAYS - 1) < to)
    throw new CentralError('VALIDATION_FAILED', [
      { path: 'to', message: `a range is at most ${MAX_REPORT_DAYS} days` },
    ]);
}

/**
 * `PUT /api/central/profile` (a hub, with its site key) and `GET /api/central/reports` (regional admin and
 * viewer): the region's reports in the hall's formats, printed by the hall's own engine.
 */
export function regionRoutes(deps: RegionRouteDeps): Router {
  const router = Router();

  router.put('/central/profile', async (req: Request, res: Response) => {
    const siteId = await deps.sites.authenticate(bearerToken(req.headers.authorization));
    const profile = parse(SiteProfile, req.body);
    await deps.reports.putProfile(siteId, profile, new Date(deps.clock.now()));
    res.status(204).end();
  });

  router.get('/central/reports', deps.auth.require(REGIONAL_READERS), async (req: Request, res: Response) => {
    const query = parse(CentralReportQuery, req.query);
    const from = query.from ?? (await deps.reports.today());
    const to = query.to ?? from;
    rangeOf(from, to);
    const view: ReportFileView = await deps.reports.report(from, to, query.site);
    if (query.format === 'json') {
      res.json(view);
      return;
    }
    const name = reportFileName(query.site ?? 'wilayah', from, to, query.format);
    const body =
      query.format === 'csv'
        ? reportCsv(view)
        : await deps.exports.exclusive((render) =>
            render({ kind: query.format === 'xlsx' ? 'report-xlsx' : 'report-pdf', view }),
          );
    res.status(200).type(FILE_TYPES[query.format]).attachment(name).send(body);
  });
  router.get(
    '/central/sites/:id/compensations',
    deps.auth.require(REGIONAL_READERS),
    async (req: Request, res: Response<CentralCompensationView[]>) => {
      const { id } = parse(z.strictObject({ id: z.string().min(1).max(64) }), req.params);
      const { date } = parse(CentralTicketsQuery, req.query);
      res.json(await deps.reports.compensations(id, date));
    },
  );
  return router;
}
