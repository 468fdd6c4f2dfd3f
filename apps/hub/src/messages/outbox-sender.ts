import type { MessageChannel } from '@giliran/domain';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Channel, SendResult } from './channels/channel.ts';
import type { Outcome, OutboxRow, OutboxStore } from './outbox-store.ts';

export interface SenderOptions {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly concurrency: number;
}

/** The wait before attempt `attempts + 1`: doubling from the base, capped, with a little spread (no herd at 429). */
export function backoffMs(attempts: number, options: SenderOptions, random = Math.random): number {
  const doubled = options.retryBaseMs * 2 ** Math.max(0, attempts - 1);
  return Math.min(options.retryMaxMs, doubled) * (0.8 + 0.4 * random());
}

/**
 * Sends the outbox after commit, off the command path: a command only writes its rows; this picks due rows on its
 * own timers, a few at a time, and settles what the providers answered. Every attempt is marked in the database
 * before it leaves, so a kill -9 repeats at most the attempts in flight, and loses none.
 */
export class OutboxSender {
  private inFlight = new Set<Promise<void>>();
  private settled: Outcome[] = [];
  private cancelTimer: (() => void) | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private pumpQueued = false;
  private stopped = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly channels: ReadonlyMap<MessageChannel, Channel>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: SenderOptions,
    private readonly onFailed: (row: OutboxRow, error: string) => void,
  ) {}

  start(): void {
    const recovered = this.store.recoverInFlight();
    if (recovered > 0)
      this.logger.warn({ messages: recovered }, 'messages in flight at the last stop go out again');
    this.pump();
  }

  /** New rows were committed: look soon, in a later turn (never inside the committing command). */
  nudge(): void {
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** Finishes what is in flight (so its outcome is recorded), then lets go of the channels. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    await Promise.allSettled([...this.inFlight]);
    this.flush();
    for (const channel of this.channels.values()) channel.close?.();
  }

  private pump(): void {
    if (this.stopped) return;
    this.flush();
    const free = this.options.concurrency - this.inFlight.size;
    if (free > 0) {
      const rows = this.store.claimDue(new Date(this.clock.now()).toISOString(), free);
      for (const row of rows) {
        const attempt = this.attempt(row).finally(() => {
          this.inFlight.delete(attempt);
        });
        this.inFlight.add(attempt);
      }
    }
    this.armTimer();
  }

  /** Wakes for the next due row (a reminder tomorrow, a retry in a minute), unless something sooner is armed. */
  private armTimer(): void {
    const next = this.store.nextDue();
    if (next === null) return;
    const at = Date.parse(next);
    if (at >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.clock.setTimer(
      () => {
        this.timerAt = Number.POSITIVE_INFINITY;
        this.cancelTimer = null;
        this.pump();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  private async attempt(row: OutboxRow): Promise<void> {
    const channel = this.channels.get(row.channel);
    const result: SendResult =
      channel && row.recipient !== null
        ? await channel.send({
            id: row.id,
            to: row.recipient,
            subject: row.subject,
            body: row.body,
            kind: row.kind,
            locale: row.locale,
            variables: variablesOf(row.variables),
          })
        : {
            ok: false,
            permanent: true,
            retryAfterMs: null,
            error: `channel ${row.channel} is not configured`,
          };
    this.settled.push(this.outcome(row, result));
    this.nudge();
  }

  private outcome(row: OutboxRow, result: SendResult): Outcome {
    const now = this.clock.now();
    if (result.ok)
      return { id: row.id, status: 'sent', at: new Date(now).toISOString(), providerId: result.providerId };
    const givenUp = result.permanent || row.attempts >= this.options.maxAttempts;
    const wait = Math.min(
      this.options.retryMaxMs,
      result.retryAfterMs ?? backoffMs(row.attempts, this.options),
    );
    const context = { message: row.id, channel: row.channel, attempts: row.attempts, error: result.error };
    if (givenUp) {
      this.logger.warn(context, 'message given up');
      this.onFailed(row, result.error);
    } else this.logger.info({ ...context, retryInMs: Math.round(wait) }, 'message not sent yet');
    return {
      id: row.id,
      status: givenUp ? 'failed' : 'pending',
      nextAttemptAt: new Date(now + (givenUp ? 0 : wait)).toISOString(),
      error: result.error,
    };
  }

  private flush(): void {
    if (this.settled.length === 0) return;
    this.store.settle(this.settled.splice(0));
  }
}

/** The values a message's text was filled with, or null for one written before they were kept (schema v15). */
function variablesOf(json: string | null | undefined): Readonly<Record<string, string>> | null {
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return null;
  }
}
