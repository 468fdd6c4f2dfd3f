import { addDays } from '@giliran/domain';
import { ReportQuery, type ReportView } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { Clock } from '../clock.ts';
import { READERS } from '../auth/roles.ts';
import { validationError } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { ExportCache } from '../exports/export-cache.ts';
import type { ReportExports } from './report-exports.ts';
import { HubError } from '../hub-error.ts';
import { bookingSection } from './report-booking-facts.ts';
import { bookingSectionView } from './report-booking-view.ts';
import { reportCsv } from './report-csv.ts';
import { letterheadOf } from './report-pdf-letterhead.ts';
import { reportFileName } from './report-format.ts';
import { ReportService } from './report-service.ts';
import { ReportStore } from './report-store.ts';
import { reportView } from './report-view.ts';
import { requireRole } from '../http/auth-middleware.ts';
import { checkDates, dateWindow } from '../http/date-window.ts';

/** A year, leap or not: the longest range one request may ask for. */
export const MAX_REPORT_DAYS = 366;

export interface ReportDeps {
  readonly auth: AuthService;
  readonly engine: QueueEngine;
  readonly site: SiteConfig;
  readonly db: Db;
  /** Renders PDF and XLSX off the event loop, a few at a time. */
  readonly exports: ReportExports;
  readonly clock: Clock;
}

/** How long today's figures gathered for one exported file serve the next ones. */
const LIVE_VIEW_MS = 30_000;

/**
 * Today's report takes the format only. Built once: a zod schema made per request compiles its parser anew each
 * time (about a millisecond on the hub's loop), which sixty staff retrying refused exports turned into stalls.
 */
const TodayQuery = ReportQuery.pick({ format: true, separator: true });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * From and to (site calendar), defaults filled in and the range checked, then both days held to the site's
 * window (date-window.ts): the rules of every report route. A bad range is a 400 with details.
 */
export function reportRange(
  query: { readonly from?: string | undefined; readonly to?: string | undefined },
  today: string,
  site: Pick<SiteConfig, 'openedOn'>,
): { from: string; to: string } {
  const { from, to } = rangeOf(query, today);
  checkDates(dateWindow(site, today), { from, to });
  return { from, to };
}

function rangeOf(
  query: { readonly from?: string | undefined; readonly to?: string | undefined },
  today: string,
): { from: string; to: string } {
  const from = query.from ?? today;
  const to = query.to ?? from;
  if (to < from) throw new HubError('VALIDATION_FAILED', [{ path: 'to', message: 'to is before from' }]);
  if (addDays(from, MAX_REPORT_DAYS - 1) < to)
    throw new HubError('VALIDATION_FAILED', [
      { path: 'to', message: `a range is at most ${MAX_REPORT_DAYS} days` },
    ]);
  return { from, to };
}

const FILE_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE, pdf: 'application/pdf' } as const;

function sendFile(res: Response, name: string, format: keyof typeof FILE_TYPES, body: Buffer | string): void {
  res.status(200).type(FILE_TYPES[format]).attachment(name).send(body);
}

/** `GET /api/reports?from&to&format` and `GET /api/reports/today?format`: for everyone who reads reports. */
export function reportRoutes(deps: ReportDeps): Router {
  const router = Router();
  const store = new ReportStore(deps.db);
  const service = new ReportService(deps.engine, store);
  const closedDays = new ExportCache();
  // Today's figures gathered for a file, shared by the files asked for within a few seconds: sixty staff
  // exporting at once gather them a handful of times on the hub's loop, not sixty.
  const liveViews = new Map<string, { readonly until: number; readonly view: Promise<ReportView> }>();
  const sharedView = (key: string, gather: () => Promise<ReportView>): Promise<ReportView> => {
    const now = deps.clock.now();
    const hit = liveViews.get(key);
    if (hit && hit.until > now) return hit.view;
    const view = gather();
    view.catch(() => liveViews.delete(key)); // a failure is not kept: the next export tries again
    liveViews.clear();
    liveViews.set(key, { until: now + LIVE_VIEW_MS, view });
    return view;
  };

  const answer = (today: boolean) => async (req: Request, res: Response) => {
    const schema = today ? TodayQuery : ReportQuery;
    const parsed = schema.safeParse(req.query);
    if (!parsed.success) throw validationError(parsed.error);
    // Today's report has no range of its own: today, as the defaults give it.
    const query: Pick<ReportQuery, 'format' | 'separator'> & Partial<ReportQuery> = parsed.data;
    const { from, to } = reportRange(query, deps.engine.serviceDay, deps.site);
    const { format } = query;
    const viewOf = async (): Promise<ReportView> => {
      const view = reportView(await service.recap(from, to), deps.site, store.accountNames());
      const bookings = await bookingSection(deps.db, from, to, deps.site.booking !== undefined);
      return bookings ? { ...view, bookings: bookingSectionView(bookings, deps.site.services) } : view;
    };
    if (format === 'json') {
      res.json(await viewOf());
      return;
    }
    const name = reportFileName(deps.site.id, from, to, format);
    if (format === 'csv') {
      sendFile(res, name, format, reportCsv(await viewOf(), parsed.data.separator));
      return;
    }
    // A range that ends before today is closed: its file is the same for every reader who asks.
    const closed = to < deps.engine.serviceDay;
    const key = `${format}:${from}:${to}`;
    const body =
      (closed ? closedDays.peek(key) : undefined) ??
      (await deps.exports.exclusive(async (render) => {
        const file = await render({
          kind: format === 'xlsx' ? 'report-xlsx' : 'report-pdf',
          view: await sharedView(`${from}:${to}`, viewOf),
          letterhead: letterheadOf(deps.site),
        });
        if (closed) closedDays.put(key, file);
        return file;
      }));
    sendFile(res, name, format, body);
  };

  router.get('/reports/today', requireRole(deps.auth, READERS), answer(true));
  router.get('/reports', requireRole(deps.auth, READERS), answer(false));
  return router;
}
