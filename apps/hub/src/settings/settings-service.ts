import {
  AuditQuery,
  type AccountView,
  type AuditEntry,
  type Role,
  type SettingsArea,
  type SettingsView,
} from '@giliran/protocol';
import { decideSettingChange, type HubEvent } from '@giliran/domain';
import type { Actor } from '../auth/actor.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { parse } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import { toQueueConfig, type SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { HubError } from '../hub-error.ts';
import type { DeadlineScheduler } from '../compensation/deadline-scheduler.ts';
import { STAFF_ROOM, type HubSocketServer } from '../socket/socket-server.ts';
import { AccountAdmin } from './account-admin.ts';
import { listAudit } from './audit-log.ts';
import { bookingSettingsView } from '../config/booking-settings.ts';
import { hallView } from '../hall-setup/hall-setup.ts';
import { editableAreas, mayEdit } from './permissions.ts';
import {
  canonicalJson,
  SETTINGS,
  type SettingDefinition,
  type SettingKind,
  targetsOf,
  type SettingScope,
} from './setting-definitions.ts';
import { encode } from './stored-settings.ts';

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
  readonly bus: CommandBus;
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
      hall: hallView(site),
      booking: bookingSettingsView(site),
    };
  }

  /**
   * A setting through the bus: who may edit the area, the target, the body, then the decision against a copy of
   * the live site (a change the live queue cannot take is refused before anything is written), then the live site
   * and the engine follow the committed change.
   */
  async change(actor: Actor, kind: SettingKind, target: string | null, body: unknown): Promise<SettingsView> {
    const { site, siteFile, engine } = this.deps;
    // Seen as untyped: the value below only ever comes from this same definition's own schema.
    const definition: SettingDefinition<unknown> = SETTINGS[kind];
    if (!mayEdit(actor.role, definition.area)) throw new HubError('FORBIDDEN');
    const command: RecordCommand<unknown, SettingsView> = {
      name: `setting:${kind}`,
      allowed: (a) => mayEdit(a.role, definition.area),
      schema: definition.body,
      decide: (value, ctx) => {
        const request = { kind, area: definition.area, scope: definition.scope, target, value };
        const hall = { config: engine.config, state: engine.state };
        // Read once the domain has found the target: a change against a copy of the live site.
        const outcome = () => {
          const candidate = structuredClone(site);
          definition.write(candidate, target, value);
          const after = definition.read(candidate, target);
          return {
            before: definition.read(site, target),
            after,
            backToFile:
              this.inFile(definition.scope, target) &&
              canonicalJson(after) === canonicalJson(definition.read(siteFile, target)),
            storedValue: encode(kind, after),
          };
        };
        return { events: [decideSettingChange(request, hall, ctx.by, outcome)], ref: kind };
      },
      applied: async (_events, _ctx, value) => {
        definition.write(site, target, value);
        engine.reconfigure(toQueueConfig(site));
        // Raises at once what the new standards or tiers make due now, then sleeps until the next deadline.
        if (definition.movesDeadlines) await this.deps.scheduler().fire();
      },
      answer: () => this.view(actor.role),
    };
    return this.deps.bus.record(actor, command, body);
  }

  async createAccount(actor: Actor, body: unknown): Promise<AccountView> {
    this.requireAccountsEditor(actor);
    return this.deps.bus.record(actor, this.accounts.createCommand(), body);
  }

  updateAccount(actor: Actor, username: string, body: unknown): Promise<AccountView> {
    this.requireAccountsEditor(actor);
    this.accounts.require(username);
    return this.deps.bus.record(
      actor,
      this.accounts.updateCommand(username, (name) => {
        this.closeEndedSockets(name);
      }),
      body,
    );
  }

  async resetPin(actor: Actor, username: string, body: unknown): Promise<AccountView> {
    this.requireAccountsEditor(actor);
    this.accounts.require(username);
    return this.deps.bus.record(
      actor,
      this.accounts.pinCommand(username, (name) => {
        this.deps.auth.forgetFailures(name);
        this.closeEndedSockets(name);
      }),
      body,
    );
  }

  /** What pages are told of a committed change of a setting or an account. */
  announce(event: HubEvent): void {
    const io = this.deps.io();
    if (event.type === 'setting:changed') {
      if (event.kind === 'running-text')
        io.emit('display:running-text', { text: this.deps.site.display.runningText });
      // Hours and counters' services also change what kiosks offer and displays show.
      io.emit('settings:changed', { area: event.area as SettingsArea, target: event.target, at: event.at });
    }
    // Accounts are staff matters.
    if (
      event.type === 'account:created' ||
      event.type === 'account:updated' ||
      event.type === 'account:pin-set'
    )
      io.to(STAFF_ROOM).emit('settings:changed', { area: 'accounts', target: event.username, at: event.at });
  }

  audit(query: unknown): AuditEntry[] {
    return listAudit(this.deps.db, parse(AuditQuery, query), this.deps.site.timeZone);
  }

  private requireAccountsEditor(actor: Actor): void {
    if (!mayEdit(actor.role, 'accounts')) throw new HubError('FORBIDDEN');
  }

  /** A service or counter added from the screens has no value in the file to go back to. */
  private inFile(scope: SettingScope, target: string | null): boolean {
    return target === null || targetsOf(scope, this.deps.siteFile).includes(target);
  }

  /** A socket outlives the request that signed it in: one whose session just ended is closed now, not later. */
  private closeEndedSockets(username: string): void {
    for (const socket of this.deps.io().sockets.sockets.values()) {
      const { actor, token } = socket.data;
      if (actor.id === username && !this.deps.auth.authenticate(token)) socket.disconnect(true);
    }
  }
}
