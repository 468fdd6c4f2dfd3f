import { IdempotencyKey, type Role } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuthService } from '../auth/auth-service.ts';
import type { Clock } from '../clock.ts';
import { parse } from '../commands/command-bus.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { bodyOf, signedIn, type RecordDispatcher } from '../commands/record-dispatch.ts';
import { FILERS, type ComplaintService } from './complaint-service.ts';
import { ProofOfWork } from './proof-of-work.ts';
import { HubError } from '../hub-error.ts';
import { requireRole } from '../http/auth-middleware.ts';
import { checkYear, type DateWindow } from '../http/date-window.ts';

/** The Sekdis and Kepala Dinas read the register (it goes into their reports) but do not handle complaints. */
const READERS: readonly Role[] = [...FILERS, 'sekdis', 'kadis'];

/**
 * Per device (the page's own random id, else the address) and per address: a hall's Wi-Fi puts many phones behind
 * one address, so one person's phone is held to a few filings while the address limit only stops a flood.
 * Reading by code is cheap and codes are 10 random characters, so its limit only slows guessing further.
 */
export const PUBLIC_FILINGS_PER_DEVICE_10_MIN = 5;
export const PUBLIC_FILINGS_PER_10_MIN = 60;
const DeviceId = z.string().regex(/^[\w-]{8,64}$/);
const PUBLIC_READS_PER_MIN = 120;

const Year = z.coerce.number().int().min(2000).max(2100).optional();

function keyOf(req: Request): string | undefined {
  return parse(IdempotencyKey.optional(), req.header('idempotency-key'));
}

/** The public form and follow-up page (no sign-in), the staff register and the holiday calendar. */
export function complaintRoutes(deps: {
  auth: AuthService;
  commands: RecordDispatcher;
  complaints: ComplaintService;
  clock: Clock;
  /** Today's service day in the site's zone. */
  today: () => string;
  /** Leading zero bits of the form's proof of work (0: none). */
  proofOfWorkBits?: number;
  /** The sane window of dates (site opening to a year ahead); unchecked when left out. */
  dates?: () => DateWindow;
}): Router {
  const { auth, complaints, commands } = deps;
  const router = Router();
  const filings = new RateLimiter(PUBLIC_FILINGS_PER_10_MIN, 10 * 60_000, deps.clock);
  const deviceFilings = new RateLimiter(PUBLIC_FILINGS_PER_DEVICE_10_MIN, 10 * 60_000, deps.clock);
  const work = new ProofOfWork(deps.proofOfWorkBits ?? 0, deps.clock);
  /** The device's own limit first, so one phone's flood does not use up its neighbours' share of the address. */
  const perDevice = (req: Request, _res: Response, next: (error?: unknown) => void) => {
    const device = DeviceId.safeParse(req.header('x-device-id'));
    const key = device.success ? `device:${device.data}` : `address:${req.ip ?? 'unknown'}`;
    next(deviceFilings.tryTake(key) ? undefined : new HubError('COMPLAINT_RATE_LIMITED'));
  };
  const proofOfWork = (req: Request, _res: Response, next: (error?: unknown) => void) => {
    const problem = work.check(req.header('x-pow-challenge'), req.header('x-pow-nonce'), keyOf(req));
    next(
      problem === null
        ? undefined
        : new HubError('COMPLAINT_PROOF_REQUIRED', [{ path: 'x-pow', message: problem }]),
    );
  };
  const reads = new RateLimiter(PUBLIC_READS_PER_MIN, 60_000, deps.clock);
  const limit = (limiter: RateLimiter) => (req: Request, _res: Response, next: (error?: unknown) => void) => {
    next(limiter.tryTake(req.ip ?? 'unknown') ? undefined : new HubError('COMPLAINT_RATE_LIMITED'));
  };
  const readers = requireRole(auth, READERS);

  router.get('/public/complaints/form', (_req, res) => {
    res.json(complaints.form());
  });
  router.get('/public/complaints/challenge', limit(reads), (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(work.issue());
  });
  commands.serve(
    router,
    'complaint:file-public',
    (call) => complaints.filePublic(call.body, call.key, call.address),
    proofOfWork,
    perDevice,
    limit(filings),
  );
  router.get('/public/complaints/:code', limit(reads), (req, res) => {
    res.json(complaints.publicStatus(String(req.params.code)));
  });

  router.get('/complaints', readers, (req, res) => {
    res.json(complaints.list(req.query));
  });
  commands.serve(router, 'complaint:file', (call) =>
    complaints.fileByStaff(signedIn(call), call.body, call.key),
  );
  // Before `/complaints/:id`, which would take "categories" for an id.
  router.get('/complaints/categories', readers, (_req, res) => {
    res.json(complaints.calendar.categories());
  });
  commands.serve(router, 'complaint:set-categories', (call) =>
    complaints.calendar.setCategories(signedIn(call), call.body),
  );
  router.get('/complaints/:id', readers, (req, res) => {
    res.json(complaints.detail(String(req.params.id)));
  });
  commands.serve(router, 'complaint:change-status', (call) =>
    complaints.changeStatus(signedIn(call), call.params.id, call.body, call.key),
  );
  commands.serve(router, 'complaint:recategorise', (call) =>
    complaints.recategorise(signedIn(call), call.params.id, call.body, call.key),
  );

  router.get('/calendar/holidays', readers, (req, res) => {
    res.json(complaints.calendar.holidays(parse(Year, req.query.year)));
  });
  // This year's and next year's calendar; from 1 October, the reminder when next year's is not confirmed.
  router.get('/calendar/years', readers, (_req, res) => {
    res.json(complaints.calendar.yearsView(deps.today()));
  });
  commands.serve(router, 'calendar:confirm-year', async (call) => {
    const { year } = call.params;
    if (deps.dates) checkYear(deps.dates(), 'year', year);
    return complaints.calendar.confirmYear(signedIn(call), year, deps.today(), call.key);
  });
  commands.serve(router, 'calendar:set-holidays', async (call) => {
    const actor = signedIn(call);
    const body = bodyOf(call);
    if (deps.dates) checkYear(deps.dates(), 'year', body.year);
    return complaints.calendar.setHolidays(actor, body);
  });
  return router;
}
