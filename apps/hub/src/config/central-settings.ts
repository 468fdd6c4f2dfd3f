import { z } from 'zod';

/**
 * The site file's `central` block: where the region's central server is and who this hub is there. The key may
 * instead come from the environment (GILIRAN_CENTRAL_KEY), so the site file can be shared without the secret.
 */
export const CentralSettings = z
  .object({
    url: z.url(),
    siteId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9-]*$/),
    key: z.string().min(16).max(256).optional(),
    /**
     * Central's booking public key (PEM), as its enrolment answer gives it (`bookingKey`): the hub checks the QR of
     * a booking central took with it, with no network. Without it, central's QR codes are refused as unknown.
     */
    bookingKey: z.string().min(1).max(2000).optional(),
    /** The address citizens' phones reach central at (its `/booking` page), when it is not `url`. */
    publicUrl: z.url().optional(),
  })
  .optional();
export type CentralSettings = z.infer<typeof CentralSettings>;

/** Where a citizen books, moves and looks up this site's bookings at central: its page with the site chosen. */
export function centralBookingSite(central: NonNullable<CentralSettings>): { url: string; siteId: string } {
  return { url: (central.publicUrl ?? central.url).replace(/\/$/, ''), siteId: central.siteId };
}

export const CENTRAL_KEY_ENV = 'GILIRAN_CENTRAL_KEY';
