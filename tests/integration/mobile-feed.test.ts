import { randomUUID } from 'node:crypto';
import type { VisitDetailView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueFeedItem } from '../../apps/central/src/index.ts';
import { startTestCentral, type TestCentral } from '../support/central-harness.ts';
import { FAST_PUSH } from '../support/central-world.ts';
import { startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';
import { CREW, mobileSite, PLACE } from '../support/mobile-world.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

async function eventually(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A week from today in WIB, as central's coordinator would plan it. */
const weekAhead = (): string =>
  new Date(Date.now() + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

/** Issue 17: scheduled visits reach the unit through central's site feed when a central exists. */
describe('a visit scheduled at central reaches the unit through the site feed', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let c: TestCentral;
  let t: TestHub;
  let siteId: string;

  beforeAll(async () => {
    cluster = await startPostgres();
    c = await startTestCentral(cluster);
    const site = await c.enrol('mampir-boss-feed', 'mobile');
    siteId = site.id;
    t = await startTestHub({
      site: mobileSite({ id: site.id, central: { url: c.central.url, siteId: site.id, key: site.key } }),
      centralTiming: FAST_PUSH,
    });
  });
  afterAll(async () => {
    await t.stop();
    await c.stop();
    await cluster.stop();
  });

  async function enqueue(payload: Record<string, unknown>): Promise<void> {
    const client = await c.central.pool.connect();
    try {
      await client.query('BEGIN');
      await enqueueFeedItem(client, siteId, 'visit:scheduled', payload as never);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  it('an approved visit from central is in the laptop’s schedule, approved, under central’s id; a clash is refused and logged', async () => {
    const visitId = randomUUID();
    const date = weekAhead();
    await enqueue({
      visitId,
      date,
      place: PLACE,
      suratTugasNumber: '800/60/422.110/2026',
      crew: CREW,
      agencies: ['Dinas Perdagangan'],
      approvedBy: 'kadis',
    });
    await eventually(() => t.hub.feed.status().cursor === 1);
    const coordinator = await t.login('koordinator');
    const visit = await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token: coordinator });
    expect(visit.status).toBe(200);
    expect(visit.body).toMatchObject({
      date,
      status: 'approved',
      approvedBy: 'kadis',
      suratTugasNumber: '800/60/422.110/2026',
      place: { village: PLACE.village },
      agencies: ['Dinas Perdagangan'],
    });
    expect(visit.body.crew).toHaveLength(4);

    // The same day again: one vehicle, one visit a day. The hub logs the refusal and the feed moves on.
    await enqueue({ visitId: randomUUID(), date, place: PLACE, suratTugasNumber: 'x', crew: CREW });
    await eventually(() => t.hub.feed.status().cursor === 2);
    expect(t.hub.feed.status()).toMatchObject({ applied: 1, refused: 1, lastError: null });
    const refused = t.hub.db
      .prepare("SELECT payload FROM events WHERE type = 'central:feed-refused'")
      .pluck()
      .get() as string;
    expect(JSON.parse(refused)).toMatchObject({ code: 'MOBILE_DATE_TAKEN' });
    const visits = await t.api<unknown[]>('GET', '/visits', { token: coordinator });
    expect(visits.body).toHaveLength(1);
    expectLogIsTruth(t.hub.db);
  });
});
