import { FeedPage, type CentralFeedStatus, type FeedItem } from '@giliran/protocol';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { RecordCommand } from '../commands/record-command.ts';
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
import { RetryLoop } from './retry-loop.ts';

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
  private readonly loop: RetryLoop;
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
    this.loop = new RetryLoop({
      ...this.timing,
      round: () => (this.target && !this.stopped ? this.pullOnce(this.target) : Promise.resolve(false)),
      onFailure: (error, failures, retryInMs) => {
        this.failed(error, failures, retryInMs);
      },
    });
  }

  start(): void {
    if (!this.target) return;
    this.stopped = false;
    this.loop.start();
  }

  async stop(): Promise<void> {
    // Read between the items of a page: a stopping hub applies no further item.
    this.stopped = true;
    await this.loop.stop();
  }

  /** Pull now (a test, or a hint that central has news), unless a pull is under way or the link is failing. */
  poke(): void {
    this.loop.wake(0);
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

  private failed(error: unknown, failures: number, retryInMs: number): void {
    const message = describe(error);
    try {
      this.store.failed(message);
    } catch (storeError) {
      this.logger.error({ err: storeError }, 'could not record the central feed failure');
    }
    this.logger.warn({ err: message, retryInMs, failures }, 'central feed failed');
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
