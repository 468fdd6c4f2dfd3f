import { Router, type Request, type Response } from 'express';
import { PUBLIC } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import { publicCaller } from '../commands/command-bus.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { HubError } from '../hub-error.ts';
import { bodyOf, signedIn, type RecordDispatcher } from '../commands/record-dispatch.ts';
import type { BookingService } from './booking-service.ts';

/** A hall's Wi-Fi puts many phones behind one address: enough for a queue of citizens, not for a script. */
export const BOOKINGS_PER_ADDRESS_10_MIN = 60;
const READS_PER_ADDRESS_MIN = 120;

/** The public booking routes (README, "Online booking") and the check-in at the kiosk and the FO desk. */
export function bookingRoutes(deps: {
  bookings: BookingService;
  clock: Clock;
  commands: RecordDispatcher;
}): Router {
  const { bookings, commands } = deps;
  const router = Router();
  const writes = new RateLimiter(BOOKINGS_PER_ADDRESS_10_MIN, 10 * 60_000, deps.clock);
  const reads = new RateLimiter(READS_PER_ADDRESS_MIN, 60_000, deps.clock);
  const limit = (limiter: RateLimiter) => (req: Request, _res: Response, next: (error?: unknown) => void) => {
    next(limiter.tryTake(req.ip ?? 'unknown') ? undefined : new HubError('RATE_LIMITED'));
  };
  const code = (req: Request) => String(req.params.code);

  router.get('/booking/options', limit(reads), (_req, res) => {
    res.json(bookings.options());
  });
  router.get('/booking/slots', limit(reads), (req, res) => {
    res.json(bookings.slots(req.query));
  });
  // Commands of the one table (RECORD_COMMANDS): booking, moving and cancelling are the public's (REST only).
  commands.serve(
    router,
    'booking:make',
    (call) => bookings.make(call.body, call.key, publicCaller(call.address), PUBLIC),
    limit(writes),
  );
  router.get('/bookings/:code', limit(reads), (req, res) => {
    res.json(bookings.view(code(req).toUpperCase()));
  });
  commands.serve(
    router,
    'booking:cancel',
    (call) => bookings.cancel(call.params.code.toUpperCase(), call.key, publicCaller(call.address), PUBLIC),
    limit(writes),
  );
  commands.serve(
    router,
    'booking:move',
    (call) =>
      bookings.move(
        call.params.code.toUpperCase(),
        bodyOf(call),
        call.key,
        publicCaller(call.address),
        PUBLIC,
      ),
    limit(writes),
  );
  commands.serve(router, 'booking:check-in', (call) =>
    bookings.checkIn(signedIn(call), call.params.code, call.body, call.key),
  );
  return router;
}
