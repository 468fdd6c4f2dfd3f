import { z } from 'zod';
import { WEEKDAYS } from './settings.ts';

/*
 * Online booking at the central server (issue 18): central takes the bookings for the sites it knows, from the
 * booking terms each hub sends in its profile (`SiteProfile.booking`), and sends each booking to the site's hub in
 * the site feed. The public routes are the hub's own (`booking.ts`) under `/api/sites/:site`.
 */

const Localized = z.object({ id: z.string().max(2000), en: z.string().max(2000) });
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const Minutes = z.number().int().min(0).max(240);
/**
 * The hours as the hub runs with them, checked loosely: the hub's site file was checked when it loaded, and a
 * stricter rule here would refuse the whole profile and stop the hub's push with it.
 */
const Hours = z.partialRecord(
  z.enum(WEEKDAYS),
  z.array(z.object({ open: z.string().max(5), close: z.string().max(5) })).max(24),
);

/**
 * What central needs to take a site's bookings as its hub would: the site's booking rules, the opening hours, each
 * bookable service's capacity and what the citizen is told about it, and the holidays entered at the hub (the
 * fixed-date national ones central adds itself). A MOD's later quota change reaches central in the synced log
 * (`setting:changed` of kind `booking-capacity`) even before the next profile does.
 */
export const BookingTerms = z.strictObject({
  horizonDays: z.number().int().min(1).max(90),
  sessions: z
    .array(z.strictObject({ id: z.string().regex(/^[\w-]{1,20}$/), start: Clock, end: Clock }))
    .min(1)
    .max(12),
  walkInShare: z.number().min(0).max(1),
  maxOpenPerPhone: z.number().int().min(1).max(20),
  noShowBlock: z
    .strictObject({
      noShows: z.number().int().min(1).max(20),
      withinDays: z.number().int().min(1).max(365),
      blockDays: z.number().int().min(1).max(365),
    })
    .nullable(),
  checkInBeforeMinutes: Minutes,
  checkInAfterMinutes: Minutes,
  openingHours: Hours,
  services: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        capacity: z.number().int().min(0).max(1000),
        openingHours: Hours.nullable(),
        requirements: z.array(Localized).max(200),
        fee: Localized.nullable(),
        duration: Localized.nullable(),
      }),
    )
    .max(2000),
  holidays: z.array(z.iso.date()).max(5000),
});
export type BookingTerms = z.infer<typeof BookingTerms>;

/** `GET /api/booking/sites` at central: the sites that take bookings there, for the page's first step. */
export const BookingSiteView = z.object({ id: z.string(), name: z.string(), region: z.string() });
export type BookingSiteView = z.infer<typeof BookingSiteView>;

/** `GET /api/booking/key` at central: the public key its booking QR codes are signed with (hubs trust it). */
export const BookingKeyView = z.object({ keyId: z.string(), publicKey: z.string() });
export type BookingKeyView = z.infer<typeof BookingKeyView>;

export type CentralBookingErrorCode = 'BOOKING_AT_CENTRAL' | 'BOOKING_SITE_UNKNOWN';

export const CENTRAL_BOOKING_ERRORS: Readonly<
  Record<CentralBookingErrorCode, { readonly status: number; readonly message: { id: string; en: string } }>
> = {
  BOOKING_AT_CENTRAL: {
    status: 409,
    message: {
      id: 'Pemesanan daring untuk lokasi ini dilayani server pusat. Pesan, pindah atau batalkan di alamat pusat.',
      en: 'Online booking for this site is served by the central server. Book, move or cancel at its address.',
    },
  },
  BOOKING_SITE_UNKNOWN: {
    status: 404,
    message: {
      id: 'Lokasi ini belum menerima pemesanan daring.',
      en: 'This site does not take online bookings yet.',
    },
  },
};
