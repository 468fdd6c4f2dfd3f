import type { CentralRole, LoginRequest } from '@giliran/protocol';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { bearerToken, CentralError, newToken, sha256, verifyPin, type Clock } from '../hub-shared.ts';

const SESSION_HOURS = 12;
const MAX_FAILURES = 5;
const LOCKOUT_MS = 15 * 60_000;
// scrypt hash of a PIN nobody knows: an unknown username costs the same time as a wrong PIN.
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$0YqEJvCcY3p3VUdQe1b7n8oXyBqz1QkT6l8R0m8bq9A=';

export interface CentralActor {
  readonly username: string;
  readonly role: CentralRole;
}

export const REGIONAL_ADMINS: readonly CentralRole[] = ['regional_admin'];
export const REGIONAL_READERS: readonly CentralRole[] = ['regional_admin', 'regional_viewer'];

interface AccountRow {
  username: string;
  name: string;
  role: CentralRole;
  pin_hash: string;
  disabled_at: Date | null;
}

export interface CentralLogin {
  readonly token: string;
  readonly username: string;
  readonly name: string;
  readonly role: CentralRole;
  readonly expiresAt: string;
}

/** Sign-in of the region's accounts with a PIN, as on the hub: sessions are opaque tokens kept only as hashes. */
export class CentralAuth {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  private readonly actors = new WeakMap<Request, CentralActor>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async login(request: LoginRequest): Promise<CentralLogin> {
    const now = this.clock.now();
    const username = request.username.toLowerCase();
    const attempt = this.reserveAttempt(username, now);
    const account = await this.account(username);
    const ok = await verifyPin(request.pin, account?.pin_hash ?? DUMMY_HASH);
    if (!account || !ok) {
      if (attempt.count >= MAX_FAILURES) attempt.lockedUntil = this.clock.now() + LOCKOUT_MS;
      throw new CentralError('INVALID_CREDENTIALS');
    }
    this.failures.delete(username);
    if (account.disabled_at !== null) throw new CentralError('ACCOUNT_DISABLED');
    const token = newToken();
    const expiresAt = new Date(now + SESSION_HOURS * 3_600_000).toISOString();
    await this.pool.query(
      'INSERT INTO sessions (token_sha256, username, role, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [sha256(token), account.username, account.role, new Date(now).toISOString(), expiresAt],
    );
    return { token, username: account.username, name: account.name, role: account.role, expiresAt };
  }

  /** Counted before the slow PIN check, so parallel guesses cannot slip under the limit. */
  private reserveAttempt(username: string, now: number): { count: number; lockedUntil: number } {
    let attempt = this.failures.get(username);
    if (attempt && attempt.lockedUntil > now) throw new CentralError('LOCKED_OUT');
    if (!attempt || attempt.lockedUntil !== 0) {
      attempt = { count: 0, lockedUntil: 0 };
      this.failures.set(username, attempt);
    }
    if (attempt.count >= MAX_FAILURES) throw new CentralError('LOCKED_OUT');
    attempt.count += 1;
    return attempt;
  }

  private async account(username: string): Promise<AccountRow | undefined> {
    const { rows } = await this.pool.query<AccountRow>(
      'SELECT username, name, role, pin_hash, disabled_at FROM accounts WHERE username = $1',
      [username],
    );
    return rows[0];
  }

  /** The signed-in account behind a bearer token; null when unknown, expired, revoked or disabled. */
  async authenticate(token: string | undefined): Promise<CentralActor | null> {
    if (!token || token.length > 256) return null;
    const { rows } = await this.pool.query<{ username: string; role: CentralRole }>(
      `SELECT s.username, s.role FROM sessions s JOIN accounts a ON a.username = s.username
       WHERE s.token_sha256 = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.disabled_at IS NULL`,
      [sha256(token), new Date(this.clock.now()).toISOString()],
    );
    const row = rows[0];
    return row ? { username: row.username, role: row.role } : null;
  }

  /** 401 without a valid session, 403 when the role may not use the route. */
  require(roles: readonly CentralRole[]) {
    return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
      const actor = await this.authenticate(bearerToken(req.headers.authorization));
      if (!actor) throw new CentralError('UNAUTHENTICATED');
      if (!roles.includes(actor.role)) throw new CentralError('FORBIDDEN');
      this.actors.set(req, actor);
      next();
    };
  }

  actorOf(req: Request): CentralActor {
    const actor = this.actors.get(req);
    if (!actor) throw new CentralError('UNAUTHENTICATED');
    return actor;
  }
}
