import { FeedPage, type CentralFeedStatus, type FeedItem } from '@giliran/protocol';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import { backoffDelay } from './backoff.ts';
import {
  DEFAULT_PUSHER_TIMING,
  describe,
  errorCodeOf,
  type CentralTarget,
  type PusherTiming,
} from './central-pusher.ts';
import { CENTRAL_ACTOR, FEED_CALLER, feedItemCommand } from './feed-apply.ts';
import { FeedKinds } from './feed-kinds.ts';
import type { CentralFeedStore } from './feed-store.ts';

/** Items asked for in one pull. */
const PAGE_ITEMS = 100;

/**
 * The site feed, the hub's half: pulls what central decided for this site after its cursor, applies each item
 * through the bus (exactly once: the item's id is the idempotency key, and the log records every item taken), then
 * saves the cursor. Like the push it runs on timers only, never inside a command, with the push's timing: a pull
 * every heartbeat, at once again while more waits, and exponential backoff with full jitter after a failure.
 */
export class CentralFeedPuller {
  readonly kinds = new FeedKinds();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = true;
  private readonly timing: PusherTiming;
  private readonly command: RecordCommand<FeedItem, string> | null;

  constructor(
    private readonly target: CentralTarget | null,
    private readonly store: CentralFeedStore,
    private readonly bus: CommandBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    timing: Partial<PusherTiming> = {},
  ) {
    this.timing = { ...DEFAULT_PUSHER_TIMING, ...timing };
    this.command = target ? feedItemCommand(this.kinds, store, target.siteId) : null;
    if (target) store.open(target.siteId);
  }

  start(): void {
    if (!this.target) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Pull now (a test, or a hint that central has news), unless a pull is under way or the link is failing. */
  poke(): void {
    if (!this.stopped && this.running === null && this.failures === 0) this.schedule(0);
  }

  status(): CentralFeedStatus {
    const state = this.store.state();
    const counts = this.target ? this.store.counts(this.target.siteId) : { applied: 0, refused: 0 };
    return {
      configured: this.target !== null,
      cursor: state.cursor,
      head: state.head,
      ...counts,
      lastError: state.last_error,
      lastSuccessAt: state.last_success_at,
    };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
      });
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    const target = this.target;
    if (!target || this.stopped) return;
    let next = this.timing.heartbeatMs;
    try {
      if (await this.pullOnce(target)) next = 0;
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      next = backoffDelay(this.failures, this.timing);
      const message = describe(error);
      try {
        this.store.failed(message);
      } catch (storeError) {
        this.logger.error({ err: storeError }, 'could not record the central feed failure');
      }
      this.logger.warn({ err: message, retryInMs: next, failures: this.failures }, 'central feed failed');
    } finally {
      // Whatever went wrong, the pull goes on: a loop that stopped would leave the hall without central's decisions.
      this.schedule(next);
    }
  }

  /** One page: each item applied, then the cursor saved; answers whether more waits. */
  private async pullOnce(target: CentralTarget): Promise<boolean> {
    const command = this.command;
    if (!command) return false;
    const after = this.store.state().cursor;
    const page = await this.fetchPage(target, after);
    if (page.head < after) {
      this.logger.warn(
        { head: page.head, cursor: after },
        'central feed is shorter than what the hub took: rereading',
      );
      this.store.rewind();
      return true;
    }
    let cursor = after;
    for (const item of page.items) {
      if (this.stopped) return false;
      if (item.cursor <= cursor) continue;
      await this.bus.record(CENTRAL_ACTOR, command, item, item.id, FEED_CALLER);
      this.store.advanced(item.cursor);
      cursor = item.cursor;
    }
    this.store.pulled(page.head, new Date(this.clock.now()).toISOString());
    return cursor < page.head && page.items.length > 0;
  }

  private async fetchPage(target: CentralTarget, after: number): Promise<FeedPage> {
    const url = new URL('/api/central/feed', target.url);
    url.searchParams.set('after', String(after));
    url.searchParams.set('limit', String(PAGE_ITEMS));
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${target.key}` },
      signal: AbortSignal.timeout(this.timing.requestTimeoutMs),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok)
      throw new Error(`central answered ${response.status} ${errorCodeOf(body) || 'HTTP_ERROR'}`);
    return FeedPage.parse(body);
  }
}
