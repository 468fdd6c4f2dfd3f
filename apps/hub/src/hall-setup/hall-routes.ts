import type { SettingsView } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import type { HallSetup } from './hall-setup.ts';

/**
 * The hall's agencies, services and counters from the MOD settings page (issue 14). Every route answers managers
 * with the settings view or a refusal; which roles may change the hall is the settings' own rule (`hall`: admin).
 */
export function hallRoutes(hall: HallSetup, auth: AuthService): Router {
  const router = Router();
  const managers = requireRole(auth, MANAGERS);
  const id = (req: Request): string => String(req.params.id);
  type Send = Response<SettingsView>;

  router.post('/settings/agencies', managers, async (req, res: Send) => {
    res.status(201).json(await hall.addAgency(actorOf(req), req.body));
  });
  router.put('/settings/agencies/:id', managers, async (req, res: Send) => {
    res.json(await hall.editAgency(actorOf(req), id(req), req.body));
  });
  router.post('/settings/services', managers, async (req, res: Send) => {
    res.status(201).json(await hall.addService(actorOf(req), req.body));
  });
  router.put('/settings/services/:id', managers, async (req, res: Send) => {
    res.json(await hall.editService(actorOf(req), id(req), req.body));
  });
  router.post('/settings/counters', managers, async (req, res: Send) => {
    res.status(201).json(await hall.addCounter(actorOf(req), req.body));
  });
  // `PUT /settings/counters/:id` sets a counter's services (an older route); its name and retirement are here.
  router.put('/settings/counters/:id/details', managers, async (req, res: Send) => {
    res.json(await hall.editCounter(actorOf(req), id(req), req.body));
  });
  return router;
}
