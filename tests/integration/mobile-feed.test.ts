import type { CentralVisitView, VisitDetailView, VisitSummaryView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedError } from '../support/access-world.ts';
import { CENTRAL_VIEWER, startTestCentral, type TestCentral } from '../support/central-harness.ts';
import { FAST_PUSH } from '../support/central-world.ts';
import { startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';
import { CREW, mobileSite, PLACE } from '../support/mobile-world.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** `days` from today in WIB, as central's coordinator would plan it. */
const daysAhead = (days: number): string =>
  new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

const visitBody = (date: string) => ({
  date,
  place: PLACE,
  suratTugasNumber: '800/60/422.110/2026',
  crew: CREW,
  agencies: ['Dinas Perdagangan'],
  approvedBy: 'kadis',
});

/** Issue 17: scheduled visits reach the unit through central's site feed when a central exists. */
describe('a visit scheduled at central reaches the unit through the site feed', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let c: TestCentral;
  let t: TestHub;
  let siteId: string;
  let admin: string;

  beforeAll(async () => {
    cluster = await startPostgres();
    c = await startTestCentral(cluster);
    const site = await c.enrol('mampir-boss-feed', 'mobile');
    siteId = site.id;
    await c.enrol('mpp-batu');
    admin = await c.login();
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

  const centralVisits = async (): Promise<CentralVisitView[]> =>
    (await c.api<CentralVisitView[]>('GET', `/central/sites/${siteId}/visits`, { token: admin })).body;

  it('central schedules; the unit pulls it into its schedule once, approved, under central’s id; its log brings it back', async () => {
    const date = daysAhead(7);
    const posted = await c.api<CentralVisitView>('POST', `/central/sites/${siteId}/visits`, {
      token: admin,
      body: visitBody(date),
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body).toMatchObject({ siteId, date, scheduledBy: 'wilayah', approvedBy: 'kadis' });
    const { visitId } = posted.body;
    // A retried submit with the same id is the same visit, not a second one.
    const again = await c.api<CentralVisitView>('POST', `/central/sites/${siteId}/visits`, {
      token: admin,
      body: { ...visitBody(date), visitId },
    });
    expect(again.status).toBe(201);
    expect(again.body.feedCursor).toBe(posted.body.feedCursor);

    await eventually(() => t.hub.feed.status().cursor >= posted.body.feedCursor);
    const coordinator = await t.login('koordinator');
    const visits = await t.api<VisitSummaryView[]>('GET', '/visits', { token: coordinator });
    expect(visits.body.filter((v) => v.id === visitId)).toHaveLength(1);
    expect(visits.body).toHaveLength(1);
    const visit = await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token: coordinator });
    expect(visit.body).toMatchObject({
      date,
      status: 'approved',
      approvedBy: 'kadis',
      suratTugasNumber: '800/60/422.110/2026',
      place: { village: PLACE.village },
      agencies: ['Dinas Perdagangan'],
    });
    expect(visit.body.crew).toHaveLength(4);

    // The unit's log goes up: central holds the visit's own event once, and shows it as in the unit's schedule.
    await eventually(async () => (await centralVisits())[0]?.state === 'scheduled');
    const { rows } = await c.central.pool.query(
      `SELECT count(*)::int AS n FROM events WHERE site_id = $1 AND type = 'visit:scheduled'
       AND payload->>'visitId' = $2`,
      [siteId, visitId],
    );
    expect(rows[0]).toEqual({ n: 1 });
    expect((await centralVisits())[0]?.pulledAt).not.toBeNull();
    expectLogIsTruth(t.hub.db);
  });

  it('a day the laptop already planned is refused by the unit, and central shows why', async () => {
    const date = daysAhead(9);
    const coordinator = await t.login('koordinator');
    const local = await t.api('POST', '/visits', {
      token: coordinator,
      body: { date, place: PLACE, suratTugasNumber: '800/61/422.110/2026', crew: CREW },
    });
    expect(local.status, JSON.stringify(local.body)).toBe(201);
    const posted = await c.api<CentralVisitView>('POST', `/central/sites/${siteId}/visits`, {
      token: admin,
      body: visitBody(date),
    });
    expect(posted.status).toBe(201);
    expect(posted.body.state).toBe('sent');
    await eventually(async () =>
      (await centralVisits()).some((v) => v.visitId === posted.body.visitId && v.state === 'refused'),
    );
    const refused = (await centralVisits()).find((v) => v.visitId === posted.body.visitId);
    expect(refused?.refusedCode).toBe('MOBILE_DATE_TAKEN');
    const visits = await t.api<unknown[]>('GET', '/visits', { token: coordinator });
    expect(visits.body).toHaveLength(2);
  });

  it('refuses with a coded error and enqueues nothing: hall, unknown site, crew, past or taken day, roles', async () => {
    const feedSize = async () =>
      (await c.central.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM feed_items')).rows[0]?.n;
    const before = await feedSize();
    const post = (site: string, body: unknown, token = admin) =>
      c.api(`POST`, `/central/sites/${site}/visits`, { token, body });
    const date = daysAhead(14);
    const viewer = await c.login(CENTRAL_VIEWER);
    const refusals: [() => Promise<{ status: number; body: unknown }>, string][] = [
      [() => post('mpp-batu', visitBody(date)), 'CENTRAL_SITE_NOT_MOBILE'],
      [() => post('tidak-ada', visitBody(date)), 'CENTRAL_SITE_NOT_FOUND'],
      [
        () =>
          post(siteId, { ...visitBody(date), crew: [...CREW, { name: 'Dewi', role: 'register_officer' }] }),
        'MOBILE_CREW_TOO_LARGE',
      ],
      [
        () => post(siteId, { ...visitBody(date), crew: CREW.filter((m) => m.role !== 'coordinator') }),
        'MOBILE_CREW_NEEDS_COORDINATOR',
      ],
      [() => post(siteId, visitBody('2020-01-06')), 'MOBILE_DATE_PAST'],
      [() => post(siteId, visitBody(daysAhead(7))), 'MOBILE_DATE_TAKEN'], // the first test's day
      [() => post(siteId, { ...visitBody(date), place: { village: '' } }), 'VALIDATION_FAILED'],
      [() => post(siteId, visitBody(date), viewer), 'FORBIDDEN'],
      [() => post(siteId, visitBody(date), ''), 'UNAUTHENTICATED'],
    ];
    for (const [reply, code] of refusals) {
      const res = await reply();
      expect(codedError(res.status, res.body), code).toBe(code);
    }
    expect(await feedSize()).toBe(before);
    expect((await c.api('GET', `/central/sites/${siteId}/visits`, { token: viewer })).status).toBe(200);
    const hall = await c.api('GET', '/central/sites/mpp-batu/visits', { token: viewer });
    expect(codedError(hall.status, hall.body)).toBe('CENTRAL_SITE_NOT_MOBILE');
    const anonymous = await c.api('GET', `/central/sites/${siteId}/visits`);
    expect(codedError(anonymous.status, anonymous.body)).toBe('UNAUTHENTICATED');
  });
});
