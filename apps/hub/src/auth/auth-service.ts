import type { LoginRequest, LoginResponse, Role } from '@giliran/protocol';
import type { Db } from '../db/database.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Clock } from '../clock.ts';
import { HubError } from '../hub-error.ts';
import type { Actor } from './actor.ts';
import { newToken, sha256, verifyPin } from './secrets.ts';
import { sql } from '../db/statements.ts';

const SESSION_HOURS = 12;
const MAX_FAILURES = 5;
const LOCKOUT_MS = 15 * 60_000;

interface AccountRow {
  username: string;
  name: string;
  role: Role;
  pin_hash: string;
  counter_ids: string;
  disabled_at: string | null;
}

interface SessionRow {
  username: string;
  role: Role;
  counter_id: string | null;
  expires_at: string;
  revoked_at: string | null;
}

/** Sign-in with PIN, sessions as opaque tokens (only their hash is stored), and device tokens from the site. */
export class AuthService {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  private readonly signedOut: ((token: string) => void)[] = [];
  /**
   * Device tokens come only from the site file (seeded at start, never changed while the hub runs), so a known one
   * is remembered: a kiosk issuing tickets is then not hashed and looked up on every request. Sessions are always
   * read from the table, where sign-out, PIN resets and disabling revoke them.
   */
  private readonly devices = new Map<string, Actor>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Accounts and devices come from the site file the first time; later changes are made in the hub. */
  seed(site: SiteConfig): void {
    const insertAccount = sql(
      this.db,
      'INSERT OR IGNORE INTO accounts (username, name, role, pin_hash, counter_ids) VALUES (?, ?, ?, ?, ?)',
    );
    const insertDevice = sql(
      this.db,
      'INSERT OR IGNORE INTO devices (id, role, token_sha256, counter_id) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const a of site.accounts)
        // Sign-in lowercases what is typed, so usernames are kept in lower case.
        insertAccount.run(a.username.toLowerCase(), a.name, a.role, a.pinHash, JSON.stringify(a.counterIds));
      for (const d of site.devices) insertDevice.run(d.id, d.role, d.tokenSha256, d.counterId ?? null);
    })();
  }

  async login(request: LoginRequest): Promise<LoginResponse> {
    const now = this.clock.now();
    const username = request.username.toLowerCase();
    const attempt = this.reserveAttempt(username, now);
    const account = sql(this.db, 'SELECT * FROM accounts WHERE username = ?').get(username) as
      AccountRow | undefined;
    // Verify against a dummy hash for unknown users so response time does not reveal which usernames exist.
    const ok = await verifyPin(request.pin, account?.pin_hash ?? DUMMY_HASH);
    if (!account || !ok) {
      if (attempt.count >= MAX_FAILURES) attempt.lockedUntil = this.clock.now() + LOCKOUT_MS;
      throw new HubError('INVALID_CREDENTIALS');
    }
    this.failures.delete(username);
    // The PIN check yielded the event loop: a PIN reset or a disabling that landed meanwhile must win.
    const current = sql(this.db, 'SELECT * FROM accounts WHERE username = ?').get(username) as
      AccountRow | undefined;
    if (!current || current.pin_hash !== account.pin_hash) throw new HubError('INVALID_CREDENTIALS');
    if (current.disabled_at !== null) throw new HubError('ACCOUNT_DISABLED');
    const counterIds = JSON.parse(current.counter_ids) as string[];
    const counterId = account.role === 'officer' ? chooseCounter(counterIds, request.counterId) : null;
    const token = newToken();
    const expiresAt = new Date(now + SESSION_HOURS * 3_600_000).toISOString();
    sql(
      this.db,
      'INSERT INTO sessions (token_sha256, username, role, counter_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(sha256(token), account.username, account.role, counterId, new Date(now).toISOString(), expiresAt);
    return {
      token,
      role: account.role,
      username: account.username,
      name: account.name,
      ...(counterId ? { counterId } : {}),
      counterIds,
      expiresAt,
    };
  }

  /**
   * Counts the attempt before the (slow) PIN check, so parallel guesses cannot all slip in under the limit:
   * at most MAX_FAILURES attempts are ever in flight or failed before the lockout.
   */
  private reserveAttempt(username: string, now: number): { count: number; lockedUntil: number } {
    let attempt = this.failures.get(username);
    if (attempt && attempt.lockedUntil > now) throw new HubError('LOCKED_OUT');
    if (!attempt || attempt.lockedUntil !== 0) {
      attempt = { count: 0, lockedUntil: 0 };
      this.failures.set(username, attempt);
    }
    if (attempt.count >= MAX_FAILURES) throw new HubError('LOCKED_OUT');
    attempt.count += 1;
    return attempt;
  }

  /** The actor behind a bearer token, or null when it is unknown, expired or revoked. */
  authenticate(token: string | undefined): Actor | null {
    if (!token || token.length > 256) return null;
    const known = this.devices.get(token);
    if (known) return known;
    const hash = sha256(token);
    const device = sql(this.db, 'SELECT id, role, counter_id FROM devices WHERE token_sha256 = ?').get(
      hash,
    ) as { id: string; role: Role; counter_id: string | null } | undefined;
    if (device) {
      const actor: Actor = { id: `device:${device.id}`, role: device.role, counterId: device.counter_id };
      this.devices.set(token, actor);
      return actor;
    }
    const session = sql(this.db, 'SELECT * FROM sessions WHERE token_sha256 = ?').get(hash) as
      SessionRow | undefined;
    if (!session || session.revoked_at !== null || Date.parse(session.expires_at) <= this.clock.now())
      return null;
    return { id: session.username, role: session.role, counterId: session.counter_id };
  }

  /** The account's full name, as staff screens show it; the username when there is none. */
  displayName(username: string): string {
    const row = sql(this.db, 'SELECT name FROM accounts WHERE username = ?').get(username) as
      { name: string } | undefined;
    return row?.name ?? username;
  }

  /** After a PIN reset the officer may sign in at once, whatever they tried before. */
  forgetFailures(username: string): void {
    this.failures.delete(username.toLowerCase());
  }

  logout(token: string): void {
    sql(this.db, 'UPDATE sessions SET revoked_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL').run(
      new Date(this.clock.now()).toISOString(),
      sha256(token),
    );
    for (const listener of this.signedOut) listener(token);
  }

  /** Told each signed-out token, so the socket server closes that session's sockets at once. */
  onLogout(listener: (token: string) => void): void {
    this.signedOut.push(listener);
  }

  /** When a session token stops working (epoch ms); null for a device token or an unknown one. */
  sessionExpiry(token: string): number | null {
    const session = sql(this.db, 'SELECT expires_at FROM sessions WHERE token_sha256 = ?').get(
      sha256(token),
    ) as { expires_at: string } | undefined;
    return session ? Date.parse(session.expires_at) : null;
  }
}

// scrypt hash of a random PIN nobody knows; only used to spend the same time on unknown usernames.
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$0YqEJvCcY3p3VUdQe1b7n8oXyBqz1QkT6l8R0m8bq9A=';

/** An officer sits at one of their assigned counters: the one asked for, else the first. */
function chooseCounter(assigned: readonly string[], asked: string | undefined): string | null {
  if (asked === undefined) return assigned[0] ?? null;
  if (!assigned.includes(asked)) throw new HubError('COUNTER_NOT_ASSIGNED');
  return asked;
}
