import type { RecordEvent } from '@giliran/domain';
import type { LoginRequest, LoginResponse, Role } from '@giliran/protocol';
import type { Db } from '../db/database.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Clock } from '../clock.ts';
import { HubError } from '../hub-error.ts';
import type { Actor } from './actor.ts';
import { hashPin, newToken, pinHashIsWeak, sha256, verifyPin } from './secrets.ts';
import { LoginGuard, type RepeatedFailures } from './login-guard.ts';
import { sql } from '../db/statements.ts';

const SESSION_HOURS = 12;

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
  private readonly guard: LoginGuard;
  private readonly repeatedFailures: ((alert: RepeatedFailures) => void)[] = [];
  private minPinLength = 4;
  /** The demo's published PINs are not worth re-hashing (and its tests sign in thousands of times). */
  private strengthenHashes = true;
  private readonly signedOut: ((token: string) => void)[] = [];
  private commit: (events: readonly RecordEvent[]) => void = () => {
    throw new Error('AuthService.commitWith was not called');
  };
  /**
   * Device tokens change only when a device is paired (`forgetDevices`), so a known one is remembered: a kiosk
   * issuing tickets is then not hashed and looked up on every request. Sessions are always read from the table,
   * where sign-out, PIN resets and disabling revoke them.
   */
  private readonly devices = new Map<string, Actor>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.guard = new LoginGuard(db, (alert) => {
      for (const listener of this.repeatedFailures) listener(alert);
    });
  }

  /** Told of an account's repeated sign-in failures, so MOD and admin are alerted. */
  onRepeatedFailures(listener: (alert: RepeatedFailures) => void): void {
    this.repeatedFailures.push(listener);
  }

  /**
   * Accounts and devices come from the site file the first time; later changes are made in the hub. Answers the
   * events that add what the database does not have yet (committed by the bus, like every change).
   */
  seedEvents(site: SiteConfig, at: string): RecordEvent[] {
    this.minPinLength = site.minPinLength;
    this.strengthenHashes = !site.demo;
    const hasAccount = sql(this.db, 'SELECT 1 FROM accounts WHERE username = ?');
    const hasDevice = sql(this.db, 'SELECT 1 FROM devices WHERE id = ? OR token_sha256 = ?');
    const events: RecordEvent[] = [];
    const seen = new Set<string>();
    for (const a of site.accounts) {
      // Sign-in lowercases what is typed, so usernames are kept in lower case.
      const username = a.username.toLowerCase();
      if (seen.has(username) || hasAccount.get(username) !== undefined) continue;
      seen.add(username);
      events.push({
        type: 'account:seeded',
        username,
        name: a.name,
        role: a.role,
        pinHash: a.pinHash,
        counterIds: a.counterIds,
        at,
      });
    }
    for (const d of site.devices) {
      if (seen.has(`device:${d.id}`) || hasDevice.get(d.id, d.tokenSha256) !== undefined) continue;
      seen.add(`device:${d.id}`);
      events.push({
        type: 'device:registered',
        deviceId: d.id,
        role: d.role,
        tokenSha256: d.tokenSha256,
        ...(d.counterId === undefined ? {} : { counterId: d.counterId }),
        at,
      });
    }
    return events;
  }

  /** `address`: the caller's network address; failures count per account and address (login-guard.ts). */
  async login(request: LoginRequest, address: string): Promise<LoginResponse> {
    const now = this.clock.now();
    const username = request.username.toLowerCase();
    this.guard.reserve(username, address, now);
    const account = sql(this.db, 'SELECT * FROM accounts WHERE username = ?').get(username) as
      AccountRow | undefined;
    // Verify against a dummy hash for unknown users so response time does not reveal which usernames exist.
    const ok = await verifyPin(request.pin, account?.pin_hash ?? DUMMY_HASH);
    // A PIN shorter than the site's minimum is refused even if a hash from before the rule matches it.
    if (!account || !ok || request.pin.length < this.minPinLength) {
      this.guard.failed(username, address, this.clock.now());
      throw new HubError('INVALID_CREDENTIALS');
    }
    this.guard.succeeded(username, address, this.clock.now());
    // The PIN check yielded the event loop: a PIN reset or a disabling that landed meanwhile must win.
    const current = sql(this.db, 'SELECT * FROM accounts WHERE username = ?').get(username) as
      AccountRow | undefined;
    if (!current || current.pin_hash !== account.pin_hash) throw new HubError('INVALID_CREDENTIALS');
    if (current.disabled_at !== null) throw new HubError('ACCOUNT_DISABLED');
    if (this.strengthenHashes && pinHashIsWeak(current.pin_hash))
      await this.strengthen(username, current.pin_hash, request.pin);
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
   * A hash made at a lower scrypt cost is replaced by one at today's, unless the PIN changed meanwhile. Accounts are
   * a projection of the log, so the new hash is an event committed by the bus (`commitWith`), never a direct write.
   */
  private async strengthen(username: string, weak: string, pin: string): Promise<void> {
    const strong = await hashPin(pin);
    const row = sql(this.db, 'SELECT pin_hash FROM accounts WHERE username = ?').get(username) as
      { pin_hash: string } | undefined;
    if (row?.pin_hash !== weak) return;
    this.commit([
      {
        type: 'account:pin-rehashed',
        username,
        pinHash: strong,
        at: new Date(this.clock.now()).toISOString(),
      },
    ]);
  }

  /** How this service's own events (a PIN re-hashed on sign-in) reach the log: the bus's system commit. */
  commitWith(commit: (events: readonly RecordEvent[]) => void): void {
    this.commit = commit;
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

  /** A device was (re)paired: a replaced token must stop working at once. */
  forgetDevices(): void {
    this.devices.clear();
  }

  /** The account's full name, as staff screens show it; the username when there is none. */
  displayName(username: string): string {
    const row = sql(this.db, 'SELECT name FROM accounts WHERE username = ?').get(username) as
      { name: string } | undefined;
    return row?.name ?? username;
  }

  /** After a PIN reset the officer may sign in at once, whatever they tried before. */
  forgetFailures(username: string): void {
    this.guard.forget(username.toLowerCase());
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

// scrypt hash of a random PIN nobody knows, at today's cost; only used to spend the same time on unknown usernames.
const DUMMY_HASH = 'scrypt$65536$8$1$c2FsdHNhbHRzYWx0c2FsdA==$0YqEJvCcY3p3VUdQe1b7n8oXyBqz1QkT6l8R0m8bq9A=';

/** An officer sits at one of their assigned counters: the one asked for, else the first. */
function chooseCounter(assigned: readonly string[], asked: string | undefined): string | null {
  if (asked === undefined) return assigned[0] ?? null;
  if (!assigned.includes(asked)) throw new HubError('COUNTER_NOT_ASSIGNED');
  return asked;
}
