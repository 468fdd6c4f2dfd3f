import {
  DEFAULT_BOOKING_RULES,
  type BookingRules,
  type OpeningHours,
  type ServiceBooking,
} from '@giliran/domain';
import type { BookingOptionsSetting, BookingSettingsView } from '@giliran/protocol';
import { z } from 'zod';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const Session = z
  .object({ id: z.string().regex(/^[\w-]{1,20}$/), start: Clock, end: Clock })
  .refine((s) => s.start < s.end, { message: 'a session ends after it starts' });
const Minutes = z.number().int().min(0).max(240);

/**
 * The site file's `booking` section (README, "Online booking"). Left out, the hub takes no bookings. Each service
 * that takes bookings has a capacity per session (citizens it serves in one, walk-ins included), set by MOD in the
 * settings; the walk-in share of it is never booked.
 */
export const BookingSettings = z
  .object({
    horizonDays: z.number().int().min(1).max(90).default(DEFAULT_BOOKING_RULES.horizonDays),
    sessions: z
      .array(Session)
      .min(1)
      .max(12)
      .default([...DEFAULT_BOOKING_RULES.sessions]),
    walkInShare: z.number().min(0).max(1).default(DEFAULT_BOOKING_RULES.walkInShare),
    maxOpenPerPhone: z.number().int().min(1).max(20).default(DEFAULT_BOOKING_RULES.maxOpenPerPhone),
    noShowBlock: z
      .object({
        noShows: z.number().int().min(1).max(20),
        withinDays: z.number().int().min(1).max(365),
        blockDays: z.number().int().min(1).max(365),
      })
      .nullable()
      .default(null),
    checkInBeforeMinutes: Minutes.default(DEFAULT_BOOKING_RULES.checkInBeforeMinutes),
    checkInAfterMinutes: Minutes.default(DEFAULT_BOOKING_RULES.checkInAfterMinutes),
    callRule: z
      .discriminatedUnion('kind', [
        z.object({
          kind: z.literal('ratio'),
          booked: z.number().int().min(1).max(20),
          walkIn: z.number().int().min(0).max(20),
        }),
        z.object({ kind: z.literal('booked-first') }),
      ])
      .default({ kind: 'ratio', booked: 1, walkIn: 2 }),
    /** Per service id: citizens served per session. A service not named takes no bookings. */
    capacity: z.record(z.string(), z.number().int().min(0).max(1000)).default({}),
    /** Public keys (PEM) of other servers whose booking QR codes this hub accepts: the region's central server. */
    trustedKeys: z.array(z.string().min(1)).default([]),
  })
  .optional();
export type BookingSettings = NonNullable<z.infer<typeof BookingSettings>>;

/** The MOD's quota setting for one service: its capacity per session (0: no bookings); and the hall's terms. */
export { BookingCapacitySetting, BookingOptionsSetting } from '@giliran/protocol';

interface BookingSite {
  readonly booking?: BookingSettings | undefined;
  readonly openingHours: OpeningHours;
  readonly services: readonly { readonly id: string; readonly openingHours?: OpeningHours | undefined }[];
}

export function bookingRulesOf(site: BookingSite): BookingRules {
  const b = site.booking;
  if (!b) return DEFAULT_BOOKING_RULES;
  return {
    horizonDays: b.horizonDays,
    sessions: b.sessions,
    walkInShare: b.walkInShare,
    maxOpenPerPhone: b.maxOpenPerPhone,
    noShowBlock: b.noShowBlock,
    checkInBeforeMinutes: b.checkInBeforeMinutes,
    checkInAfterMinutes: b.checkInAfterMinutes,
    callRule: b.callRule,
  };
}

/** The service's booking terms, or null when it takes none (no booking section, no capacity, or 0). */
export function serviceBookingOf(site: BookingSite, serviceId: string): ServiceBooking | null {
  const capacity = site.booking?.capacity[serviceId] ?? 0;
  if (capacity <= 0 || !site.services.some((s) => s.id === serviceId)) return null;
  return { serviceId, capacity };
}

export function hoursOf(site: BookingSite, serviceId: string): OpeningHours {
  return site.services.find((s) => s.id === serviceId)?.openingHours ?? site.openingHours;
}

/** The terms MOD sets beside the quotas (`PUT /api/settings/booking-options`), defaults filled in. */
export function bookingOptionsOf(site: BookingSite): BookingOptionsSetting {
  const rules = bookingRulesOf(site);
  return {
    walkInShare: rules.walkInShare,
    maxOpenPerPhone: rules.maxOpenPerPhone,
    noShowBlock: rules.noShowBlock ? { ...rules.noShowBlock } : null,
  };
}

/** Online booking as the settings page shows it: every capacity MOD set, the sessions and the terms. */
export function bookingSettingsView(site: BookingSite): BookingSettingsView {
  return {
    ...bookingOptionsOf(site),
    capacity: { ...(site.booking?.capacity ?? {}) },
    sessions: bookingRulesOf(site).sessions.map((s) => ({ ...s })),
  };
}
