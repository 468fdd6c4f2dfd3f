import type { RecordEvent } from '@giliran/domain';
import { parseFeedPayload, type FeedItem, type FeedKind, type FeedPayload } from '@giliran/protocol';
import { validationError } from '../commands/command-bus.ts';
import type { RecordContext } from '../commands/record-command.ts';
import { HubError } from '../hub-error.ts';

/** What an item makes the hub do: its own events (beside the feed's record), and writes in the same transaction. */
export interface FeedEffect {
  readonly events: readonly RecordEvent[];
  readonly alongside?: () => void;
}

/**
 * How the hub applies one kind of feed item. `decide` runs inside the item's command, like any feature's decide: the
 * pure rule with `ctx` (now, ids), in the same synchronous turn as the commit. A coded refusal (a HubError or a
 * domain rule error) is logged as `central:feed-refused` and the feed moves on; any other error stops the feed
 * until it is fixed (nothing is committed, the item is tried again).
 */
export interface FeedKindHandler<K extends FeedKind> {
  readonly decide: (payload: FeedPayload<K>, ctx: RecordContext, item: FeedItem) => FeedEffect;
  /** In-memory consequences once committed (the live queue, a screen to tell). */
  readonly applied?: (events: readonly RecordEvent[], ctx: RecordContext) => void | Promise<void>;
}

/** An item whose kind and payload the hub has checked: what is left is the kind's own rule. */
export interface ReadableItem {
  readonly decide: (ctx: RecordContext) => FeedEffect;
  readonly applied?: (events: readonly RecordEvent[], ctx: RecordContext) => void | Promise<void>;
}

/**
 * The kinds this hub can apply. A feature registers its kind's handler at start (`hub.feed.kinds.handle(...)`);
 * an item of a kind with no handler stops the feed with CENTRAL_FEED_KIND_UNKNOWN rather than skip it, since a later
 * item may rest on it (a booking cancelled after it was made): updating the hub resumes it.
 */
export class FeedKinds {
  /** Per kind: the item checked against its kind's schema, ready for its rule. */
  private readonly readers = new Map<string, (item: FeedItem) => ReadableItem>();

  /** `withProbe` false: an empty registry (tests give the probe kind a handler of their own). */
  constructor(withProbe = true) {
    // The probe proves the link: its feed record (logged and pushed up) is all it does.
    if (withProbe) this.handle('feed:probe', { decide: () => ({ events: [] }) });
  }

  handle<K extends FeedKind>(kind: K, handler: FeedKindHandler<K>): void {
    if (this.readers.has(kind)) throw new Error(`feed kind ${kind} has a handler already`);
    this.readers.set(kind, (item) => {
      const payload = parseFeedPayload(kind, item.payload);
      if (!payload.success) throw validationError(payload.error);
      return {
        decide: (ctx) => handler.decide(payload.data, ctx, item),
        ...(handler.applied ? { applied: handler.applied } : {}),
      };
    });
  }

  /** The item, checked: a kind without a handler, or a payload its schema refuses, throws (the feed stops there). */
  read(item: FeedItem): ReadableItem {
    const reader = this.readers.get(item.kind);
    if (!reader) throw new HubError('CENTRAL_FEED_KIND_UNKNOWN');
    return reader(item);
  }
}
