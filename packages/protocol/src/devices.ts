import { z } from 'zod';

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -');

/** An admin asks for a one-time pairing code for a kiosk (or a counter-side tablet) or a display. */
export const CreatePairingCodeRequest = z.strictObject({
  /** The device's name in the hub, e.g. `kiosk-2`; pairing again under the same name replaces its token. */
  deviceId: Id,
  role: z.enum(['kiosk', 'display']),
  /** A kiosk-role tablet standing at this counter: its SKM answers are reported apart. */
  counterId: Id.optional(),
});
export type CreatePairingCodeRequest = z.infer<typeof CreatePairingCodeRequest>;

export const PairingCodeView = z.object({
  /** `ABCD-EFGH`: typed once on the device. */
  code: z.string(),
  deviceId: z.string(),
  role: z.enum(['kiosk', 'display']),
  counterId: z.string().nullable(),
  expiresAt: z.string(),
});
export type PairingCodeView = z.infer<typeof PairingCodeView>;

/** The device page sends the code it was given (spaces, dashes and case do not matter). */
export const PairDeviceRequest = z.strictObject({
  code: z.string().trim().min(4).max(20),
});
export type PairDeviceRequest = z.infer<typeof PairDeviceRequest>;

/** What the device keeps in its storage: the token is its credential from now on. */
export const PairedDevice = z.object({
  token: z.string(),
  deviceId: z.string(),
  role: z.enum(['kiosk', 'display']),
});
export type PairedDevice = z.infer<typeof PairedDevice>;
