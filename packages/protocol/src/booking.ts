import { z } from 'zod';
import { Priority } from './schemas.ts';

/*
 * Online booking on the wire (README, "Online booking"). The citizen's phone calls the public routes; the kiosk and
 * the FO desk check a booking in.
 */

const Day = z.iso.date();
const SessionId = z.string().regex(/^[\w-]{1,20}$/);

/**
 * An Indonesian mobile number as people type it (0812…, +62 812…, 62-812…), kept as 62… digits: the form WhatsApp
 * addresses it by.
 */
export const WhatsAppNumber = z
  .string()
  .max(24)
  .transform((text) => text.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^(\+?62|0)8\d{7,12}$/, 'nomor WhatsApp Indonesia, mis. 0812…'))
  .transform((digits) => `62${digits.replace(/^(\+?62|0)/, '')}`);

/** A citizen's name: letters and the usual marks, no control or invisible characters. */
const PersonName = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[\p{L}\p{M} .,'-]+$/u, 'nama hanya huruf');

export const BookingRequest = z.strictObject({
  serviceId: z.string().min(1).max(64),
  date: Day,
  sessionId: SessionId,
  name: PersonName,
  phone: WhatsAppNumber,
  locale: z.enum(['id', 'en']).default('id'),
});
export type BookingRequest = z.input<typeof BookingRequest>;

export const BookingMoveRequest = z.strictObject({ date: Day, sessionId: SessionId });

export const CheckInRequest = z.strictObject({ priority: Priority.nullable().default(null) }).default({
  priority: null,
});

export const SlotsQuery = z.object({ serviceId: z.string().min(1).max(64), date: Day });

/** A booking code as printed (8 characters) or the signed token a QR carries. */
export const BookingRef = z.string().min(4).max(1200);

export const SessionView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
  left: z.number().int(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SlotsView = z.object({ sessions: z.array(SessionView) });
export type SlotsView = z.infer<typeof SlotsView>;

export const BookingView = z.object({
  code: z.string(),
  /** The signed token the QR shows; null once the booking is used, cancelled or missed. */
  qr: z.string().nullable(),
  /** The same QR drawn as SVG by the hub, so the phone's page carries no QR library. */
  qrSvg: z.string().nullable(),
  status: z.enum(['booked', 'checked-in', 'cancelled', 'no-show']),
  serviceId: z.string(),
  date: z.string(),
  session: z.object({ id: z.string(), start: z.string(), end: z.string() }),
  checkInFrom: z.string(),
  checkInUntil: z.string(),
  name: z.string(),
  /** Masked: the last three digits only (UU 27/2022). */
  phone: z.string(),
  locale: z.enum(['id', 'en']),
});
export type BookingView = z.infer<typeof BookingView>;

const Localized = z.object({ id: z.string(), en: z.string() });

/** What the public page offers: agencies, their bookable services with what to bring, and the days open. */
export const BookingOptions = z.object({
  site: z.object({ name: z.string(), timeZone: z.string() }),
  /** A hub whose site has a central server: bookings are taken there (`url`/booking?site=`siteId`). */
  central: z.object({ url: z.string(), siteId: z.string() }).optional(),
  agencies: z.array(z.object({ id: z.string(), name: Localized })),
  services: z.array(
    z.object({
      id: z.string(),
      agencyId: z.string(),
      name: Localized,
      requirements: z.array(Localized),
      fee: Localized.nullable(),
      duration: Localized.nullable(),
      dates: z.array(z.string()),
    }),
  ),
});
export type BookingOptions = z.infer<typeof BookingOptions>;
