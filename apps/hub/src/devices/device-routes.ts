import { CreatePairingCodeRequest, type PairedDevice, type PairingCodeView } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { DevicePairing } from './device-pairing.ts';
import { ADMINS } from '../auth/roles.ts';
import type { Clock } from '../clock.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { validationError } from '../commands/command-bus.ts';
import { HubError } from '../hub-error.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';

export interface DeviceRouteDeps {
  readonly auth: AuthService;
  readonly pairing: DevicePairing;
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

  router.post(
    '/devices/pairing-codes',
    requireRole(deps.auth, ADMINS),
    (req, res: Response<PairingCodeView>) => {
      const parsed = CreatePairingCodeRequest.safeParse(req.body);
      if (!parsed.success) throw validationError(parsed.error);
      res.status(201).json(deps.pairing.create(actorOf(req), parsed.data));
    },
  );

  router.post('/devices/pair', async (req, res: Response<PairedDevice>) => {
    if (!pairings.tryTake(req.ip ?? 'unknown')) throw new HubError('RATE_LIMITED');
    res.status(201).json(await deps.pairing.pair(req.body));
  });
  return router;
}
