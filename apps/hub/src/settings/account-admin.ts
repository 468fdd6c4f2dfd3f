import {
  CreateAccountRequest,
  PinResetRequest,
  UpdateAccountRequest,
  type AccountView,
  type AuditAction,
  type Role,
} from '@giliran/protocol';
import type { Actor } from '../auth/actor.ts';
import { hashPin } from '../auth/secrets.ts';
import { validationError } from '../commands/command-bus.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from './audit-log.ts';

interface AccountRow {
  username: string;
  name: string;
  role: Role;
  counter_ids: string;
  disabled_at: string | null;
}

function viewOf(row: AccountRow): AccountView {
  return {
    username: row.username,
    name: row.name,
    role: row.role,
    counterIds: JSON.parse(row.counter_ids) as string[],
    disabled: row.disabled_at !== null,
    disabledAt: row.disabled_at,
  };
}

/** What a change did to the account's sessions, so the caller can close the sockets that rode on them. */
export interface AccountChange {
  readonly account: AccountView;
  readonly sessionsEnded: number;
}

/**
 * Accounts in the hub's database: seeded once from the site file, then kept here. A change and its audit row are
 * one transaction. Sessions end in the same transaction when an account is disabled or its PIN reset, and when an
 * officer loses the counter they are signed in at; their tokens stop working at the next request.
 */
export class AccountAdmin {
  constructor(
    private readonly db: Db,
    private readonly site: SiteConfig,
  ) {}

  list(): AccountView[] {
    const rows = sql(this.db, 'SELECT * FROM accounts').all() as AccountRow[];
    return rows.map(viewOf).sort((a, b) => a.username.localeCompare(b.username, 'en', { numeric: true }));
  }

  find(username: string): AccountView | null {
    const row = sql(this.db, 'SELECT * FROM accounts WHERE username = ?').get(username.toLowerCase()) as
      AccountRow | undefined;
    return row ? viewOf(row) : null;
  }

  private require(username: string): AccountView {
    const found = this.find(username);
    if (!found) throw new HubError('ACCOUNT_NOT_FOUND');
    return found;
  }

  private requireKnownCounters(counterIds: readonly string[]): void {
    const unknown = counterIds.filter((id) => !this.site.counters.some((c) => c.id === id));
    if (unknown.length > 0)
      throw new HubError(
        'VALIDATION_FAILED',
        unknown.map((id) => ({ path: 'counterIds', message: `unknown counter ${id}` })),
      );
  }

  /** The site's minimum PIN length (6 on a real site): shorter PINs fall to online guessing. */
  private requireLongEnough(pin: string): void {
    if (pin.length < this.site.minPinLength)
      throw new HubError('VALIDATION_FAILED', [
        { path: 'pin', message: `at least ${String(this.site.minPinLength)} digits` },
      ]);
  }

  async create(actor: Actor, at: string, body: unknown): Promise<AccountView> {
    const parsed = CreateAccountRequest.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    const request = parsed.data;
    this.requireKnownCounters(request.counterIds);
    this.requireLongEnough(request.pin);
    if (this.find(request.username)) throw new HubError('ACCOUNT_EXISTS');
    const pinHash = await hashPin(request.pin);
    return this.db.transaction(() => {
      // Asked again: another request may have taken the name while the PIN was being hashed.
      if (this.find(request.username)) throw new HubError('ACCOUNT_EXISTS');
      sql(
        this.db,
        'INSERT INTO accounts (username, name, role, pin_hash, counter_ids) VALUES (?, ?, ?, ?, ?)',
      ).run(request.username, request.name, request.role, pinHash, JSON.stringify(request.counterIds));
      const account = this.require(request.username);
      this.audit(actor, at, account.username, 'create', null, account);
      return account;
    })();
  }

  update(actor: Actor, at: string, username: string, body: unknown): AccountChange {
    const before = this.require(username);
    const parsed = UpdateAccountRequest.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    const request = parsed.data;
    if (request.disabled === true && before.username === actor.id) throw new HubError('OWN_ACCOUNT');
    if (request.counterIds !== undefined) {
      this.requireKnownCounters(request.counterIds);
      const issue =
        before.role === 'officer' ? request.counterIds.length === 0 : request.counterIds.length > 0;
      if (issue)
        throw new HubError('VALIDATION_FAILED', [
          {
            path: 'counterIds',
            message: before.role === 'officer' ? 'an officer needs a counter' : 'only officers have counters',
          },
        ]);
    }
    // Disabling an account already disabled keeps when it first was.
    const disabledAt =
      request.disabled === undefined
        ? before.disabledAt
        : request.disabled
          ? (before.disabledAt ?? at)
          : null;
    return this.db.transaction(() => {
      sql(this.db, 'UPDATE accounts SET name = ?, counter_ids = ?, disabled_at = ? WHERE username = ?').run(
        request.name ?? before.name,
        JSON.stringify(request.counterIds ?? before.counterIds),
        disabledAt,
        before.username,
      );
      const account = this.require(before.username);
      let sessionsEnded = 0;
      if (account.disabled) sessionsEnded = this.endSessions(before.username, at);
      else if (request.counterIds !== undefined)
        sessionsEnded = this.endSessionsAwayFrom(before.username, account.counterIds, at);
      const action: AuditAction =
        account.disabled === before.disabled ? 'update' : account.disabled ? 'disable' : 'enable';
      this.audit(actor, at, account.username, action, before, account);
      return { account, sessionsEnded };
    })();
  }

  async resetPin(actor: Actor, at: string, username: string, body: unknown): Promise<AccountChange> {
    this.require(username);
    const parsed = PinResetRequest.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    this.requireLongEnough(parsed.data.pin);
    const pinHash = await hashPin(parsed.data.pin);
    return this.db.transaction(() => {
      const account = this.require(username);
      sql(this.db, 'UPDATE accounts SET pin_hash = ? WHERE username = ?').run(pinHash, account.username);
      const sessionsEnded = this.endSessions(account.username, at);
      // The audit says that the PIN changed and what it ended, never the PIN or its hash.
      this.audit(actor, at, account.username, 'reset-pin', null, { pinChanged: true, sessionsEnded });
      return { account, sessionsEnded };
    })();
  }

  private endSessions(username: string, at: string): number {
    return sql(this.db, 'UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL').run(
      at,
      username,
    ).changes;
  }

  /** An officer moved off a counter leaves it at once; sessions at the counters they keep go on. */
  private endSessionsAwayFrom(username: string, counterIds: readonly string[], at: string): number {
    return sql(
      this.db,
      `UPDATE sessions SET revoked_at = ?
       WHERE username = ? AND revoked_at IS NULL AND counter_id IS NOT NULL
         AND counter_id NOT IN (SELECT value FROM json_each(?))`,
    ).run(at, username, JSON.stringify(counterIds)).changes;
  }

  private audit(
    actor: Actor,
    at: string,
    username: string,
    action: AuditAction,
    before: unknown,
    after: unknown,
  ): void {
    recordAudit(this.db, { at, actor, area: 'accounts', target: username, action, before, after });
  }
}
