import { generateKeyPairSync } from 'node:crypto';
import type {
  ApiErrorBody,
  BookingKeyView,
  BookingOptions,
  BookingSiteView,
  BookingView,
  IssuedTicket,
  SlotsView,
} from '@giliran/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasePastBookingContacts } from '../../apps/central/src/booking/booking-privacy.ts';
import { BookingSigner } from '../../apps/hub/src/booking/booking-token.ts';
import { callJson, startTestCentral, type Reply, type TestCentral } from '../support/central-harness.ts';
import { FAST_PUSH, untilSynced } from '../support/central-world.ts';
import { TcpProxy } from '../support/faults-tcp-proxy.ts';
import { encodeBytes, nearlyValidText, pathParam, queryText } from '../support/hostile-json.ts';
import { ShiftedClock } from '../support/shifted-clock.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Wednesday 25 November 2026, 06:00 in the demo site's zone (WIB); the bookings are for Thursday.
const THU = '2026-11-26';
const SITE = 'mpp-pesan';
const person = (phone: string, extra: Record<string, unknown> = {}) => ({
  serviceId: 'ktp-el',
  date: THU,
  sessionId: 's1',
  name: 'Sari Wulandari',
  phone,
  ...extra,
});

describe(
  'online booking at central: central holds the quota, the hall checks in offline',
  { timeout: 90_000 },
  () => {
    let cluster: PostgresCluster;
    let c: TestCentral;
    let t: TestHub;
    let proxy: TcpProxy;
    let bookingKey: string;
    const clock = new ShiftedClock('2026-11-25T06:00:00+07:00');
    const booked: BookingView[] = [];

    /** A call to central's routes of the site; the body is the answer or its coded error. */
    async function at<T>(
      method: string,
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ): Promise<Reply<T & Partial<ApiErrorBody>>> {
      const response = await fetch(`${c.central.url}/api/sites/${SITE}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as T & Partial<ApiErrorBody> };
    }
    const hubBookings = (where = '1 = 1') =>
      t.hub.db.prepare(`SELECT code, origin, status FROM bookings WHERE ${where} ORDER BY code`).all() as {
        code: string;
        origin: string;
        status: string;
      }[];

    const feedCursor = () =>
      (t.hub.db.prepare('SELECT cursor FROM central_feed WHERE id = 1').pluck().get() as
        number | undefined) ?? 0;

    beforeAll(async () => {
      cluster = await startPostgres();
      c = await startTestCentral(cluster, { clock });
      const site = await c.enrol(SITE);
      bookingKey = site.bookingKey ?? '';
      proxy = new TcpProxy(c.central.port);
      await proxy.start();
      t = await startTestHub({
        clock,
        site: demoSite({ id: SITE, central: { url: proxy.url, siteId: SITE, key: site.key, bookingKey } }),
        centralTiming: FAST_PUSH,
      });
    });
    afterAll(async () => {
      await t.stop();
      await proxy.close();
      await c.stop();
      await cluster.stop();
    });

    it('enrolment gives central’s booking key; the hub’s profile brings the site’s terms to central', async () => {
      const key = await callJson<BookingKeyView>(c.central.url, 'GET', '/booking/key');
      expect(key.body.publicKey).toBe(bookingKey);
      await eventually(async () => {
        const sites = await callJson<BookingSiteView[]>(c.central.url, 'GET', '/booking/sites');
        return sites.body.some((s) => s.id === SITE);
      });
      const options = await at<BookingOptions>('GET', '/booking/options');
      expect(options.body.services.map((s) => s.id).sort()).toEqual(['akta-lahir', 'kk', 'ktp-el']);
      expect(options.body.services.find((s) => s.id === 'ktp-el')?.dates.slice(0, 2)).toEqual([
        '2026-11-25',
        THU,
      ]);
      const slots = await at<SlotsView>('GET', `/booking/slots?serviceId=ktp-el&date=${THU}`);
      expect(slots.body.sessions[0]).toEqual({
        id: 's1',
        start: '08:00',
        end: '10:00',
        capacity: 4,
        left: 4,
      });
      const unknown = await callJson<ApiErrorBody>(c.central.url, 'GET', '/sites/nowhere/booking/options');
      expect(unknown.body.error.code).toBe('BOOKING_SITE_UNKNOWN');
    });

    it('the hall’s own booking routes send the citizen to central: no place is sold twice', async () => {
      const refused = await t.api<ApiErrorBody>('POST', '/bookings', { body: person('081234560000') });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('BOOKING_AT_CENTRAL');
      expect(refused.body.error.details?.[0]?.message).toBe(`${proxy.url}/booking?site=${SITE}`);
      const options = await t.api<BookingOptions>('GET', '/booking/options');
      expect(options.body.central).toEqual({ url: proxy.url, siteId: SITE });
    });

    it('six phones race for four places: exactly four get one; a phone holds two at most; a retry is the same booking', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => at<BookingView>('POST', '/bookings', person(`08123456000${i}`))),
      );
      const won = answers.filter((a) => a.status === 201);
      expect(won).toHaveLength(4);
      expect(answers.filter((a) => a.body.error?.code === 'BOOKING_SESSION_FULL')).toHaveLength(2);
      booked.push(...won.map((a) => a.body));
      const phone = `08123456000${answers.findIndex((a) => a.status === 201)}`;
      const second = await at<BookingView>('POST', '/bookings', person(phone, { sessionId: 's2' }), {
        'idempotency-key': 'retry-key-0001',
      });
      expect(second.status).toBe(201);
      const retried = await at<BookingView>('POST', '/bookings', person(phone, { sessionId: 's2' }), {
        'idempotency-key': 'retry-key-0001',
      });
      expect(retried.body.code).toBe(second.body.code);
      const third = await at('POST', '/bookings', person(phone, { sessionId: 's3' }));
      expect(third.body.error?.code).toBe('BOOKING_PHONE_LIMIT');
      booked.push(second.body);
      // Moved and cancelled at central as at the hub; the place is given back.
      const moved = await at<BookingView>('POST', `/bookings/${second.body.code}/move`, {
        date: THU,
        sessionId: 's3',
      });
      expect(moved.body.session.id).toBe('s3');
      const extra = await at<BookingView>('POST', '/bookings', person('081299990001', { sessionId: 's3' }));
      expect((await at<BookingView>('DELETE', `/bookings/${extra.body.code}`)).body.status).toBe('cancelled');
      const s3 = await at<SlotsView>('GET', `/booking/slots?serviceId=ktp-el&date=${THU}`);
      expect(s3.body.sessions.map((s) => s.left)).toEqual([0, 4, 3]);
    });

    it('the hall pulls every booking in the feed; its sessions never hold more than central’s quota', async () => {
      await eventually(() => feedCursor() === 8);
      expect(hubBookings("origin = 'central'")).toHaveLength(6);
      expect(hubBookings("status = 'booked'").length).toBe(5);
      const perSession = t.hub.db
        .prepare(
          `SELECT session_id, count(*) AS n FROM bookings WHERE service_id = 'ktp-el' AND status IN ('booked', 'checked-in')
         GROUP BY session_id ORDER BY session_id`,
        )
        .all();
      expect(perSession).toEqual([
        { session_id: 's1', n: 4 },
        { session_id: 's3', n: 1 },
      ]);
    });

    it('with the network cut, the kiosk checks in central’s QR codes, even one the feed never brought; forged ones are refused', async () => {
      proxy.cut();
      // Taken at central while the hall is cut off: the hall has never heard of it.
      const unseen = await at<BookingView>('POST', '/bookings', person('081377770001', { serviceId: 'kk' }));
      expect(unseen.status).toBe(201);
      clock.jumpTo(`${THU}T07:40:00+07:00`);
      const checkIn = (token: string) =>
        t.api<IssuedTicket & ApiErrorBody>('POST', `/bookings/${encodeURIComponent(token)}/check-in`, {
          token: KIOSK_TOKEN,
          body: {},
        });
      const first = await checkIn(booked[0]?.qr ?? '');
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const offline = await checkIn(unseen.body.qr ?? '');
      expect(offline.status, JSON.stringify(offline.body)).toBe(201);
      expect(hubBookings(`code = '${unseen.body.code}'`)).toEqual([
        { code: unseen.body.code, origin: 'central', status: 'checked-in' },
      ]);
      expect((await checkIn(booked[0]?.qr ?? '')).body.error.code).toBe('BOOKING_ALREADY_USED');

      // A token signed by a key the hall does not know, one claiming central's key id, and an altered one.
      const stranger = new BookingSigner(generateKeyPairSync('ed25519').privateKey);
      const claims = {
        code: 'FRG23456',
        serviceId: 'ktp-el',
        date: THU,
        sessionId: 's1',
        start: '08:00',
        end: '10:00',
        name: 'Pemalsu',
        locale: 'id' as const,
        origin: 'central',
        checkInUntil: `${THU}T01:15:00.000Z`,
      };
      const forged = stranger.sign(claims);
      const centralKeyId = (await callJson<BookingKeyView>(c.central.url, 'GET', '/booking/key')).body.keyId;
      const [body = '', signature = ''] = forged.slice(4).split('.');
      const claimed = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
      const posing = `GB1.${Buffer.from(JSON.stringify({ ...claimed, k: centralKeyId })).toString('base64url')}.${signature}`;
      const genuine = booked[1]?.qr ?? '';
      const [gBody = '', gSignature = ''] = genuine.slice(4).split('.');
      const gClaims = JSON.parse(Buffer.from(gBody, 'base64url').toString()) as Record<string, unknown>;
      const altered = `GB1.${Buffer.from(JSON.stringify({ ...gClaims, s: 'kk' })).toString('base64url')}.${gSignature}`;
      for (const token of [forged, posing, altered]) {
        const refused = await checkIn(token);
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe('BOOKING_TOKEN_INVALID');
      }
      expect(hubBookings("code = 'FRG23456'")).toEqual([]);
    });

    it('once the link heals, the feed’s copy of the offline check-in is not recorded twice and central sees the check-ins', async () => {
      proxy.heal();
      await untilSynced(t);
      await eventually(async () => {
        const view = await at<BookingView>('GET', `/bookings/${booked[0]?.code ?? ''}`);
        return view.body.status === 'checked-in';
      });
      await eventually(() => feedCursor() === 9);
      expect(hubBookings("origin = 'central'")).toHaveLength(7);
      // A used booking shows no QR and can no longer be cancelled at central.
      const used = await at<BookingView>('GET', `/bookings/${booked[0]?.code ?? ''}`);
      expect(used.body.qr).toBeNull();
      expect((await at('DELETE', `/bookings/${booked[0]?.code ?? ''}`)).body.error?.code).toBe(
        'BOOKING_ALREADY_USED',
      );
    });

    it('a MOD’s quota change logged at the hall reaches central’s sessions through the synced log', async () => {
      const mod = await t.login('mod');
      const set = await t.api('PUT', '/settings/booking/kk', { token: mod, body: { capacity: 2 } });
      expect(set.status).toBe(200);
      await untilSynced(t);
      await eventually(async () => {
        const slots = await at<SlotsView>('GET', `/booking/slots?serviceId=kk&date=${THU}`);
        return slots.body.sessions.find((s) => s.id === 's2')?.capacity === 1;
      });
      // Terms older than that log entry (as if the profile had not come again): the logged quota wins over them.
      const { rows } = await c.central.pool.query<{
        terms: { services: { id: string; capacity: number }[] };
      }>('SELECT terms FROM site_booking_terms WHERE site_id = $1', [SITE]);
      const terms = rows[0]?.terms ?? { services: [] };
      const stale = {
        ...terms,
        services: terms.services.map((s) => (s.id === 'kk' ? { ...s, capacity: 40 } : s)),
      };
      await c.central.pool.query(
        'UPDATE site_booking_terms SET terms = $2, acked_seq = 0 WHERE site_id = $1',
        [SITE, JSON.stringify(stale)],
      );
      const slots = await at<SlotsView>('GET', `/booking/slots?serviceId=kk&date=${THU}`);
      expect(slots.body.sessions.find((s) => s.id === 's2')?.capacity).toBe(1);
    });

    it('hostile input to central’s booking routes gets a coded 4xx, never a crash, and no session goes over its quota', async () => {
      const options = { maxHugeString: 17_000, maxNesting: 1500 };
      const send = async (method: string, path: string, body?: string) => {
        const request = () =>
          fetch(`${c.central.url}/api${path}`, {
            method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body }),
          });
        // A kept-alive connection the server closed just as it was reused (both ends share this loop, and the
        // generator may hold it): sent again once on a fresh one. A crashed server would refuse that too.
        const response = await request().catch(request);
        const answer = (await response.json()) as { error?: { code?: string } };
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
        if (response.status >= 400) expect(answer.error?.code).toMatch(/^[A-Z_]+$/);
      };
      const code = booked[2]?.code ?? '';
      const valid = {
        serviceId: 'ktp-el',
        date: THU,
        sessionId: 's2',
        name: 'Budi',
        phone: '081355550001',
      };
      await fc.assert(
        fc.asyncProperty(pathParam(SITE), nearlyValidText(valid, options), (site, body) =>
          send('POST', `/sites/${encodeBytes(site)}/bookings`, body),
        ),
        { numRuns: 10 },
      );
      await fc.assert(
        fc.asyncProperty(
          pathParam(code),
          nearlyValidText({ date: THU, sessionId: 's2' }, options),
          (ref, body) => send('POST', `/sites/${SITE}/bookings/${encodeBytes(ref)}/move`, body),
        ),
        { numRuns: 6 },
      );
      await fc.assert(
        fc.asyncProperty(pathParam(SITE), queryText(['serviceId', 'date']), (site, query) =>
          send('GET', `/sites/${encodeBytes(site)}/booking/slots${query}`),
        ),
        { numRuns: 10 },
      );
      await fc.assert(
        fc.asyncProperty(pathParam(code), (ref) =>
          send('GET', `/sites/${SITE}/bookings/${encodeBytes(ref)}`),
        ),
        { numRuns: 6 },
      );
      const { rows } = await c.central.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM central_bookings WHERE site_id = $1 AND status = 'booked'
         GROUP BY service_id, date, session_id ORDER BY n DESC LIMIT 1`,
        [SITE],
      );
      expect(Number(rows[0]?.n ?? 0)).toBeLessThanOrEqual(4);
    });

    it('central blanks a booking’s name and number 30 days after its day, as the hall does (UU 27/2022)', async () => {
      const phones = async () =>
        (
          await c.central.pool.query<{ phone: string }>(
            `SELECT phone FROM central_bookings WHERE site_id = $1 AND phone <> ''`,
            [SITE],
          )
        ).rows.length;
      expect(await erasePastBookingContacts(c.central.pool, '2026-12-26')).toBe(0);
      expect(await phones()).toBeGreaterThan(0);
      expect(await erasePastBookingContacts(c.central.pool, '2026-12-27')).toBeGreaterThan(0);
      expect(await phones()).toBe(0);
      const kept = await at<BookingView>('GET', `/bookings/${booked[1]?.code ?? ''}`);
      expect(kept.body).toMatchObject({ name: '', phone: '***', status: 'booked' });
    });
  },
);
