import {
  SkmReportQuery,
  SkmTicketRef,
  type Role,
  type SkmReportView,
  type SkmTicketView,
} from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Clock } from '../clock.ts';
import { parse, type CommandBus } from '../commands/command-bus.ts';
import type { RecordDispatcher } from '../commands/record-dispatch.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import type { ReportExports } from '../reports/report-exports.ts';
import { HubError } from '../hub-error.ts';
import { skmFileName } from './skm-format.ts';
import { buildSkmReport } from './skm-report.ts';
import { SkmStore } from './skm-store.ts';
import { SkmSurvey, type SurveyChannel } from './skm-survey.ts';
import { bearerToken, requireRole } from '../http/auth-middleware.ts';
import { checkDates, dateWindow } from '../http/date-window.ts';

/** Who reads the IKM: the hall's managers, and the Sekdis and Kepala Dinas the report goes up to. */
export const SKM_READERS: readonly Role[] = [...MANAGERS, 'sekdis', 'kadis'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SkmRouteDeps {
  readonly auth: AuthService;
  readonly db: Db;
  readonly site: SiteConfig;
  readonly engine: QueueEngine;
  readonly clock: Clock;
  readonly bus: CommandBus;
  readonly commands: RecordDispatcher;
  /** Renders PDF and XLSX off the event loop, a few at a time. */
  readonly exports: ReportExports;
}

/**
 * The SKM survey: `GET /survey/tickets/:ref` and `POST /survey/responses` for the citizen (public with the ticket's
 * code, or a kiosk device), and `GET /skm` for the IKM report as JSON, XLSX or PDF.
 */
export function skmRoutes(deps: SkmRouteDeps): Router {
  const { auth, engine, site } = deps;
  const store = new SkmStore(deps.db);
  const survey = new SkmSurvey({
    store,
    site,
    clock: deps.clock,
    today: () => engine.serviceDay,
    nowIso: () => engine.nowIso(),
    bus: deps.bus,
  });
  const router = Router();

  // No token: the public with a ticket code. A token must be a kiosk device's: staff do not answer for citizens.
  const channelOf = (req: Request): SurveyChannel => {
    if (req.headers.authorization === undefined) return { kind: 'public', ip: req.ip ?? 'unknown' };
    const actor = auth.authenticate(bearerToken(req.headers.authorization));
    if (!actor) throw new HubError('UNAUTHENTICATED');
    if (actor.role !== 'kiosk') throw new HubError('FORBIDDEN');
    return { kind: 'kiosk', actor };
  };

  router.get('/survey/tickets/:ref', (req, res: Response<SkmTicketView>) => {
    const channel = channelOf(req);
    res.json(survey.lookUp(channel, parse(SkmTicketRef, req.params.ref)));
  });

  // A kiosk device answers with its token (REST or its socket); without one, the public with the ticket's code.
  deps.commands.serve(router, 'skm:answer', (call) => {
    const channel: SurveyChannel = call.actor
      ? { kind: 'kiosk', actor: call.actor }
      : { kind: 'public', ip: call.address };
    return survey.submit(channel, call.body, call.key);
  });

  router.get('/skm', requireRole(auth, SKM_READERS), async (req, res: Response<SkmReportView | Buffer>) => {
    const query = parse(SkmReportQuery, req.query);
    const today = engine.serviceDay;
    checkDates(dateWindow(site, today), { from: query.from, to: query.to });
    // The month so far by default: the period a gerai's recap usually covers.
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 8)}01`;
    if (from > to) throw new HubError('VALIDATION_FAILED', [{ path: 'from', message: 'from is after to' }]);
    const viewOf = () =>
      buildSkmReport(
        store,
        site,
        { from, to, agencyId: query.agencyId, serviceId: query.serviceId },
        engine.nowIso(),
      );
    const format = query.format ?? 'json';
    if (format === 'json') {
      res.json(viewOf());
      return;
    }
    // Not cached: answers for a ticket arrive up to seven days after its day, so a past period still changes.
    const { view, file } = await deps.exports.exclusive(async (render) => {
      const gathered = viewOf();
      return {
        view: gathered,
        file: await render({ kind: format === 'xlsx' ? 'skm-xlsx' : 'skm-pdf', view: gathered }),
      };
    });
    res.setHeader('Content-Type', format === 'xlsx' ? XLSX : 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${skmFileName(view, format)}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(file);
  });

  return router;
}
