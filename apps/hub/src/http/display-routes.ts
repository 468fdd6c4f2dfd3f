import { RunningTextRequest } from '@giliran/protocol';
import { Router } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import { validationError } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { RUNNING_TEXT, type SettingsStore } from '../db/settings-store.ts';
import { actorOf, requireRole } from './auth-middleware.ts';

export interface DisplayDeps {
  readonly auth: AuthService;
  readonly engine: QueueEngine;
  readonly site: SiteConfig;
  readonly settings: SettingsStore;
  readonly broadcastRunningText: (text: string) => void;
}

export function runningTextOf(settings: SettingsStore, site: SiteConfig): string {
  return settings.get(RUNNING_TEXT) ?? site.display.runningText;
}

export function displayRoutes(deps: DisplayDeps): Router {
  const router = Router();
  router.put('/display/running-text', requireRole(deps.auth, MANAGERS), (req, res) => {
    const actor = actorOf(req);
    const parsed = RunningTextRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    deps.settings.set(RUNNING_TEXT, parsed.data.text, actor.id, deps.engine.nowIso());
    res.json({ text: parsed.data.text });
    deps.broadcastRunningText(parsed.data.text);
  });
  return router;
}
