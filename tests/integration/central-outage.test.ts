import { pino } from 'pino';
import { CentralSiteView, CentralTicketView, FeedItem, ReportView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentral, upsertAccount, type Central } from '../../apps/central/src/index.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { CENTRAL_ADMIN, callJson, freshCentralDatabase } from '../support/central-harness.ts';
import { driveDay, expectSameAsHub, FAST_PUSH, untilSynced } from '../support/central-world.ts';
import { TcpProxy } from '../support/faults-tcp-proxy.ts';
import { demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

/** Monday 1 December 2025, 08:00 in Pontianak (WIB, UTC+7): the hall opens on the simulated clock. */
const MONDAY_0800 = '2025-12-01T01:00:00.000Z';
const DAYS = ['2025-12-01', '2025-12-02', '2025-12-03'];
const HOUR = 3_600_000;

/** One day of a site as central counts it from the tickets it holds, in the hub report's terms. */
function centralDay(tickets: readonly CentralTicketView[]) {
  const count = (status: string) => tickets.filter((t) => t.status === status).length;
  return {
    issued: tickets.length,
    served: count('done'),
    handedToAgency: tickets.filter((t) => t.status === 'done' && t.outcome === 'handed_to_agency').length,
    noShows: count('no_show'),
    cancelled: count('cancelled'),
  };
}

describe(
  'central unreachable for three days while the hall serves, then the catch-up',
  { timeout: 120_000 },
  () => {
    let cluster: PostgresCluster;
    let central: Central;
    let hub: TestHub;
    let proxy: TcpProxy;

    beforeAll(async () => {
      cluster = await startPostgres();
    });
    afterAll(async () => {
      await hub.stop();
      await proxy.close();
      await central.close();
      await cluster.stop();
    });

    it('every event reaches central once, each day’s figures equal the hub’s report, and the feed resumes', async () => {
      // One simulated clock for the hall and for central: three days pass in seconds.
      const clock = new ManualClock(MONDAY_0800);
      central = await createCentral({
        databaseUrl: await freshCentralDatabase(cluster),
        port: 0,
        logger: pino({ level: 'silent' }),
        clock,
      });
      await upsertAccount(central.pool, { ...CENTRAL_ADMIN, name: 'Admin Wilayah', role: 'regional_admin' });
      // Sessions last 12 hours of the simulated clock: sign in again after the days pass.
      const signIn = async () =>
        (await callJson<{ token: string }>(central.url, 'POST', '/auth/login', { body: CENTRAL_ADMIN })).body
          .token;
      let admin = await signIn();
      const site = (
        await callJson<{ id: string; key: string }>(central.url, 'POST', '/central/sites', {
          token: admin,
          body: { id: 'mpp-pedalaman', kind: 'hall', name: 'MPP Pedalaman', region: 'Kalimantan Barat' },
        })
      ).body;
      proxy = new TcpProxy(central.port);
      await proxy.start();
      hub = await startTestHub({
        clock,
        site: demoSite({ id: site.id, central: { url: proxy.url, siteId: site.id, key: site.key } }),
        centralTiming: FAST_PUSH,
      });
      await untilSynced(hub);

      // The link goes down on Monday morning; a probe central sends meanwhile waits in the site's feed.
      proxy.cut();
      const probe = FeedItem.parse(
        (
          await callJson(central.url, 'POST', `/central/sites/${site.id}/feed/probe`, {
            token: admin,
            body: { note: 'selama terputus' },
          })
        ).body,
      );
      clock.advance(HOUR / 2);
      for (const [index, day] of DAYS.entries()) {
        if (index > 0) clock.advance(24 * HOUR); // 08:30 the next morning: the service day rolls over
        await driveDay(hub, 30 + 5 * index);
        expect(hub.hub.engine.serviceDay).toBe(day);
      }
      // The hall served at full speed all along; the push and the feed say why central has nothing.
      const offline = hub.hub.pusher.status();
      expect(offline.pending).toBeGreaterThan(300);
      expect(offline.lastError).toMatch(/ECONNREFUSED|ECONNRESET|fetch failed/);
      expect(hub.hub.feed.status()).toMatchObject({ cursor: 0, applied: 0 });
      expect(hub.hub.feed.status().lastError).not.toBeNull();
      admin = await signIn();
      const during = CentralSiteView.array().parse(
        (await callJson(central.url, 'GET', '/central/sites', { token: admin })).body,
      );
      expect(during.find((s) => s.id === site.id)?.status).toBe('offline');

      // Wednesday evening the link returns: the hub catches up on its own, in batches, with nothing asked of anyone.
      proxy.heal();
      await untilSynced(hub);
      await expectSameAsHub(central.pool, hub, site.id, admin, central.url);
      const mod = await hub.login('mod');
      for (const day of DAYS) {
        const report = ReportView.parse(
          (await hub.api('GET', `/reports?from=${day}&to=${day}`, { token: mod })).body,
        ).total;
        const tickets = CentralTicketView.array().parse(
          (
            await callJson(central.url, 'GET', `/central/sites/${site.id}/tickets?date=${day}`, {
              token: admin,
            })
          ).body,
        );
        expect(centralDay(tickets), day).toEqual({
          issued: report.issued,
          served: report.served,
          handedToAgency: report.handedToAgency,
          noShows: report.noShows,
          cancelled: report.cancelled,
        });
      }
      const after = CentralSiteView.array().parse(
        (await callJson(central.url, 'GET', '/central/sites', { token: admin })).body,
      );
      expect(after.find((s) => s.id === site.id)).toMatchObject({ status: 'in_sync', serviceDay: DAYS[2] });

      // The probe of Monday is applied once, and its record reaches central with the rest of the log.
      await new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 30_000;
        const check = () => {
          if (hub.hub.feed.status().cursor === probe.cursor) resolve();
          else if (Date.now() > deadline) reject(new Error(JSON.stringify(hub.hub.feed.status())));
          else setTimeout(check, 25);
        };
        check();
      });
      await untilSynced(hub);
      const { rows } = await central.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM events WHERE site_id = $1 AND type = 'central:feed-applied'
       AND payload->>'itemId' = $2`,
        [site.id, probe.id],
      );
      expect(rows[0]?.n).toBe('1');
    });
  },
);
