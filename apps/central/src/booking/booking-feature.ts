import type { Express } from 'express';
import type pg from 'pg';
import type { Clock } from '../hub-shared.ts';
import { bookingPage } from './booking-page.ts';
import { startBookingEraser } from './booking-privacy.ts';
import { centralBookingRoutes } from './booking-routes.ts';
import { CentralBookings } from './central-bookings.ts';
import type { BookingSigner } from './hub-booking.ts';

/**
 * Central's online booking: its signing key, its public routes under /api, the /booking page, and the erasure of
 * past bookings' names and numbers. Answers how to stop the erasure's timer.
 */
export function registerCentralBooking(
  app: Express,
  deps: {
    pool: pg.Pool;
    clock: Clock;
    webRoot: string;
    signer: BookingSigner;
    onError: (error: unknown) => void;
  },
): () => void {
  const { signer } = deps;
  const bookings = new CentralBookings(deps.pool, signer, deps.clock);
  app.use('/api', centralBookingRoutes({ bookings, signer, clock: deps.clock }));
  app.use(bookingPage(deps.webRoot));
  return startBookingEraser(deps.pool, deps.clock, deps.onError);
}
