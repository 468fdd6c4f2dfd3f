import { decideCancelBooking, type BookingMade, type BookingMoved } from '@giliran/domain';
import type { FeedKinds } from '../central/feed-kinds.ts';
import type { BookingStore } from './booking-store.ts';

/**
 * Bookings central took, moved or cancelled for this site, applied from the site feed. Central holds the quota when
 * it exists, so the hall records them as they are; a booking the hall already knows (checked in offline from its
 * signed QR before the feed brought it) is not recorded twice.
 */
export function handleBookingFeed(kinds: FeedKinds, store: BookingStore): void {
  kinds.handle('booking:made', {
    decide: (p, ctx) => {
      if (store.row(p.code)) return { events: [] };
      const made: BookingMade = { type: 'booking:made', at: ctx.now, by: 'central', origin: 'central', ...p };
      return { events: [made] };
    },
  });
  kinds.handle('booking:moved', {
    decide: (p, ctx) => {
      const before = store.record(p.code);
      // Refused like any rule: the feed logs central:feed-refused and goes on.
      if (!before || before.status !== 'booked')
        return { events: [decideCancelBooking(before, ctx.now, 'central')] };
      const moved: BookingMoved = {
        type: 'booking:moved',
        at: ctx.now,
        by: 'central',
        name: before.name,
        phone: before.phone,
        locale: before.locale,
        ...p,
        from: {
          serviceId: before.serviceId,
          date: before.date,
          sessionId: before.sessionId,
          start: before.start,
          end: before.end,
        },
      };
      return { events: [moved] };
    },
  });
  kinds.handle('booking:cancelled', {
    decide: (p, ctx) => ({ events: [decideCancelBooking(store.record(p.code), ctx.now, 'central')] }),
  });
}
