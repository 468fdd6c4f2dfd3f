import type { AccountView, AuditEntry, SettingsView } from '@giliran/protocol';
import { Router, type Request, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { SettingKind } from './setting-definitions.ts';
import type { SettingsService } from './settings-service.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import { checkDates, type DateWindow } from '../http/date-window.ts';

export interface SettingsRouteDeps {
  readonly auth: AuthService;
  readonly settings: SettingsService;
  /** The sane window of dates (site opening to a year ahead); unchecked when left out. */
  readonly dates?: () => DateWindow;
}

/** Each PUT path and the setting it changes; `:id` names the service or counter. */
const SETTING_PATHS: readonly (readonly [string, SettingKind])[] = [
  ['/settings/running-text', 'running-text'],
  ['/settings/late-service', 'late-service'],
  ['/settings/sop-standards', 'sop-standards'],
  ['/settings/sop-standards/:id', 'service-standards'],
  ['/settings/counters/:id', 'counter-services'],
  ['/settings/opening-hours', 'opening-hours'],
  ['/settings/opening-hours/:id', 'service-hours'],
  ['/settings/booking/:id', 'booking-capacity'],
  ['/settings/message-templates', 'message-templates'],
  ['/settings/message-options', 'message-options'],
];

/**
 * The MOD's and admin's settings, accounts and audit trail. Every route is for managers; which area a manager
 * may change is decided per area (settings/permissions.ts), so a MOD reads what only admin may change.
 */
export function settingsRoutes(deps: SettingsRouteDeps): Router {
  const { settings } = deps;
  const router = Router();
  const managers = requireRole(deps.auth, MANAGERS);

  router.get('/settings', managers, (req, res: Response<SettingsView>) => {
    res.json(settings.view(actorOf(req).role));
  });
  for (const [path, kind] of SETTING_PATHS) {
    router.put(path, managers, async (req: Request, res: Response<SettingsView>) => {
      const target = typeof req.params.id === 'string' ? req.params.id : null;
      res.json(await settings.change(actorOf(req), kind, target, req.body));
    });
  }

  router.get('/accounts', managers, (_req, res: Response<AccountView[]>) => {
    res.json(settings.accounts.list());
  });
  router.post('/accounts', managers, async (req, res: Response<AccountView>) => {
    res.status(201).json(await settings.createAccount(actorOf(req), req.body));
  });
  router.put('/accounts/:username', managers, async (req, res: Response<AccountView>) => {
    res.json(await settings.updateAccount(actorOf(req), String(req.params.username), req.body));
  });
  router.post('/accounts/:username/pin', managers, async (req, res: Response<AccountView>) => {
    res.json(await settings.resetPin(actorOf(req), String(req.params.username), req.body));
  });

  router.get('/audit', managers, (req, res: Response<AuditEntry[]>) => {
    if (deps.dates) checkDates(deps.dates(), { from: req.query.from, to: req.query.to });
    res.json(settings.audit(req.query));
  });
  return router;
}
