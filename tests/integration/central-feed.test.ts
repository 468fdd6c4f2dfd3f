import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CentralFeedStatus, FeedItem, FeedPage } from '@giliran/protocol';
import { describe, expect, it } from 'vitest';
import { centralSuite } from '../support/central-suite.ts';
import { enqueueFeedItem } from '../../apps/central/src/index.ts';
import { callJson } from '../support/central-harness.ts';
import { FAST_PUSH, startEnrolledHub, untilSynced } from '../support/central-world.ts';
import { demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { eventually } from '../support/eventually.ts';

/** The feed records in the hub's log, in log order: item id and cursor. */
function taken(t: TestHub, type = 'central:feed-applied'): { itemId: string; cursor: number }[] {
  return (
    t.hub.db.prepare('SELECT payload FROM events WHERE type = ? ORDER BY id').pluck().all(type) as string[]
  ).map((payload) => {
    const event = JSON.parse(payload) as { itemId: string; cursor: number };
    return { itemId: event.itemId, cursor: event.cursor };
  });
}

describe(
  'central → hub site feed: in order, exactly once, through kills and rebuilds',
  { timeout: 120_000 },
  () => {
    const suite = centralSuite();

    const probe = async (siteId: string, note: string): Promise<FeedItem> => {
      const res = await suite.c.api<FeedItem>('POST', `/central/sites/${siteId}/feed/probe`, {
        token: suite.admin,
        body: { note },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return FeedItem.parse(res.body);
    };

    it('central keeps a numbered feed per site; the hub applies each item once, in order, and the record goes back up', async () => {
      const site = await suite.c.enrol('mpp-feed-a');
      const other = await suite.c.enrol('mpp-feed-b');
      const sent = [await probe(site.id, 'satu'), await probe(site.id, 'dua'), await probe(site.id, 'tiga')];
      await probe(other.id, 'lain');
      expect(sent.map((item) => item.cursor)).toEqual([1, 2, 3]);

      // The feed is the site's own, read with its key: after a cursor, oldest first, with the head.
      const page = await callJson<FeedPage>(suite.c.central.url, 'GET', '/central/feed?after=1', {
        token: site.key,
      });
      expect(page.status).toBe(200);
      expect(FeedPage.parse(page.body)).toEqual({ siteId: site.id, items: sent.slice(1), head: 3 });
      const otherPage = FeedPage.parse(
        (await callJson(suite.c.central.url, 'GET', '/central/feed', { token: other.key })).body,
      );
      expect(otherPage.items.map((item) => item.payload)).toEqual([{ note: 'lain' }]);
      expect(
        (await callJson(suite.c.central.url, 'GET', '/central/feed', { token: 'salah'.repeat(8) })).status,
      ).toBe(401);
      expect(
        (await callJson(suite.c.central.url, 'GET', '/central/feed?after=-1', { token: site.key })).status,
      ).toBe(400);

      const hub = await startEnrolledHub(suite.c.central.url, site);
      suite.hubs.push(hub);
      await eventually(() => hub.hub.feed.status().cursor === 3);
      expect(taken(hub)).toEqual(sent.map((item) => ({ itemId: item.id, cursor: item.cursor })));
      const mod = await hub.login('mod');
      const status = CentralFeedStatus.parse(
        (await hub.api('GET', '/central/feed/status', { token: mod })).body,
      );
      expect(status).toMatchObject({
        configured: true,
        cursor: 3,
        head: 3,
        applied: 3,
        refused: 0,
        lastError: null,
      });

      // An item enqueued while the hub runs arrives within a pull; the hub's receipt is kept at central.
      const fourth = await probe(site.id, 'empat');
      await eventually(() => hub.hub.feed.status().cursor === 4);
      await untilSynced(hub);
      const { rows } = await suite.c.central.pool.query<{ payload: { itemId: string } }>(
        "SELECT payload FROM events WHERE site_id = $1 AND type = 'central:feed-applied' ORDER BY seq",
        [site.id],
      );
      expect(rows.map((r) => r.payload.itemId)).toEqual([...sent, fourth].map((item) => item.id));
      await eventually(async () => {
        const feeds = await suite.c.central.pool.query<{ hub_cursor: string }>(
          'SELECT hub_cursor FROM site_feeds WHERE site_id = $1',
          [site.id],
        );
        return feeds.rows[0]?.hub_cursor === '4';
      });
    });

    it('enqueueing inside a transaction: rolled back leaves no item and no hole; the same id twice is one item', async () => {
      const site = await suite.c.enrol('mpp-feed-tx');
      const client = await suite.c.central.pool.connect();
      try {
        await client.query('BEGIN');
        await enqueueFeedItem(client, site.id, 'feed:probe', { note: 'batal' });
        await client.query('ROLLBACK');
        await client.query('BEGIN');
        const id = '5f0c1a52-8d3e-4f7b-9a61-2b7d0c9e4a11';
        const first = await enqueueFeedItem(client, site.id, 'feed:probe', { note: 'sekali' }, { id });
        const again = await enqueueFeedItem(client, site.id, 'feed:probe', { note: 'sekali' }, { id });
        await client.query('COMMIT');
        expect(first.cursor).toBe(1);
        expect(again).toEqual(first);
        await client.query('BEGIN');
        await expect(
          enqueueFeedItem(client, site.id, 'feed:probe', { note: 'x'.repeat(201) }),
        ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    });

    it('a cursor save lost to a kill, then a database rebuilt without idempotency records: each item still once', async () => {
      const site = await suite.c.enrol('mpp-feed-kill');
      const dataDir = mkdtempSync(join(tmpdir(), 'giliran-feed-kill-'));
      const options = {
        dataDir,
        site: demoSite({
          id: site.id,
          central: { url: suite.c.central.url, siteId: site.id, key: site.key },
        }),
        centralTiming: FAST_PUSH,
      };
      try {
        for (let i = 0; i < 5; i++) await probe(site.id, `probe ${String(i)}`);
        const before = await startTestHub(options);
        await eventually(() => before.hub.feed.status().cursor === 5);
        await before.stop();
        // What a kill -9 between an item's commit and the cursor's save leaves: the items applied, the cursor behind.
        const file = new Database(join(dataDir, 'giliran.sqlite'));
        file.prepare('UPDATE central_feed SET cursor = 0').run();
        file.close();

        const after = await startTestHub(options);
        // The log says which items were taken: the cursor is set right at start.
        expect(after.hub.feed.status().cursor).toBe(5);
        // Pulled again anyway (a cursor written back by hand): the idempotency keys and the log turn them away.
        after.hub.db.prepare('UPDATE central_feed SET cursor = 0').run();
        await probe(site.id, 'baru');
        after.hub.feed.poke();
        await eventually(() => after.hub.feed.status().cursor === 6);
        expect(taken(after).map((item) => item.cursor)).toEqual([1, 2, 3, 4, 5, 6]);
        await after.stop();

        // `db:rebuild` keeps no idempotency records; with the cursor lost too, the log alone says what was taken.
        const rebuilt = new Database(join(dataDir, 'giliran.sqlite'));
        rebuilt.prepare("DELETE FROM idempotency WHERE actor = 'central-feed'").run();
        rebuilt.prepare('DROP TABLE central_feed').run();
        rebuilt.close();
        const third = await startTestHub(options);
        suite.hubs.push(third);
        expect(third.hub.feed.status().cursor).toBe(6);
        third.hub.db.prepare('UPDATE central_feed SET cursor = 2').run();
        third.hub.feed.poke();
        await eventually(() => third.hub.feed.status().cursor === 6);
        expect(taken(third).map((item) => item.cursor)).toEqual([1, 2, 3, 4, 5, 6]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it('an item of a kind the hub does not know stops the feed there, says so, and applies nothing after it', async () => {
      const site = await suite.c.enrol('mpp-feed-new');
      await probe(site.id, 'sebelum');
      // A kind a newer central knows (written as a later feature's enqueue would write it).
      await suite.c.central.pool.query(
        `INSERT INTO site_feeds (site_id, last_cursor) VALUES ($1, 2)
       ON CONFLICT (site_id) DO UPDATE SET last_cursor = 2`,
        [site.id],
      );
      await suite.c.central.pool.query(
        `INSERT INTO feed_items (site_id, cursor, id, kind, payload, created_at)
       VALUES ($1, 2, gen_random_uuid(), 'exhibition:scheduled', '{}', now())`,
        [site.id],
      );
      await probe(site.id, 'sesudah');
      const hub = await startEnrolledHub(suite.c.central.url, site);
      suite.hubs.push(hub);
      await eventually(() => hub.hub.feed.status().lastError !== null);
      const status = hub.hub.feed.status();
      expect(status.lastError).toContain('CENTRAL_FEED_KIND_UNKNOWN');
      expect(status.cursor).toBe(1);
      expect(taken(hub).map((item) => item.cursor)).toEqual([1]);
    });

    it('a hub of an island site has no feed', async () => {
      const island = await startTestHub();
      suite.hubs.push(island);
      const mod = await island.login('mod');
      expect((await island.api('GET', '/central/feed/status', { token: mod })).body).toEqual({
        configured: false,
        cursor: 0,
        head: 0,
        applied: 0,
        refused: 0,
        lastError: null,
        lastSuccessAt: null,
      });
    });
  },
);
