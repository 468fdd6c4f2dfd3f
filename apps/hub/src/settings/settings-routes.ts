import type { AccountView, AuditEntry, SettingsView } from '@giliran/protocol';
import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { SettingKind } from './setting-definitions.ts';
import type { SettingsService } from './settings-service.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import { signedIn, type RecordDispatcher } from '../commands/record-dispatch.ts';
import { checkDates, type DateWindow } from '../http/date-window.ts';

export interface SettingsRouteDeps {
  readonly auth: AuthService;
  readonly settings: SettingsService;
  readonly commands: RecordDispatcher;
  /** The sane window of dates (site opening to a year ahead); unchecked when left out. */
  readonly dates?: () => DateWindow;
}

/** Each setting's command (its PUT path and socket event in RECORD_COMMANDS); `id` names the service or counter. */
const SETTING_COMMANDS = [
  'setting:running-text',
  'setting:late-service',
  'setting:sop-standards',
  'setting:service-standards',
  'setting:counter-services',
  'setting:opening-hours',
  'setting:service-hours',
  'setting:message-templates',
  'setting:message-options',
  'setting:booking-capacity',
  'setting:booking-options',
] as const satisfies readonly `setting:${SettingKind}`[];

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
  for (const name of SETTING_COMMANDS) {
    const kind = name.slice('setting:'.length) as SettingKind;
    deps.commands.serve(router, name, (call) => {
      const target = 'id' in call.params ? call.params.id : null;
      return settings.change(signedIn(call), kind, target, call.body);
    });
  }

  router.get('/accounts', managers, (_req, res: Response<AccountView[]>) => {
    res.json(settings.accounts.list());
  });
  deps.commands.serve(router, 'account:create', (call) => settings.createAccount(signedIn(call), call.body));
  deps.commands.serve(router, 'account:update', (call) =>
    settings.updateAccount(signedIn(call), call.params.username, call.body),
  );
  deps.commands.serve(router, 'account:reset-pin', (call) =>
    settings.resetPin(signedIn(call), call.params.username, call.body),
  );

  router.get('/audit', managers, (req, res: Response<AuditEntry[]>) => {
    if (deps.dates) checkDates(deps.dates(), { from: req.query.from, to: req.query.to });
    res.json(settings.audit(req.query));
  });
  return router;
}
