import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { HubError } from '../hub-error.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How sign-in failures slow a guesser down. After `free` failures the next attempt waits `baseMs`, and the wait
 * doubles with every further failure up to `maxMs`. Two counts:
 * - per account and address: what an officer mistyping at their own PC meets (3 free, then 1, 2, 4 … 60 minutes);
 * - per account, whatever the address: what guesses spread over many addresses meet (10 free, then 1 minute
 *   doubling up to a day). It does not hold an address the account signed in from in the last 30 days, so an
 *   attacker cannot lock every officer out of their own counter PC by failing on purpose.
 * A good sign-in clears its own address's count only, never the account's: an attacker's count is not wiped by
 * the real officer signing in elsewhere. Counts are forgotten a week after their last failure.
 */
export interface LoginPolicy {
  readonly pairFree: number;
  readonly pairBaseMs: number;
  readonly pairMaxMs: number;
  readonly accountFree: number;
  readonly accountBaseMs: number;
  readonly accountMaxMs: number;
  readonly memoryMs: number;
  readonly trustedForMs: number;
  /** MOD and admin are alerted at every this many failures of one account. */
  readonly alertEvery: number;
}

export const LOGIN_POLICY: LoginPolicy = {
  pairFree: 3,
  pairBaseMs: MINUTE,
  pairMaxMs: 60 * MINUTE,
  accountFree: 10,
  accountBaseMs: MINUTE,
  accountMaxMs: DAY,
  memoryMs: 7 * DAY,
  trustedForMs: 30 * DAY,
  alertEvery: 5,
};

/** The account as a whole, in the `address` column. */
const ANY_ADDRESS = '*';

interface Row {
  failures: number;
  last_failed_at: number;
  last_success_at: number | null;
}

export interface RepeatedFailures {
  readonly username: string;
  readonly address: string;
  readonly failures: number;
}

/** When the next attempt may come after `failures` failures, the last at `lastAt`. */
export function nextAttemptAt(
  failures: number,
  lastAt: number,
  free: number,
  baseMs: number,
  maxMs: number,
): number {
  if (failures < free) return lastAt;
  return lastAt + Math.min(maxMs, baseMs * 2 ** Math.min(failures - free, 30));
}

/** The refusal tells the sign-in form when to try again (Retry-After, whole seconds rounded up). */
function lockedOut(until: number, now: number): HubError {
  return new HubError('LOCKED_OUT', undefined, Math.ceil((until - now) / 1000));
}

/** Persisted sign-in failure counts (SQLite `login_failures`); every method runs synchronously, so none interleave. */
export class LoginGuard {
  private lastPruned = 0;

  constructor(
    private readonly db: Db,
    private readonly onRepeatedFailures: (alert: RepeatedFailures) => void,
    private readonly policy: LoginPolicy = LOGIN_POLICY,
  ) {}

  /**
   * Refuses (LOCKED_OUT) while a wait is running, else counts the attempt as a failure before the slow PIN check,
   * so parallel guesses cannot all slip in: `succeeded` takes it back.
   */
  reserve(username: string, address: string, now: number): void {
    const p = this.policy;
    const pair = this.row(username, address, now);
    const account = this.row(username, ANY_ADDRESS, now);
    const pairWait = nextAttemptAt(pair.failures, pair.last_failed_at, p.pairFree, p.pairBaseMs, p.pairMaxMs);
    if (now < pairWait) throw lockedOut(pairWait, now);
    const trusted = pair.last_success_at !== null && now - pair.last_success_at < p.trustedForMs;
    const accountWait = nextAttemptAt(
      account.failures,
      account.last_failed_at,
      p.accountFree,
      p.accountBaseMs,
      p.accountMaxMs,
    );
    if (!trusted && now < accountWait) throw lockedOut(accountWait, now);
    this.db.transaction(() => {
      this.write(username, address, pair.failures + 1, now, pair.last_success_at);
      this.write(username, ANY_ADDRESS, account.failures + 1, now, account.last_success_at);
    })();
  }

  /** The reserved attempt was a wrong PIN: it stays counted; MOD and admin hear of every `alertEvery`-th. */
  failed(username: string, address: string, now: number): void {
    const account = this.row(username, ANY_ADDRESS, now);
    if (account.failures > 0 && account.failures % this.policy.alertEvery === 0)
      this.onRepeatedFailures({ username, address, failures: account.failures });
    this.prune(now);
  }

  /** A good PIN: this address starts afresh and is remembered; the account's count only loses this attempt. */
  succeeded(username: string, address: string, now: number): void {
    const account = this.row(username, ANY_ADDRESS, now);
    this.db.transaction(() => {
      this.write(username, address, 0, now, now);
      this.write(username, ANY_ADDRESS, Math.max(0, account.failures - 1), account.last_failed_at, null);
    })();
  }

  /** After a PIN reset the officer may sign in at once, whatever was tried before. */
  forget(username: string): void {
    sql(this.db, 'DELETE FROM login_failures WHERE username = ?').run(username);
  }

  private row(username: string, address: string, now: number): Row {
    const row = sql(
      this.db,
      'SELECT failures, last_failed_at, last_success_at FROM login_failures WHERE username = ? AND address = ?',
    ).get(username, address) as Row | undefined;
    if (!row) return { failures: 0, last_failed_at: 0, last_success_at: null };
    // A week after the last failure the count is forgotten; where the account signed in from is not.
    return now - row.last_failed_at > this.policy.memoryMs ? { ...row, failures: 0 } : row;
  }

  private write(
    username: string,
    address: string,
    failures: number,
    at: number,
    success: number | null,
  ): void {
    sql(
      this.db,
      `INSERT INTO login_failures (username, address, failures, last_failed_at, last_success_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (username, address) DO UPDATE SET
         failures = excluded.failures, last_failed_at = excluded.last_failed_at,
         last_success_at = COALESCE(excluded.last_success_at, login_failures.last_success_at)`,
    ).run(username, address, failures, at, success);
  }

  /** Rows of forgotten failures (and no good sign-in) go, at most hourly: random usernames cannot fill the disk. */
  private prune(now: number): void {
    if (now - this.lastPruned < 60 * MINUTE) return;
    this.lastPruned = now;
    sql(this.db, 'DELETE FROM login_failures WHERE last_success_at IS NULL AND last_failed_at < ?').run(
      now - this.policy.memoryMs,
    );
  }
}
