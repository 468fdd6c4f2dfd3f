import type { RecordEvent } from '@giliran/domain';
import { FeedItem } from '@giliran/protocol';
import type { Actor } from '../auth/actor.ts';
import type { RecordCommand, RecordContext, RecordDecision } from '../commands/record-command.ts';
import { toHubError } from '../commands/rule-errors.ts';
import { HubError } from '../hub-error.ts';
import type { FeedKinds, ReadableItem } from './feed-kinds.ts';
import type { CentralFeedStore } from './feed-store.ts';

/** Central, as the hub's log names it: the author of what the feed brings. */
export const CENTRAL_ACTOR: Actor = { id: 'central', role: 'admin', counterId: null };

/** The idempotency records of feed items are the feed's own: no signed-in caller can collide with them. */
export const FEED_CALLER = 'central-feed';

/** The item's own events, or the refusal the hub's rules gave it. */
function decideItem(
  readable: ReadableItem,
  siteId: string,
  item: FeedItem,
  ctx: RecordContext,
): { events: RecordEvent[]; alongside?: () => void } {
  const record = { siteId, itemId: item.id, kind: item.kind, cursor: item.cursor, ...ctx.by };
  try {
    const effect = toHubError(() => readable.decide(ctx));
    const applied: RecordEvent = { type: 'central:feed-applied', ...record };
    return {
      events: [...effect.events, applied],
      ...(effect.alongside ? { alongside: effect.alongside } : {}),
    };
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    return { events: [{ type: 'central:feed-refused', ...record, code: error.code }] };
  }
}

/**
 * One feed item as a command on the hub's bus (`bus.record`, idempotency key = the item's id): its events and its
 * feed record commit in one transaction with the idempotency record. An item the log already holds (taken before a
 * kill, or before a rebuild dropped the idempotency records) commits nothing.
 */
export function feedItemCommand(
  kinds: FeedKinds,
  store: CentralFeedStore,
  siteId: string,
): RecordCommand<FeedItem, string> {
  return {
    name: 'central:feed-apply',
    allowed: (actor) => actor.id === CENTRAL_ACTOR.id,
    schema: FeedItem,
    decide: (item, ctx): RecordDecision => {
      if (store.taken(item.id)) return { events: [], ref: item.id };
      return { ...decideItem(kinds.read(item), siteId, item, ctx), ref: item.id };
    },
    answer: (ref) => ref,
    sameTarget: (item, ref) => item.id === ref,
    applied: async (events, ctx, item) => {
      if (!events.some((e) => e.type === 'central:feed-applied')) return;
      await kinds.read(item).applied?.(events, ctx);
    },
  };
}
