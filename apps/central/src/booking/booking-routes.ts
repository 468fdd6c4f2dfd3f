import { IdempotencyKey, type BookingKeyView } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import { parse, type Clock } from '../hub-shared.ts';
import type { CentralBookings } from './central-bookings.ts';
import { BOOKINGS_PER_ADDRESS_10_MIN, RateLimiter, type BookingSigner } from './hub-booking.ts';
import { CentralError } from '../hub-shared.ts';
import { SiteId } from '../http/site-id.ts';

const READS_PER_ADDRESS_MIN = 120;

function keyOf(req: Request): string | undefined {
  return parse(IdempotencyKey.optional(), req.header('idempotency-key'));
}

/**
 * Central's public booking routes (README, "Online booking at central"): the hub's own routes under
 * `/api/sites/:site`, the sites that take bookings, and the public key the booking QR codes are signed with.
 */
export function centralBookingRoutes(deps: {
  bookings: CentralBookings;
  signer: BookingSigner;
  clock: Clock;
}): Router {
  const { bookings } = deps;
  const router = Router();
  const writes = new RateLimiter(BOOKINGS_PER_ADDRESS_10_MIN, 10 * 60_000, deps.clock);
  const reads = new RateLimiter(READS_PER_ADDRESS_MIN, 60_000, deps.clock);
  const limit = (limiter: RateLimiter) => (req: Request, _res: Response, next: (error?: unknown) => void) => {
    next(limiter.tryTake(req.ip ?? 'unknown') ? undefined : new CentralError('RATE_LIMITED'));
  };
  const site = (req: Request) => parse(SiteId, req.params.site);
  const code = (req: Request) => parse(SiteId, req.params.code).toUpperCase();

  router.get('/booking/sites', limit(reads), async (_req, res) => {
    res.json(await bookings.sites());
  });
  router.get('/booking/key', (_req, res: Response<BookingKeyView>) => {
    res.json({ keyId: deps.signer.keyId, publicKey: deps.signer.publicKeyPem });
  });
  router.get('/sites/:site/booking/options', limit(reads), async (req, res) => {
    res.json(await bookings.options(site(req)));
  });
  router.get('/sites/:site/booking/slots', limit(reads), async (req, res) => {
    res.json(await bookings.slots(site(req), req.query));
  });
  router.post('/sites/:site/bookings', limit(writes), async (req, res) => {
    res.status(201).json(await bookings.make(site(req), req.body, keyOf(req)));
  });
  router.get('/sites/:site/bookings/:code', limit(reads), async (req, res) => {
    res.json(await bookings.view(site(req), code(req)));
  });
  router.delete('/sites/:site/bookings/:code', limit(writes), async (req, res) => {
    res.json(await bookings.cancel(site(req), code(req)));
  });
  router.post('/sites/:site/bookings/:code/move', limit(writes), async (req, res) => {
    res.json(await bookings.move(site(req), code(req), req.body));
  });
  return router;
}
