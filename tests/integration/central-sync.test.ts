import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CentralSiteView, CentralTicketView, SyncAck, type SyncEvent } from '@giliran/protocol';
import { io as connect } from 'socket.io-client';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../apps/hub/src/auth/secrets.ts';
import { codedError } from '../support/access-world.ts';
import { openApiRoutes, routeInventory, routeKey } from '../support/route-inventory.ts';
import { CENTRAL_VIEWER, startTestCentral, type TestCentral } from '../support/central-harness.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

const DAY = '2026-03-09';

/** A day's queue at a hall, as the hub logs it: `n` tickets each issued, called, at a step and finished. */
function queueEvents(n: number, firstSeq = 1): SyncEvent[] {
  const events: SyncEvent[] = [];
  const base = Date.parse(`${DAY}T01:00:00.000Z`);
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  for (let i = 0; i < n; i++) {
    const ticketId = `t-${i}`;
    const number = `A${String(i + 1).padStart(3, '0')}`;
    events.push(
      ev('ticket:issued', at(i), {
        ticketId,
        code: `CODE${i}`,
        serviceId: 'ktp-el',
        serviceDay: DAY,
        seq: i + 1,
        number,
        priority: null,
        channel: 'kiosk',
        issuedAt: at(i),
        by: 'device:kiosk-1',
      }),
      ev('ticket:called', at(i + 5), {
        ticketId,
        counterId: 'loket-1',
        via: 'next',
        at: at(i + 5),
        by: 'loket1',
      }),
      ev('ticket:step-started', at(i + 6), {
        ticketId,
        counterId: 'loket-1',
        step: 4,
        at: at(i + 6),
        by: 'loket1',
      }),
      ev('ticket:finished', at(i + 9), {
        ticketId,
        counterId: 'loket-1',
        outcome: 'completed',
        at: at(i + 9),
        by: 'loket1',
      }),
    );
  }
  return events.map((e, index) => ({ ...e, seq: firstSeq + index }));
}

function ev(type: string, at: string, payload: Record<string, unknown>): SyncEvent {
  return { seq: 0, type, serviceDay: DAY, at, payload: { type, ...payload } };
}

const batchOf = (siteId: string, events: readonly SyncEvent[], after = (events[0]?.seq ?? 1) - 1) => ({
  siteId,
  after,
  head: events.at(-1)?.seq ?? after,
  headAt: events.at(-1)?.at ?? null,
  events,
});

