import { Router } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { RUNNING_TEXT, type SettingsStore } from '../db/settings-store.ts';
import type { SettingsService } from './settings-service.ts';
import { signedIn, type RecordDispatcher } from '../commands/record-dispatch.ts';

export interface DisplayDeps {
  readonly auth: AuthService;
  readonly settings: SettingsService;
  readonly commands: RecordDispatcher;
}

export function runningTextOf(settings: SettingsStore, site: SiteConfig): string {
  return settings.get(RUNNING_TEXT) ?? site.display.runningText;
}

export function displayRoutes(deps: DisplayDeps): Router {
  const router = Router();
  // The same audited change as PUT /api/settings/running-text, kept at the address displays' tools know.
  deps.commands.serve(router, 'display:set-running-text', async (call) => {
    const settings = await deps.settings.change(signedIn(call), 'running-text', null, call.body);
    return { text: settings.runningText };
  });
  return router;
}
