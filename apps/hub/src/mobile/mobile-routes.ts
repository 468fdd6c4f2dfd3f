import {
  SaneDate,
  VisitRecapQuery,
  VisitReportQuery,
  type PhotoView,
  type VisitDetailView,
  type VisitRecapView,
  type VisitReportView,
  type VisitRequestView,
  type VisitSummaryView,
} from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuthService } from '../auth/auth-service.ts';
import { READERS } from '../auth/roles.ts';
import { parse } from '../commands/command-bus.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import { HubError } from '../hub-error.ts';
import { signedIn, type RecordDispatcher } from '../commands/record-dispatch.ts';
import { CREW, type MobileService } from './mobile-service.ts';
import type { MobileReports } from './mobile-report.ts';
import type { PhotoFiles, PhotoMime } from './photo-files.ts';

const Id = z.string().min(1).max(64);
const VisitListQuery = z.strictObject({ from: SaneDate.optional(), to: SaneDate.optional() });
const Caption = z.string().max(300).optional();

/**
 * Reads an upload to at most `max + 1` bytes: one byte over is enough for the domain to refuse it as too large;
 * the rest is read and dropped so the client hears the answer instead of a reset.
 */
function readLimited(req: Request, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // A JSON body was already read by the JSON reader: it is no image, and the domain says so.
    if (req.readableEnded) {
      resolve(new Uint8Array());
      return;
    }
    const chunks: Buffer[] = [];
    let kept = 0;
    req.on('data', (chunk: Buffer) => {
      if (kept > max) return;
      const room = max + 1 - kept;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      kept += part.length;
    });
    req.once('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    req.once('error', reject);
  });
}

/** The routes the issue names (README, "Mobile service unit"), and the few the pages need beside them. */
export function mobileRoutes(deps: {
  auth: AuthService;
  commands: RecordDispatcher;
  mobile: MobileService;
  reports: MobileReports;
  photos: PhotoFiles;
}): Router {
  const { auth, commands, mobile, reports, photos } = deps;
  const router = Router();
  const readers = requireRole(auth, READERS);
  const crew = requireRole(auth, CREW);

  // The unit's commands are in the one table (RECORD_COMMANDS: REST and Socket.IO); a photo stays a route here.
  commands.serve(router, 'visit-request:receive', (call) =>
    mobile.receiveRequest(signedIn(call), call.body, call.key),
  );
  router.get('/visit-requests', readers, (_req, res: Response<VisitRequestView[]>) => {
    res.json(mobile.store.requests());
  });
  commands.serve(router, 'visit-request:decline', (call) =>
    mobile.declineRequest(signedIn(call), call.params.id, call.body, call.key),
  );

  commands.serve(router, 'visit:schedule', (call) =>
    mobile.scheduleVisit(signedIn(call), call.body, call.key),
  );
  router.get('/visits', readers, (req, res: Response<VisitSummaryView[]>) => {
    const query = parse(VisitListQuery, req.query);
    res.json(mobile.visits(query.from, query.to));
  });
  router.get('/visits/today', readers, (_req, res: Response<VisitSummaryView | null>) => {
    res.json(mobile.today());
  });
  router.get('/visits/recap', readers, async (req, res: Response<VisitRecapView | Buffer>) => {
    const query = parse(VisitRecapQuery, req.query);
    const recap = reports.recap(query.month);
    if (query.format === 'json') {
      res.json(recap);
      return;
    }
    const file = await reports.recapXlsx(recap);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`rekap-layanan-keliling-${query.month}.xlsx`)
      .send(file);
  });
  router.get('/visits/:id', readers, (req, res: Response<VisitDetailView>) => {
    res.json(mobile.detail(parse(Id, req.params.id), actorOf(req)));
  });
  commands.serve(router, 'visit:approve', (call) => mobile.approve(signedIn(call), call.params.id, call.key));
  commands.serve(router, 'visit:milestone', (call) =>
    mobile.milestone(signedIn(call), call.params.id, call.params.milestone, call.body, call.key),
  );
  commands.serve(router, 'visit:register', (call) =>
    mobile.register(signedIn(call), call.params.id, call.body, call.key),
  );
  commands.serve(router, 'visit:permit', (call) =>
    mobile.issuePermit(signedIn(call), call.params.id, call.body, call.key),
  );
  commands.serve(router, 'visit:counselling', (call) =>
    mobile.counselling(signedIn(call), call.params.id, call.body, call.key),
  );
  // The photo is the body itself (image/jpeg, image/png or image/webp); its caption travels in the query.
  router.post('/visits/:id/photos', crew, async (req, res: Response<PhotoView>) => {
    const id = parse(Id, req.params.id);
    const caption = parse(Caption, req.query.caption) ?? null;
    const bytes = await readLimited(req, mobile.photoMaxBytes);
    res.status(201).json(await mobile.attachPhoto(actorOf(req), id, bytes, caption || null));
  });
  router.get('/visits/:id/photos/:photoId', readers, (req, res) => {
    const id = parse(Id, req.params.id);
    const photo = mobile.store.photo(id, parse(Id, req.params.photoId));
    if (!photo) throw new HubError('NOT_FOUND');
    res.type(photo.mime).send(photos.read(id, photo.id, photo.mime as PhotoMime));
  });
  router.get('/visits/:id/report', readers, async (req, res: Response<VisitReportView | Buffer>) => {
    const id = parse(Id, req.params.id);
    const { format } = parse(VisitReportQuery, req.query);
    const report = reports.visit(id);
    if (format === 'json') {
      res.json(report);
      return;
    }
    const file = await reports.render(report, format);
    const name = `laporan-kunjungan-${report.visit.date}.${format}`;
    res
      .type(
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .attachment(name)
      .send(file);
  });
  return router;
}