describe(
  'central: enrolment, accounts and store-and-forward on a real PostgreSQL',
  { timeout: 120_000 },
  () => {
    let cluster: PostgresCluster;
    let c: TestCentral;
    let admin: string;

    beforeAll(async () => {
      cluster = await startPostgres();
      c = await startTestCentral(cluster);
      admin = await c.login();
    });
    afterAll(async () => {
      await c.stop();
      await cluster.stop();
    });

    /** Everything a refused sync must leave as it was. */
    async function fingerprint(): Promise<unknown> {
      const { rows } = await c.central.pool.query(
        `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM site_tickets) AS tickets,
              (SELECT json_agg(json_build_array(id, last_seq, last_contact_at, hub_head) ORDER BY id) FROM sites) AS sites`,
      );
      return rows[0];
    }

    async function refused(
      key: string | undefined,
      body: unknown,
      status: number,
      code: string,
    ): Promise<void> {
      const before = await fingerprint();
      const res = await c.api('POST', '/central/sync', { ...(key ? { token: key } : {}), body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(codedError(res.status, res.body)).toBe(code);
      expect(await fingerprint()).toEqual(before);
    }

    it('GET /api/central/openapi.json describes exactly the routes central serves', async () => {
      // The page /pusat and its assets are not API routes.
      const served = routeInventory(c.central.app)
        .filter((r) => r.path.startsWith('/api/'))
        .map(routeKey)
        .sort();
      const described = openApiRoutes((await c.api('GET', '/central/openapi.json')).body)
        .map(routeKey)
        .sort();
      expect(described).toEqual(served);
    });

    describe('sites and accounts', () => {
      it('a regional admin enrols a site: 201 with its id and key, and central keeps only the key’s hash', async () => {
        const res = await c.api<{ id: string; key: string }>('POST', '/central/sites', {
          token: admin,
          body: { id: 'kubu-raya', kind: 'hall', name: 'MPP Kubu Raya', region: 'Kalimantan Barat' },
        });
        expect(res.status).toBe(201);
        expect(res.body.id).toBe('kubu-raya');
        expect(res.body.key.length).toBeGreaterThanOrEqual(40);
        const { rows } = await c.central.pool.query<{ key_sha256: string }>(
          'SELECT * FROM sites WHERE id = $1',
          ['kubu-raya'],
        );
        expect(rows[0]?.key_sha256).toBe(sha256(res.body.key));
        expect(JSON.stringify(rows)).not.toContain(res.body.key);
        const again = await c.api('POST', '/central/sites', {
          token: admin,
          body: { id: 'kubu-raya', kind: 'mobile', name: 'x', region: 'y' },
        });
        expect(codedError(again.status, again.body)).toBe('CENTRAL_SITE_EXISTS');
      });

      it('a regional viewer reads but may not enrol; no session is 401; a bad body is 400', async () => {
        const viewer = await c.login(CENTRAL_VIEWER);
        const body = { id: 'mobil-1', kind: 'mobile', name: 'Mobil Pelayanan 1', region: 'Kalimantan Barat' };
        const byViewer = await c.api('POST', '/central/sites', { token: viewer, body });
        expect(codedError(byViewer.status, byViewer.body)).toBe('FORBIDDEN');
        const anonymous = await c.api('POST', '/central/sites', { body });
        expect(codedError(anonymous.status, anonymous.body)).toBe('UNAUTHENTICATED');
        const bad = await c.api('POST', '/central/sites', { token: admin, body: { ...body, kind: 'bus' } });
        expect(codedError(bad.status, bad.body)).toBe('VALIDATION_FAILED');
        const list = await c.api('GET', '/central/sites', { token: viewer });
        expect(list.status).toBe(200);
      });

      it('sign-in with a wrong PIN is 401, with the catalogue’s message', async () => {
        const res = await c.api('POST', '/auth/login', { body: { username: 'wilayah', pin: '000000' } });
        expect(codedError(res.status, res.body)).toBe('INVALID_CREDENTIALS');
      });

      it('`npm run central:admin` makes a regional admin who can sign in', async () => {
        const run = promisify(execFile);
        const out = await run('npx', ['tsx', 'apps/central/src/create-admin.ts', 'Kepala.Wilayah'], {
          env: { ...process.env, DATABASE_URL: c.databaseUrl, CENTRAL_ADMIN_PIN: '913572' },
        });
        expect(out.stdout).toContain('regional admin kepala.wilayah created');
        const token = await c.login({ username: 'kepala.wilayah', pin: '913572' });
        const res = await c.api('POST', '/central/sites', {
          token,
          body: { id: 'sanggau', kind: 'hall', name: 'MPP Sanggau', region: 'Kalimantan Barat' },
        });
        expect(res.status).toBe(201);
        const weak = run('npx', ['tsx', 'apps/central/src/create-admin.ts', 'lemah'], {
          env: { ...process.env, DATABASE_URL: c.databaseUrl, CENTRAL_ADMIN_PIN: '12' },
        });
        await expect(weak).rejects.toThrow();
      });
    });

    describe('POST /api/central/sync', () => {
      let site: { id: string; key: string };
      const events = queueEvents(30); // 120 events
      beforeAll(async () => {
        site = await c.enrol('singkawang');
      });

      it('refuses a batch that would leave a gap, and stores nothing; then takes the batches in order', async () => {
        await refused(site.key, batchOf(site.id, events.slice(40, 80)), 409, 'CENTRAL_SEQ_GAP');
        const first = await c.api('POST', '/central/sync', {
          token: site.key,
          body: batchOf(site.id, events.slice(0, 40)),
        });
        expect(SyncAck.parse(first.body)).toEqual({ siteId: site.id, ackedSeq: 40, stored: 40 });
        const second = await c.api('POST', '/central/sync', {
          token: site.key,
          body: batchOf(site.id, events.slice(40, 80)),
        });
        expect(SyncAck.parse(second.body).ackedSeq).toBe(80);
      });

      it('the same batch twice stores it once, and an overlapping batch stores only what is new', async () => {
        const again = await c.api('POST', '/central/sync', {
          token: site.key,
          body: batchOf(site.id, events.slice(40, 80)),
        });
        expect(SyncAck.parse(again.body)).toEqual({ siteId: site.id, ackedSeq: 80, stored: 0 });
        const overlap = await c.api('POST', '/central/sync', {
          token: site.key,
          body: batchOf(site.id, events.slice(60, 120)),
        });
        expect(SyncAck.parse(overlap.body)).toEqual({ siteId: site.id, ackedSeq: 120, stored: 40 });
        const { rows } = await c.central.pool.query(
          'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d, max(seq)::int AS top FROM events WHERE site_id = $1',
          [site.id],
        );
        expect(rows[0]).toEqual({ n: 120, d: 120, top: 120 });
        const ack = await c.api('GET', '/central/sync', { token: site.key });
        expect(SyncAck.parse(ack.body).ackedSeq).toBe(120);
      });

      it('a sequence sent again with other content is a conflict, and stores nothing', async () => {
        const changed = events
          .slice(100, 120)
          .map((e) => ({ ...e, payload: { ...e.payload, by: 'someone-else' } }));
        await refused(site.key, batchOf(site.id, changed), 409, 'CENTRAL_SEQ_CONFLICT');
      });

      it('builds the day’s tickets and figures from the queue events, and keeps unknown event types', async () => {
        const unknown: SyncEvent = {
          seq: 121,
          type: 'complaint:filed',
          serviceDay: DAY,
          at: `${DAY}T03:00:00.000Z`,
          payload: { complaintId: 'c-1', category: 'ringan' },
        };
        const res = await c.api('POST', '/central/sync', {
          token: site.key,
          body: batchOf(site.id, [unknown]),
        });
        expect(SyncAck.parse(res.body).ackedSeq).toBe(121);
        const tickets = await c.api('GET', `/central/sites/${site.id}/tickets?date=${DAY}`, { token: admin });
        const list = z.array(CentralTicketView).parse(tickets.body);
        expect(list).toHaveLength(30);
        expect(list.every((t) => t.status === 'done' && t.servedBy === 'loket1')).toBe(true);
        expect(list[0]).toMatchObject({ number: 'A001', counterId: 'loket-1', outcome: 'completed' });
        const sites = z
          .array(CentralSiteView)
          .parse((await c.api('GET', '/central/sites', { token: admin })).body);
        const view = sites.find((s) => s.id === site.id);
        expect(view).toMatchObject({
          lastSeq: 121,
          status: 'in_sync',
          serviceDay: DAY,
          lastEventAt: unknown.at,
        });
        expect(view?.today).toMatchObject({
          issued: 30,
          served: 30,
          waiting: 0,
          noShow: 0,
          avgWaitSeconds: 300,
        });
      });
    });

    describe('two central processes on one database', () => {
      it('a dashboard connected to process A hears the batch process B stored (Socket.IO PostgreSQL adapter)', async () => {
        const b = await startTestCentral(cluster, { databaseUrl: c.databaseUrl });
        const socket = connect(c.central.url, {
          auth: { token: admin },
          transports: ['websocket'],
          reconnection: false,
        });
        try {
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', resolve);
            socket.once('connect_error', reject);
          });
          const heard = new Promise<unknown>((resolve) => {
            socket.once('site:synced', resolve);
          });
          const site = await b.enrol('ketapang');
          const res = await b.api('POST', '/central/sync', {
            token: site.key,
            body: batchOf(site.id, queueEvents(3)),
          });
          expect(res.status).toBe(200);
          expect(await heard).toEqual({
            siteId: 'ketapang',
            ackedSeq: 12,
            events: 12,
            lastEventAt: queueEvents(3).at(-1)?.at,
          });
        } finally {
          socket.disconnect();
          await b.stop();
        }
      });

      it('one batch sent at once through both processes, six times: stored once, each answer acknowledges it', async () => {
        // A batch at the head is written in one statement that moves the head only from where it was read; the
        // five that lose the race find it moved and take the locked path, which sees the events already held.
        const b = await startTestCentral(cluster, { databaseUrl: c.databaseUrl });
        try {
          const site = await c.enrol('sambas');
          const events = queueEvents(10); // 40 events, 4 per ticket
          // Batches of 3 split tickets: each batch folds rows an earlier batch wrote.
          for (let start = 0; start < 24; start += 3) {
            const res = await c.api('POST', '/central/sync', {
              token: site.key,
              body: batchOf(site.id, events.slice(start, start + 3)),
            });
            expect(res.status).toBe(200);
          }
          const racing = batchOf(site.id, events.slice(24));
          const answers = await Promise.all(
            [c, b, c, b, c, b].map((central) =>
              central.api('POST', '/central/sync', { token: site.key, body: racing }),
            ),
          );
          const acks = answers.map((answer) => SyncAck.parse(answer.body));
          expect(acks.map((ack) => ack.ackedSeq)).toEqual([40, 40, 40, 40, 40, 40]);
          expect(acks.reduce((n, ack) => n + ack.stored, 0)).toBe(16);
          const { rows } = await c.central.pool.query(
            `SELECT (SELECT count(*)::int FROM events WHERE site_id = $1) AS events,
                    (SELECT count(*)::int FROM site_tickets WHERE site_id = $1 AND status = 'done'
                       AND first_called_at IS NOT NULL AND finished_at IS NOT NULL) AS done,
                    (SELECT last_seq::int FROM sites WHERE id = $1) AS head`,
            [site.id],
          );
          expect(rows[0]).toEqual({ events: 40, done: 10, head: 40 });
        } finally {
          await b.stop();
        }
      });

      it('a socket without a regional session is refused', async () => {
        const socket = connect(c.central.url, {
          auth: { token: 'nope' },
          transports: ['websocket'],
          reconnection: false,
        });
        const error = await new Promise<Error>((resolve) => {
          socket.once('connect_error', resolve);
        });
        expect(error.message).toBe('UNAUTHENTICATED');
        socket.disconnect();
      });
    });

    describe('bad input: a clear error, nothing stored', () => {
      let site: { id: string; key: string };
      let other: { id: string; key: string };
      beforeAll(async () => {
        site = await c.enrol('bengkayang');
        other = await c.enrol('landak');
      });
      const good = () => batchOf(site.id, queueEvents(2));

      it('no key or a wrong key: 401 CENTRAL_KEY_INVALID', async () => {
        await refused(undefined, good(), 401, 'CENTRAL_KEY_INVALID');
        await refused(`${site.key}x`, good(), 401, 'CENTRAL_KEY_INVALID');
      });

      it('another site’s id with a good key: 403 CENTRAL_SITE_MISMATCH', async () => {
        await refused(other.key, good(), 403, 'CENTRAL_SITE_MISMATCH');
      });

      it('a disabled site: 401 CENTRAL_SITE_DISABLED, until it is enabled again', async () => {
        const off = await c.api('POST', `/central/sites/${site.id}/disable`, { token: admin });
        expect(off.status).toBe(200);
        await refused(site.key, good(), 401, 'CENTRAL_SITE_DISABLED');
        await c.api('POST', `/central/sites/${site.id}/enable`, { token: admin });
        const res = await c.api('POST', '/central/sync', { token: site.key, body: good() });
        expect(SyncAck.parse(res.body).ackedSeq).toBe(8);
      });

      it('an oversized batch: 413 (too many events; too many bytes)', async () => {
        const many = queueEvents(251, 9); // 1004 events
        await refused(site.key, batchOf(site.id, many), 413, 'CENTRAL_BATCH_TOO_LARGE');
        const huge = queueEvents(1, 9).map((e) => ({
          ...e,
          payload: { ...e.payload, note: 'x'.repeat(5_000_000) },
        }));
        await refused(site.key, batchOf(site.id, huge), 413, 'PAYLOAD_TOO_LARGE');
      });

      it('malformed events: 400 VALIDATION_FAILED with the field', async () => {
        const [e] = queueEvents(1, 9);
        if (!e) throw new Error('no event');
        for (const bad of [
          { ...e, seq: -1 },
          { ...e, type: 'DROP TABLE' },
          { ...e, at: 'yesterday' },
          { ...e, serviceDay: '2026-02-30' },
          { ...e, payload: 'text' },
          { ...e, extra: 1 },
        ])
          await refused(site.key, { ...batchOf(site.id, [e]), events: [bad] }, 400, 'VALIDATION_FAILED');
        await refused(site.key, { ...batchOf(site.id, [e, e]) }, 400, 'VALIDATION_FAILED');
        await refused(site.key, '{"siteId":', 400, 'VALIDATION_FAILED');
      });
    });
  },
);
