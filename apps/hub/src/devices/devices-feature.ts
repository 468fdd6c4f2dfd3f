import type { HubContext } from '../hub-context.ts';
import { DevicePairing } from './device-pairing.ts';
import { deviceRoutes } from './device-routes.ts';
import { DEVICE_OPERATIONS } from './device-openapi.ts';

/** Pairing kiosks, displays and tablets with a one-time code from admin. */
export function registerDevices(ctx: HubContext): void {
  ctx.openapi.add(DEVICE_OPERATIONS);
  const { db, site, clock, bus, auth } = ctx;
  const pairing = new DevicePairing(db, site, clock, bus, () => {
    auth.forgetDevices();
  });
  ctx.api(deviceRoutes({ auth, pairing, clock, commands: ctx.commands }));
}
