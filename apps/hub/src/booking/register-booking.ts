import type { Express } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { bookingRoutes } from './booking-routes.ts';
import { BookingService } from './booking-service.ts';
import { BookingStore } from './booking-store.ts';
import { BookingSigner } from './booking-token.ts';

/** How often open bookings whose check-in closed are marked no-show. */
const SWEEP_MS = 60_000;

export interface BookingContext {
  readonly app: Express;
  readonly auth: AuthService;
  readonly bus: CommandBus;
  readonly engine: QueueEngine;
  readonly site: SiteConfig;
  readonly db: Db;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly holidays: () => { has(date: string): boolean };
  readonly onError: (error: unknown) => void;
}

/** Online booking: its routes under /api, its signing key, and the no-show sweep. Returns the stop. */
export function registerBooking(ctx: BookingContext): { readonly service: BookingService; stop(): void } {
  const signer = BookingSigner.fromDataDir(ctx.dataDir, ctx.site.booking?.trustedKeys ?? []);
  const service = new BookingService({
    site: ctx.site,
    engine: ctx.engine,
    bus: ctx.bus,
    store: new BookingStore(ctx.db),
    signer,
    holidays: ctx.holidays,
  });
  ctx.app.use('/api', bookingRoutes({ auth: ctx.auth, bookings: service, clock: ctx.clock }));
  const sweep = () => {
    try {
      service.sweep();
    } catch (error) {
      ctx.onError(error);
    }
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  return {
    service,
    stop: () => {
      clearInterval(timer);
    },
  };
}
