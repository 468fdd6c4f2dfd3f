import { decideCreateAccount, decideSetPin, decideUpdateAccount, type AccountFacts } from '@giliran/domain';
import {
  CreateAccountRequest,
  PinResetRequest,
  UpdateAccountRequest,
  type AccountView,
  type Role,
} from '@giliran/protocol';
import type { z } from 'zod';
import { hashPin } from '../auth/secrets.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { HubError } from '../hub-error.ts';
import { mayEdit } from './permissions.ts';

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

  require(username: string): AccountView {
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

  /** The PIN is hashed before the decision (scrypt is slow); the log keeps the hash, never the PIN. */
  createCommand(): RecordCommand<z.output<typeof CreateAccountRequest>, AccountView, string> {
    return {
      name: 'account:create',
      allowed: (actor) => mayEdit(actor.role, 'accounts'),
      schema: CreateAccountRequest,
      prepare: async (request) => {
        this.requireKnownCounters(request.counterIds);
        this.requireLongEnough(request.pin);
        if (this.find(request.username)) throw new HubError('ACCOUNT_EXISTS');
        return hashPin(request.pin);
      },
      decide: (request, ctx, pinHash) => {
        // Asked again: another request may have taken the name while the PIN was being hashed.
        const event = decideCreateAccount(
          this.facts(request.username),
          {
            username: request.username,
            name: request.name,
            role: request.role,
            counterIds: request.counterIds,
            pinHash,
          },
          ctx.by,
        );
        return { events: [event], ref: event.username };
      },
      answer: (ref) => this.require(ref),
    };
  }

  /** Sessions end in the same transaction when the account is disabled or an officer loses their counter. */
  updateCommand(
    username: string,
    onEnded: (username: string) => void,
  ): RecordCommand<UpdateAccountRequest, AccountView> {
    return {
      name: 'account:update',
      allowed: (actor) => mayEdit(actor.role, 'accounts'),
      schema: UpdateAccountRequest,
      decide: (request, ctx) => {
        const before = this.require(username);
        if (request.counterIds !== undefined) this.requireCountersFor(before.role, request.counterIds);
        const event = decideUpdateAccount(this.facts(username), request, ctx.by);
        const alongside = () => {
          if (event.disabledAt !== null) this.endSessions(event.username, ctx.now);
          else if (request.counterIds !== undefined)
            this.endSessionsAwayFrom(event.username, event.counterIds, ctx.now);
        };
        return { events: [event], ref: event.username, alongside };
      },
      applied: (events) => {
        for (const e of events) if (e.type === 'account:updated') onEnded(e.username);
      },
      answer: (ref) => this.require(ref),
    };
  }

  pinCommand(
    username: string,
    onSet: (username: string) => void,
  ): RecordCommand<z.output<typeof PinResetRequest>, AccountView, string> {
    return {
      name: 'account:pin',
      allowed: (actor) => mayEdit(actor.role, 'accounts'),
      schema: PinResetRequest,
      prepare: (request) => {
        this.requireLongEnough(request.pin);
        return hashPin(request.pin);
      },
      decide: (_request, ctx, pinHash) => {
        const account = this.require(username);
        const open = this.openSessions(account.username);
        const event = decideSetPin(this.facts(account.username), pinHash, open, ctx.by);
        return {
          events: [event],
          ref: account.username,
          alongside: () => this.endSessions(account.username, ctx.now),
        };
      },
      applied: () => {
        onSet(username.toLowerCase());
      },
      answer: (ref) => this.require(ref),
    };
  }

  /** The site's minimum PIN length (6 on a real site): shorter PINs fall to online guessing. */
  private requireLongEnough(pin: string): void {
    if (pin.length < this.site.minPinLength)
      throw new HubError('VALIDATION_FAILED', [
        { path: 'pin', message: `at least ${String(this.site.minPinLength)} digits` },
      ]);
  }

  private requireCountersFor(role: Role, counterIds: readonly string[]): void {
    this.requireKnownCounters(counterIds);
    const wrong = role === 'officer' ? counterIds.length === 0 : counterIds.length > 0;
    if (wrong)
      throw new HubError('VALIDATION_FAILED', [
        {
          path: 'counterIds',
          message: role === 'officer' ? 'an officer needs a counter' : 'only officers have counters',
        },
      ]);
  }

  private facts(username: string): AccountFacts | null {
    const found = this.find(username);
    return found
      ? {
          username: found.username,
          name: found.name,
          role: found.role,
          counterIds: found.counterIds,
          disabledAt: found.disabledAt,
        }
      : null;
  }

  private openSessions(username: string): number {
    const row = sql(
      this.db,
      'SELECT COUNT(*) AS n FROM sessions WHERE username = ? AND revoked_at IS NULL',
    ).get(username) as { n: number };
    return row.n;
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
}
