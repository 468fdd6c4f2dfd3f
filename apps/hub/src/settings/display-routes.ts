import { Router } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { RUNNING_TEXT, type SettingsStore } from '../db/settings-store.ts';
import type { SettingsService } from './settings-service.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';

export interface DisplayDeps {
  readonly auth: AuthService;
  readonly settings: SettingsService;
}

export function runningTextOf(settings: SettingsStore, site: SiteConfig): string {
  return settings.get(RUNNING_TEXT) ?? site.display.runningText;
}

export function displayRoutes(deps: DisplayDeps): Router {
  const router = Router();
  // The same audited change as PUT /api/settings/running-text, kept at the address displays' tools know.
  router.put('/display/running-text', requireRole(deps.auth, MANAGERS), async (req, res) => {
    const settings = await deps.settings.change(actorOf(req), 'running-text', null, req.body);
    res.json({ text: settings.runningText });
  });
  return router;
}
