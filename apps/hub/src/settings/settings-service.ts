import {
  AuditQuery,
  type AccountView,
  type AuditEntry,
  type Role,
  type SettingsArea,
  type SettingsChanged,
  type SettingsView,
} from '@giliran/protocol';
import type { Actor } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { validationError } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import { toQueueConfig, type SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { HubError } from '../hub-error.ts';
import type { DeadlineScheduler } from '../scheduler/deadline-scheduler.ts';
import { STAFF_ROOM, type HubSocketServer } from '../socket/socket-server.ts';
import { AccountAdmin } from './account-admin.ts';
import { listAudit, recordAudit } from './audit-log.ts';
import { requireWaitingServicesCovered } from './live-guards.ts';
import { editableAreas, mayEdit } from './permissions.ts';
import {
  canonicalJson,
  SETTINGS,
  type SettingDefinition,
  type SettingKind,
  type SettingScope,
} from './setting-definitions.ts';
import { forgetSetting, saveSetting } from './stored-settings.ts';

export interface SettingsDeps {
  readonly db: Db;
  /** The live site: the site file with the stored changes laid over it (`applyStoredSettings`). */
  readonly site: SiteConfig;
  /** The site as its file says, to tell a change from a return to the file's value. */
  readonly siteFile: SiteConfig;
  readonly engine: QueueEngine;
  readonly auth: AuthService;
  /** The socket server and the scheduler are made after the routes are mounted, hence getters. */
  readonly io: () => HubSocketServer;
  readonly scheduler: () => DeadlineScheduler;
}

/**
 * Applies a change of a setting or an account: authorise → validate → check it against the live queue → commit
 * the value and its audit row in one transaction → apply it to the live site and the engine → re-arm the
 * late-service alarm when deadlines moved → tell the pages (`settings:changed`).
 */
export class SettingsService {
  readonly accounts: AccountAdmin;

  constructor(private readonly deps: SettingsDeps) {
    this.accounts = new AccountAdmin(deps.db, deps.site);
  }

  view(role: Role): SettingsView {
    const { site } = this.deps;
    return {
      runningText: SETTINGS['running-text'].read(site, null),
      lateService: SETTINGS['late-service'].read(site, null),
      sopStandards: SETTINGS['sop-standards'].read(site, null),
      openingHours: site.openingHours,
      services: site.services.map((s) => ({
        id: s.id,
        prefix: s.prefix,
        agencyId: s.agencyId,
        name: s.name,
        sopStandards: s.sopStandards ?? {},
        openingHours: s.openingHours ?? null,
      })),
      counters: site.counters.map((c) => ({ id: c.id, name: c.name, serviceIds: c.serviceIds })),
      editable: editableAreas(role),
    };
  }

  async change(actor: Actor, kind: SettingKind, target: string | null, body: unknown): Promise<SettingsView> {
    const { db, site, siteFile, engine } = this.deps;
    // Seen as untyped: the value below only ever comes from this same definition's own schema.
    const definition: SettingDefinition<unknown> = SETTINGS[kind];
    if (!mayEdit(actor.role, definition.area)) throw new HubError('FORBIDDEN');
    this.requireTarget(definition.scope, target);
    const parsed = definition.body.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    const value = parsed.data;
    const problems = definition.check?.(value, site) ?? [];
    if (problems.length > 0) throw new HubError('VALIDATION_FAILED', problems);

    // Tried on a copy first: a change the live queue cannot take is refused before anything is written.
    const candidate = structuredClone(site);
    definition.write(candidate, target, value);
    if (kind === 'counter-services') requireWaitingServicesCovered(site, candidate, engine.state);
    const before = definition.read(site, target);
    const after = definition.read(candidate, target);
    const at = engine.nowIso();
    const backToFile = canonicalJson(after) === canonicalJson(definition.read(siteFile, target));
    db.transaction(() => {
      if (backToFile) forgetSetting(db, kind, target);
      else saveSetting(db, kind, target, after, actor.id, at);
      recordAudit(db, { at, actor, area: definition.area, target, action: 'update', before, after });
    })();

    definition.write(site, target, value);
    engine.reconfigure(toQueueConfig(site));
    // Raises at once what the new standards or tiers make due now, then sleeps until the next deadline.
    if (definition.movesDeadlines) await this.deps.scheduler().fire();
    if (kind === 'running-text')
      this.deps.io().emit('display:running-text', { text: site.display.runningText });
    this.announce(definition.area, target, at);
    return this.view(actor.role);
  }

  async createAccount(actor: Actor, body: unknown): Promise<AccountView> {
    this.requireAccountsEditor(actor);
    const at = this.deps.engine.nowIso();
    const account = await this.accounts.create(actor, at, body);
    this.announce('accounts', account.username, at);
    return account;
  }

  updateAccount(actor: Actor, username: string, body: unknown): AccountView {
    this.requireAccountsEditor(actor);
    const at = this.deps.engine.nowIso();
    const { account } = this.accounts.update(actor, at, username, body);
    this.closeEndedSockets(account.username);
    this.announce('accounts', account.username, at);
    return account;
  }

  async resetPin(actor: Actor, username: string, body: unknown): Promise<AccountView> {
    this.requireAccountsEditor(actor);
    const at = this.deps.engine.nowIso();
    const { account } = await this.accounts.resetPin(actor, at, username, body);
    this.deps.auth.forgetFailures(account.username);
    this.closeEndedSockets(account.username);
    this.announce('accounts', account.username, at);
    return account;
  }

  audit(query: unknown): AuditEntry[] {
    const parsed = AuditQuery.safeParse(query);
    if (!parsed.success) throw validationError(parsed.error);
    return listAudit(this.deps.db, parsed.data, this.deps.site.timeZone);
  }

  private requireAccountsEditor(actor: Actor): void {
    if (!mayEdit(actor.role, 'accounts')) throw new HubError('FORBIDDEN');
  }

  private requireTarget(scope: SettingScope, target: string | null): void {
    const { site } = this.deps;
    if (scope === 'service' && !site.services.some((s) => s.id === target))
      throw new HubError('SERVICE_NOT_FOUND');
    if (scope === 'counter' && !site.counters.some((c) => c.id === target))
      throw new HubError('COUNTER_NOT_FOUND');
  }

  /** A socket outlives the request that signed it in: one whose session just ended is closed now, not later. */
  private closeEndedSockets(username: string): void {
    for (const socket of this.deps.io().sockets.sockets.values()) {
      const { actor, token } = socket.data;
      if (actor.id === username && !this.deps.auth.authenticate(token)) socket.disconnect(true);
    }
  }

  private announce(area: SettingsArea, target: string | null, at: string): void {
    const change: SettingsChanged = { area, target, at };
    // Accounts are staff matters; hours and counters' services also change what kiosks offer and displays show.
    if (area === 'accounts') this.deps.io().to(STAFF_ROOM).emit('settings:changed', change);
    else this.deps.io().emit('settings:changed', change);
  }
}
