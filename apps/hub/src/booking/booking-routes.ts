import { IdempotencyKey } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import { PUBLIC } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Clock } from '../clock.ts';
import { parse, publicCaller } from '../commands/command-bus.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { HubError } from '../hub-error.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import type { BookingService } from './booking-service.ts';

/** A hall's Wi-Fi puts many phones behind one address: enough for a queue of citizens, not for a script. */
export const BOOKINGS_PER_ADDRESS_10_MIN = 60;
const READS_PER_ADDRESS_MIN = 120;

function keyOf(req: Request): string | undefined {
  return parse(IdempotencyKey.optional(), req.header('idempotency-key'));
}

/** The public booking routes (README, "Online booking") and the check-in at the kiosk and the FO desk. */
export function bookingRoutes(deps: { auth: AuthService; bookings: BookingService; clock: Clock }): Router {
  const { bookings } = deps;
  const router = Router();
  const writes = new RateLimiter(BOOKINGS_PER_ADDRESS_10_MIN, 10 * 60_000, deps.clock);
  const reads = new RateLimiter(READS_PER_ADDRESS_MIN, 60_000, deps.clock);
  const limit = (limiter: RateLimiter) => (req: Request, _res: Response, next: (error?: unknown) => void) => {
    next(limiter.tryTake(req.ip ?? 'unknown') ? undefined : new HubError('RATE_LIMITED'));
  };
  const checkIn = requireRole(deps.auth, ['kiosk', 'fo', ...MANAGERS]);
  const code = (req: Request) => String(req.params.code);

  router.get('/booking/options', limit(reads), (_req, res) => {
    res.json(bookings.options());
  });
  router.get('/booking/slots', limit(reads), (req, res) => {
    res.json(bookings.slots(req.query));
  });
  router.post('/bookings', limit(writes), async (req, res) => {
    res.status(201).json(await bookings.make(req.body, keyOf(req), publicCaller(req.ip), PUBLIC));
  });
  router.get('/bookings/:code', limit(reads), (req, res) => {
    res.json(bookings.view(code(req).toUpperCase()));
  });
  router.delete('/bookings/:code', limit(writes), async (req, res) => {
    res.json(await bookings.cancel(code(req).toUpperCase(), keyOf(req), publicCaller(req.ip), PUBLIC));
  });
  router.post('/bookings/:code/move', limit(writes), async (req, res) => {
    res.json(
      await bookings.move(code(req).toUpperCase(), req.body, keyOf(req), publicCaller(req.ip), PUBLIC),
    );
  });
  router.post('/bookings/:code/check-in', checkIn, async (req, res) => {
    res.status(201).json(await bookings.checkIn(actorOf(req), code(req), req.body, keyOf(req)));
  });
  return router;
}
