import {
  ERRORS,
  MAX_SYNC_BYTES,
  SyncAck,
  type CentralPushStatus,
  type ErrorCode,
  type SiteProfile,
  type SyncBatch,
} from '@giliran/protocol';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { CentralPushStore } from './central-push-store.ts';
import { RetryLoop } from './retry-loop.ts';

export interface CentralTarget {
  readonly url: string;
  readonly siteId: string;
  readonly key: string;
}

export interface PusherTiming {
  /** How soon after a commit the push starts, gathering what else commits meanwhile. */
  readonly nudgeDelayMs: number;
  /** How often the hub says it is alive (an empty batch) when it has nothing to send. */
  readonly heartbeatMs: number;
  /** The first retry after a failure; each further one doubles, up to `maxBackoffMs`, with full jitter. */
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly requestTimeoutMs: number;
  readonly batchEvents: number;
}

export const DEFAULT_PUSHER_TIMING: PusherTiming = {
  nudgeDelayMs: 200,
  heartbeatMs: 15_000,
  baseBackoffMs: 1000,
  maxBackoffMs: 5 * 60_000,
  requestTimeoutMs: 15_000,
  batchEvents: 500,
};

/** A batch stays well under central's body limit, whatever its events hold. */
const BATCH_BYTES = MAX_SYNC_BYTES / 4;

class PushRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`central answered ${status} ${code}`);
  }
}

const isErrorCode = (code: string): code is ErrorCode => code in ERRORS;

/**
 * Store and forward, the hub's half: sends the event log to central in order, in batches, from what central last
 * acknowledged. It runs on timers only, never inside a command: a slow or absent central costs the hall nothing.
 * Failures back off exponentially with full jitter (many hubs returning at once do not arrive together).
 */
export class CentralPusher {
  private readonly loop: RetryLoop;
  /** Commits seen: one landing while a push is in flight means push again at once, not after the heartbeat. */
  private commits = 0;
  private readonly timing: PusherTiming;
  /** The newest sequence sent (kept in memory: one disk write per push is enough, and that is the ack). */
  private lastPushedSeq = 0;
  /** The site's profile for central's reports, and the last one central took (sent again only when it changes). */
  private profile: (() => SiteProfile) | null = null;
  private profileSent = '';

  constructor(
    private readonly target: CentralTarget | null,
    private readonly store: CentralPushStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    timing: Partial<PusherTiming> = {},
  ) {
    this.timing = { ...DEFAULT_PUSHER_TIMING, ...timing };
    if (target) store.open(target.siteId);
    this.loop = new RetryLoop({
      ...this.timing,
      round: () => this.round(),
      onFailure: (error, failures, retryInMs) => {
        this.failed(error, failures, retryInMs);
      },
    });
  }

  /** Names and standards central's reports of this site need; sent before the events whenever they change. */
  describeSite(profile: () => SiteProfile): void {
    this.profile = profile;
  }

  start(): void {
    if (this.target) this.loop.start();
  }

  /** Something was committed: push soon (the push itself runs later, on a timer). */
  nudge(): void {
    // Between rounds the heartbeat's timer waits (up to 15 s): a commit brings the push forward to the nudge delay.
    if (this.loop.wake(this.timing.nudgeDelayMs)) this.commits += 1;
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  status(): CentralPushStatus {
    const state = this.store.state();
    return {
      configured: this.target !== null,
      siteId: this.target?.siteId ?? null,
      lastPushedSeq: Math.max(this.lastPushedSeq, state.acked_seq),
      lastAckedSeq: state.acked_seq,
      pending: this.target ? this.store.pending(state.acked_seq) : 0,
      lastError: state.last_error,
      lastSuccessAt: state.last_success_at,
    };
  }

  /** One push: a batch (or a heartbeat); answers whether to push again at once (more waits, or more committed). */
  private async round(): Promise<boolean> {
    const target = this.target;
    if (!target) return false;
    const commitsBefore = this.commits;
    const more = await this.pushOnce(target);
    return more || this.commits !== commitsBefore;
  }

  private failed(error: unknown, failures: number, retryInMs: number): void {
    const message = describe(error);
    try {
      this.store.failed(message);
    } catch (storeError) {
      this.logger.error({ err: storeError }, 'could not record the central push failure');
    }
    this.logger.warn({ err: message, retryInMs, failures }, 'central push failed');
  }

  /** Sends the next batch; answers whether more events wait. */
  private async pushOnce(target: CentralTarget): Promise<boolean> {
    await this.sendProfile(target);
    const after = this.store.state().acked_seq;
    const events = this.store.batch(after, this.timing.batchEvents, BATCH_BYTES);
    const head = this.store.head();
    const batch: SyncBatch = { siteId: target.siteId, after, head: head.seq, headAt: head.at, events };
    const last = events.at(-1);
    if (last) this.lastPushedSeq = last.seq;
    try {
      const ack = await this.send(target, 'POST', batch);
      this.store.acked(ack.ackedSeq, new Date(this.clock.now()).toISOString());
      return ack.ackedSeq < head.seq;
    } catch (error) {
      // Central holds less than the hub believed (its database was restored): start again from what it holds.
      if (error instanceof PushRefused && error.code === 'CENTRAL_SEQ_GAP') {
        const ack = await this.send(target, 'GET');
        this.store.acked(ack.ackedSeq, new Date(this.clock.now()).toISOString());
        return true;
      }
      throw error;
    }
  }

  private async sendProfile(target: CentralTarget): Promise<void> {
    if (!this.profile) return;
    const body = JSON.stringify(this.profile());
    if (body === this.profileSent) return;
    const response = await fetch(new URL('/api/central/profile', target.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${target.key}`, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(this.timing.requestTimeoutMs),
    });
    if (!response.ok) {
      const code = errorCodeOf(await response.json().catch(() => null));
      throw new PushRefused(response.status, isErrorCode(code) ? code : `HTTP_${response.status}`);
    }
    this.profileSent = body;
  }

  private async send(target: CentralTarget, method: 'GET' | 'POST', batch?: SyncBatch): Promise<SyncAck> {
    const response = await fetch(new URL('/api/central/sync', target.url), {
      method,
      headers: {
        authorization: `Bearer ${target.key}`,
        ...(batch ? { 'content-type': 'application/json' } : {}),
      },
      ...(batch ? { body: JSON.stringify(batch) } : {}),
      signal: AbortSignal.timeout(this.timing.requestTimeoutMs),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const code = errorCodeOf(body);
      throw new PushRefused(response.status, isErrorCode(code) ? code : `HTTP_${response.status}`);
    }
    return SyncAck.parse(body);
  }
}

export function errorCodeOf(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('error' in body)) return '';
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  return typeof error.code === 'string' ? error.code : '';
}

/** A failure as MOD reads it: the refusal's code, or the network's reason (ECONNREFUSED, a timeout). */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : null;
  return code ? `${error.message} (${code})` : error.message;
}
