import { z } from 'zod';

/*
 * The report's online-booking section (issue 18): booked against walk-in tickets, missed bookings, punctuality,
 * per day and service and over the range. Figures as `bookingReport` of @giliran/domain makes them.
 */

const Count = z.number().int().min(0);
const Localized = z.object({ id: z.string(), en: z.string() });

const TicketKindFigures = z.object({
  tickets: Count,
  served: Count,
  /** Tickets called at least once: the mean wait's count. */
  called: Count,
  waitSeconds: Count,
  meanWaitSeconds: z.number().int().nullable(),
});

export const BookingFiguresView = z.object({
  booked: TicketKindFigures,
  walkIn: TicketKindFigures,
  bookings: z.object({
    made: Count,
    cancelled: Count,
    open: Count,
    checkedIn: Count,
    /** Booked and never checked in. */
    missed: Count,
    /** Checked in, then called and absent. */
    calledNoShow: Count,
    /** (missed + calledNoShow) ÷ (checkedIn + missed), 0–1. */
    noShowRate: z.number().min(0).max(1).nullable(),
  }),
  /** Check-in against the session's start: early (over 10 minutes before), on time, late (after the start). */
  punctuality: z.object({ early: Count, onTime: Count, late: Count }),
});
export type BookingFiguresView = z.infer<typeof BookingFiguresView>;

export const ReportBookings = z.object({
  days: z.array(BookingFiguresView.extend({ day: z.string(), serviceId: z.string(), name: Localized })),
  services: z.array(BookingFiguresView.extend({ serviceId: z.string(), name: Localized })),
  total: BookingFiguresView,
});
export type ReportBookings = z.infer<typeof ReportBookings>;
