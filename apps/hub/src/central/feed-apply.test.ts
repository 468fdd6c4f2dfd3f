import { DomainError } from '@giliran/domain';
import type { FeedItem } from '@giliran/protocol';
import { describe, expect, it } from 'vitest';
import type { RecordContext } from '../commands/record-command.ts';
import { openDatabase } from '../db/database.ts';
import { HubError } from '../hub-error.ts';
import { CENTRAL_ACTOR, feedItemCommand } from './feed-apply.ts';
import { FeedKinds, type FeedKindHandler } from './feed-kinds.ts';
import { CentralFeedStore } from './feed-store.ts';

const NOW = '2026-12-07T02:00:00.000Z';
const ctx: RecordContext = {
  actor: CENTRAL_ACTOR,
  now: NOW,
  serviceDay: '2026-12-07',
  newId: () => 'id-1',
  newCode: () => 'CODE',
  by: { at: NOW, by: 'central', byRole: 'admin' },
};
const item = (kind = 'feed:probe'): FeedItem => ({
  cursor: 7,
  kind,
  id: '0b7f2c1e-3a4d-4e5f-8a9b-1c2d3e4f5a6b',
  payload: { note: 'uji' },
  createdAt: NOW,
});

function decideWith(handler: FeedKindHandler<'feed:probe'>, kind?: string) {
  const kinds = new FeedKinds(false);
  kinds.handle('feed:probe', handler);
  const db = openDatabase(':memory:');
  const command = feedItemCommand(kinds, new CentralFeedStore(db), 'mpp-uji');
  return () => command.decide(item(kind), ctx, undefined);
}

describe('a feed item decided on the hub', () => {
  const record = { siteId: 'mpp-uji', itemId: item().id, kind: 'feed:probe', cursor: 7, ...ctx.by };

  it('applied: the kind’s events, then the feed’s own record of the item', () => {
    const decide = decideWith({ decide: () => ({ events: [] }) });
    expect(decide().events).toEqual([{ type: 'central:feed-applied', ...record }]);
  });

  it('a coded refusal of the hub’s rules (its own or the domain’s) is logged as refused, so the feed moves on', () => {
    const hub = decideWith({
      decide: () => {
        throw new HubError('SERVICE_CLOSED');
      },
    });
    expect(hub().events).toEqual([{ type: 'central:feed-refused', ...record, code: 'SERVICE_CLOSED' }]);
    const domain = decideWith({
      decide: () => {
        throw new DomainError('SERVICE_CLOSED');
      },
    });
    expect(domain().events).toEqual([{ type: 'central:feed-refused', ...record, code: 'SERVICE_CLOSED' }]);
  });

  it('a bug, an unknown kind or a payload the hub cannot read stops the feed: nothing is decided', () => {
    const bug = decideWith({
      decide: () => {
        throw new TypeError('boom');
      },
    });
    expect(bug).toThrow(TypeError);
    expect(decideWith({ decide: () => ({ events: [] }) }, 'booking:made')).toThrow(
      'CENTRAL_FEED_KIND_UNKNOWN',
    );
    const kinds = new FeedKinds();
    const command = feedItemCommand(kinds, new CentralFeedStore(openDatabase(':memory:')), 'mpp-uji');
    expect(() => command.decide({ ...item(), payload: { note: 5 } }, ctx, undefined)).toThrow(
      'VALIDATION_FAILED',
    );
  });
});
