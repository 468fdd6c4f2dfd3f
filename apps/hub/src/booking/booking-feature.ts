import { ComplaintCalendarStore } from '../complaints/complaint-calendar-store.ts';
import type { HubContext } from '../hub-context.ts';
import type { FeedKinds } from '../central/feed-kinds.ts';
import { handleBookingFeed } from './booking-feed.ts';
import { bookingRoutes } from './booking-routes.ts';
import { BookingService } from './booking-service.ts';
import { BookingStore } from './booking-store.ts';
import { BookingSigner } from './booking-token.ts';
import { BOOKING_OPERATIONS } from './booking-openapi.ts';
import { NoShowSweeper } from './no-show-sweeper.ts';

/**
 * Online booking: its routes under /api (public booking, check-in at the kiosk and FO desk), its signing key in
 * the data folder, the no-show sweep (at start and when each check-in window closes), and the bookings central sends
 * in the site feed.
 */
export function registerBooking(ctx: HubContext, feed: FeedKinds): BookingService {
  ctx.openapi.add(BOOKING_OPERATIONS);
  const signer = BookingSigner.fromDataDir(ctx.options.dataDir, [
    ...(ctx.site.booking?.trustedKeys ?? []),
    ...(ctx.site.central?.bookingKey ? [ctx.site.central.bookingKey] : []),
  ]);
  const calendar = new ComplaintCalendarStore(ctx.db);
  const store = new BookingStore(ctx.db);
  handleBookingFeed(feed, store);
  const service = new BookingService({
    site: ctx.site,
    engine: ctx.engine,
    bus: ctx.bus,
    store,
    signer,
    holidays: () => calendar.holidayDates(),
  });
  ctx.api(bookingRoutes({ bookings: service, clock: ctx.clock, commands: ctx.commands }));
  const sweeper = new NoShowSweeper({
    sweep: () => service.sweep(),
    nextClose: (now) => store.nextCheckInClose(now),
    clock: ctx.clock,
    logger: ctx.logger,
  });
  ctx.bus.onCommitted((batch) => {
    sweeper.onCommitted(batch.map((b) => b.event));
  });
  ctx.onStart(() => {
    sweeper.fire();
  });
  ctx.onClose(() => {
    sweeper.stop();
  });
  return service;
}
