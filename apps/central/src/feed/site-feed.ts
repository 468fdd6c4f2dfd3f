import { randomUUID } from 'node:crypto';
import {
  parseFeedPayload,
  type FeedItem,
  type FeedKind,
  type FeedPage,
  type FeedPayload,
} from '@giliran/protocol';
import type pg from 'pg';
import { CentralError } from '../hub-shared.ts';

interface ItemRow {
  cursor: string;
  kind: string;
  id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

const toItem = (row: ItemRow): FeedItem => ({
  cursor: Number(row.cursor),
  kind: row.kind,
  id: row.id,
  payload: row.payload,
  createdAt: row.created_at.toISOString(),
});

/** What a feature may say when it enqueues: the item's own id (a retry of the same decision gives the same item). */
export interface EnqueueOptions {
  readonly id?: string;
  readonly now?: Date;
}

/**
 * Adds an item to a site's feed inside the caller's transaction (`client` is in BEGIN): the item is there exactly
 * when the caller's own rows are (a booking and its feed item commit together). The payload is checked against its
 * kind's schema. Enqueueing an id already held answers the item held, if it is for the same site and kind.
 */
export async function enqueueFeedItem<K extends FeedKind>(
  client: pg.PoolClient,
  siteId: string,
  kind: K,
  payload: FeedPayload<K>,
  options: EnqueueOptions = {},
): Promise<FeedItem> {
  const parsed = parseFeedPayload(kind, payload);
  if (!parsed.success)
    throw new CentralError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  const id = options.id ?? randomUUID();
  if (options.id !== undefined) {
    const held = await client.query<ItemRow & { site_id: string }>(
      'SELECT site_id, cursor, kind, id, payload, created_at FROM feed_items WHERE id = $1',
      [id],
    );
    const row = held.rows[0];
    if (row && (row.site_id !== siteId || row.kind !== kind))
      throw new CentralError('CENTRAL_FEED_ID_CONFLICT');
    if (row) return toItem(row);
  }
  // The site's counter row is locked until this transaction ends: the next enqueue for the site waits, so cursors
  // commit in order and never leave a hole (a rolled-back enqueue gives its number back).
  const { rows } = await client.query<{ last_cursor: string }>(
    `INSERT INTO site_feeds (site_id, last_cursor) VALUES ($1, 1)
     ON CONFLICT (site_id) DO UPDATE SET last_cursor = site_feeds.last_cursor + 1
     RETURNING last_cursor`,
    [siteId],
  );
  const inserted = await client.query<ItemRow>(
    `INSERT INTO feed_items (site_id, cursor, id, kind, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING cursor, kind, id, payload, created_at`,
    [
      siteId,
      rows[0]?.last_cursor,
      id,
      kind,
      JSON.stringify(parsed.data),
      (options.now ?? new Date()).toISOString(),
    ],
  );
  const item = inserted.rows[0];
  if (!item) throw new Error('feed item not stored');
  return toItem(item);
}

/** The hub's side of the feed: a page of items after its cursor. */
export class SiteFeed {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * The items after `after`, oldest first. The hub asks after what it has applied, so `after` is also its receipt:
   * central keeps it to show how far each site has taken its feed.
   */
  async page(siteId: string, after: number, limit: number, now: Date): Promise<FeedPage> {
    const { rows } = await this.pool.query<ItemRow>(
      `SELECT cursor, kind, id, payload, created_at FROM feed_items
       WHERE site_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3`,
      [siteId, after, limit],
    );
    const head = await this.pool.query<{ last_cursor: string }>(
      `UPDATE site_feeds SET hub_cursor = greatest(hub_cursor, least($2::bigint, last_cursor)), hub_pulled_at = $3
       WHERE site_id = $1 RETURNING last_cursor`,
      [siteId, after, now.toISOString()],
    );
    return { siteId, items: rows.map(toItem), head: Number(head.rows[0]?.last_cursor ?? 0) };
  }
}
