import { CreatePairingCodeRequest } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { DevicePairing } from './device-pairing.ts';
import type { Clock } from '../clock.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { parse } from '../commands/command-bus.ts';
import { signedIn, type RecordDispatcher } from '../commands/record-dispatch.ts';
import { HubError } from '../hub-error.ts';

export interface DeviceRouteDeps {
  readonly auth: AuthService;
  readonly pairing: DevicePairing;
  readonly commands: RecordDispatcher;
  readonly clock: Clock;
}

/**
 * `POST /api/devices/pairing-codes` (admin, from the MOD page) and `POST /api/devices/pair` (the device's page,
 * without a token: the code is its credential). Pairing is limited per address: 32^8 codes and a 15-minute life
 * leave nothing to guess.
 */
export function deviceRoutes(deps: DeviceRouteDeps): Router {
  const router = Router();
  const pairings = new RateLimiter(20, 60_000, deps.clock);

  deps.commands.serve(router, 'device:create-pairing-code', (call) =>
    Promise.resolve(deps.pairing.create(signedIn(call), parse(CreatePairingCodeRequest, call.body))),
  );
  const perAddress = (req: Request, _res: Response, next: (error?: unknown) => void) => {
    next(pairings.tryTake(req.ip ?? 'unknown') ? undefined : new HubError('RATE_LIMITED'));
  };
  deps.commands.serve(router, 'device:pair', (call) => deps.pairing.pair(call.body), perAddress);
  return router;
}
