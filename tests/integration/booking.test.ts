import type {
  ApiErrorBody,
  BookingOptions,
  BookingView,
  IssuedTicket,
  ReportView,
  SettingsView,
  SlotsView,
  TicketView,
} from '@giliran/protocol';
import {
  BookingView as BookingViewSchema,
  ReportView as ReportViewSchema,
  SlotsView as SlotsSchema,
} from '@giliran/protocol';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CENTRAL_ACTOR, FEED_CALLER, feedItemCommand } from '../../apps/hub/src/central/feed-apply.ts';
import { CentralFeedStore } from '../../apps/hub/src/central/feed-store.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 25 November 2026, 06:00 in Pontianak (WIB, UTC+7), the demo site's zone.
const wib = (date: string, hhmm: string): number => Date.parse(`${date}T${hhmm}:00+07:00`);
const THU = '2026-11-26';
const citizen = (phone: string, extra: Record<string, unknown> = {}) => ({
  serviceId: 'ktp-el',
  date: THU,
  sessionId: 's1',
  name: 'Sari Wulandari',
  phone,
  ...extra,
});

describe('online booking at a hub alone', () => {
  let t: TestHub;
  let clock: ManualClock;
  let booking: BookingView;
  beforeAll(async () => {
    clock = new ManualClock(wib('2026-11-25', '06:00'));
    t = await startTestHub({ clock });
  });
  afterAll(async () => {
    await t.stop();
  });

  const post = (body: unknown) => t.api<BookingView & ApiErrorBody>('POST', '/bookings', { body });

  it('offers the bookable services with requirements and the next working days', async () => {
    const { body } = await t.api<BookingOptions>('GET', '/booking/options');
    const ktp = body.services.find((s) => s.id === 'ktp-el');
    expect(ktp?.requirements.length).toBeGreaterThan(0);
    expect(ktp?.dates.slice(0, 3)).toEqual(['2026-11-25', THU, '2026-11-27']);
    expect(body.services.map((s) => s.id).sort()).toEqual(['akta-lahir', 'kk', 'ktp-el']);
  });

  it('shows the sessions with the places left: capacity 8 less the walk-in half', async () => {
    const { body } = await t.api<SlotsView>('GET', `/booking/slots?serviceId=ktp-el&date=${THU}`, {
      schema: SlotsSchema,
    });
    expect(body.sessions).toEqual([
      { id: 's1', start: '08:00', end: '10:00', capacity: 4, left: 4 },
      { id: 's2', start: '10:00', end: '12:00', capacity: 4, left: 4 },
      { id: 's3', start: '13:00', end: '15:00', capacity: 4, left: 4 },
    ]);
  });

  it('books with a code, a signed QR and the check-in window; the number is masked when looked up', async () => {
    const res = await post(citizen('0812-3456-7001'));
    expect(res.status).toBe(201);
    booking = BookingViewSchema.parse(res.body);
    expect(booking).toMatchObject({
      status: 'booked',
      serviceId: 'ktp-el',
      date: THU,
      session: { id: 's1', start: '08:00', end: '10:00' },
      checkInFrom: new Date(wib(THU, '07:30')).toISOString(),
      checkInUntil: new Date(wib(THU, '08:15')).toISOString(),
      phone: '**********001',
    });
    expect(booking.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(booking.qr).toMatch(/^GB1\./);
    const looked = await t.api<BookingView>('GET', `/bookings/${booking.code.toLowerCase()}`);
    expect(looked.body.code).toBe(booking.code);
  });

  it('never sells more places than the quota, however many phones ask at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(citizen(`08123456${String(7100 + i)}`))),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(9).fill('BOOKING_SESSION_FULL'),
    );
    const { body } = await t.api<SlotsView>('GET', `/booking/slots?serviceId=ktp-el&date=${THU}`);
    expect(body.sessions[0]?.left).toBe(0);
  });

  it('limits the open bookings of one WhatsApp number', async () => {
    expect((await post(citizen('081234567001', { sessionId: 's2' }))).status).toBe(201);
    const third = await post(citizen('+62 812 3456 7001', { sessionId: 's3' }));
    expect(third.body.error.code).toBe('BOOKING_PHONE_LIMIT');
  });

  it('refuses bad input with a coded error and changes nothing', async () => {
    const cases: [unknown, number, string][] = [
      [citizen('12345'), 400, 'VALIDATION_FAILED'],
      [citizen('081200000001', { date: '2026-13-01' }), 400, 'VALIDATION_FAILED'],
      [citizen('081200000001', { name: '\u202eX' }), 400, 'VALIDATION_FAILED'],
      [citizen('081200000001', { admin: true }), 400, 'VALIDATION_FAILED'],
      [citizen('081200000001', { sessionId: 's9' }), 409, 'BOOKING_DATE_UNAVAILABLE'],
      [citizen('081200000001', { date: '2027-03-01' }), 409, 'BOOKING_DATE_UNAVAILABLE'],
      [citizen('081200000001', { serviceId: 'skck' }), 404, 'BOOKING_NOT_OFFERED'],
      ['not json at all', 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect([res.status, (res.body as Partial<ApiErrorBody>).error?.code]).toEqual([status, code]);
    }
    expect((await t.api('GET', '/bookings/NOSUCHCODE')).status).toBe(404);
  });

  it('moves and cancels by code, giving the place back', async () => {
    const made = await post(citizen('081299990001', { sessionId: 's2' }));
    const moved = await t.api<BookingView>('POST', `/bookings/${made.body.code}/move`, {
      body: { date: THU, sessionId: 's3' },
    });
    expect(moved.body.session).toEqual({ id: 's3', start: '13:00', end: '15:00' });
    const cancelled = await t.api<BookingView>('DELETE', `/bookings/${made.body.code}`);
    expect([cancelled.body.status, cancelled.body.qr]).toEqual(['cancelled', null]);
    const again = await t.api<ApiErrorBody>('DELETE', `/bookings/${made.body.code}`);
    expect(again.body.error.code).toBe('BOOKING_CANCELLED');
  });

  it('lets MOD set a service quota through the settings, with the audit; an officer may not', async () => {
    const mod = await t.login('mod');
    const set = await t.api<SettingsView>('PUT', '/settings/booking/akta-lahir', {
      token: mod,
      body: { capacity: 2 },
    });
    expect(set.status).toBe(200);
    const slots = await t.api<SlotsView>('GET', `/booking/slots?serviceId=akta-lahir&date=${THU}`);
    expect(slots.body.sessions[0]?.capacity).toBe(1);
    const audit = await t.api<{ area: string; before: unknown; after: unknown }[]>('GET', '/audit', {
      token: mod,
    });
    expect(audit.body.find((e) => e.area === 'booking')).toMatchObject({ before: 6, after: 2 });
    const officer = await t.login('loket1');
    expect(
      (await t.api('PUT', '/settings/booking/akta-lahir', { token: officer, body: { capacity: 9 } })).status,
    ).toBe(403);
  });

  it('lets MOD set the walk-in share, the per-phone limit and the no-show block, audited and in effect at once', async () => {
    const mod = await t.login('mod');
    const before = await t.api<SettingsView>('GET', '/settings', { token: mod });
    expect(before.body.booking).toMatchObject({ walkInShare: 0.5, maxOpenPerPhone: 2, noShowBlock: null });
    expect(before.body.booking?.capacity).toMatchObject({ 'ktp-el': 8, 'akta-lahir': 2 });
    const options = {
      walkInShare: 0.25,
      maxOpenPerPhone: 3,
      noShowBlock: { noShows: 2, withinDays: 30, blockDays: 14 },
    };
    const set = await t.api<SettingsView>('PUT', '/settings/booking-options', { token: mod, body: options });
    expect(set.status).toBe(200);
    expect(set.body.booking).toMatchObject(options);
    // 8 per session, a quarter kept for walk-ins: 6 places, 4 of them sold in the race above.
    const slots = await t.api<SlotsView>('GET', `/booking/slots?serviceId=ktp-el&date=${THU}`);
    expect(slots.body.sessions[0]).toMatchObject({ capacity: 6, left: 2 });
    const audit = await t.api<{ area: string; target: string | null; before: unknown; after: unknown }[]>(
      'GET',
      '/audit',
      { token: mod },
    );
    expect(audit.body.find((e) => e.area === 'booking' && e.target === null)).toMatchObject({
      before: { walkInShare: 0.5, maxOpenPerPhone: 2, noShowBlock: null },
      after: options,
    });
    const bad = await t.api<ApiErrorBody>('PUT', '/settings/booking-options', {
      token: mod,
      body: { ...options, walkInShare: 1.5 },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const officer = await t.login('loket1');
    expect((await t.api('PUT', '/settings/booking-options', { token: officer, body: options })).status).toBe(
      403,
    );
    const back = { walkInShare: 0.5, maxOpenPerPhone: 2, noShowBlock: null };
    expect((await t.api('PUT', '/settings/booking-options', { token: mod, body: back })).status).toBe(200);
  });

  it('checks in at the kiosk by the QR within the window, once, as a booked ticket', async () => {
    const qr = booking.qr ?? '';
    clock.advance(wib(THU, '07:20') - clock.now());
    const early = await t.api<ApiErrorBody>('POST', `/bookings/${encodeURIComponent(qr)}/check-in`, {
      token: KIOSK_TOKEN,
    });
    expect(early.body.error.code).toBe('BOOKING_CHECK_IN_TOO_EARLY');
    clock.advance(15 * 60_000);
    const ticket = await t.api<IssuedTicket>('POST', `/bookings/${encodeURIComponent(qr)}/check-in`, {
      token: KIOSK_TOKEN,
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ serviceId: 'ktp-el', booked: true, number: 'A001' });
    const twice = await t.api<ApiErrorBody>('POST', `/bookings/${booking.code}/check-in`, {
      token: KIOSK_TOKEN,
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'BOOKING_ALREADY_USED']);
    expect((await t.api<BookingView>('GET', `/bookings/${booking.code}`)).body.status).toBe('checked-in');
    const events = t.hub.db
      .prepare(
        "SELECT type, payload FROM events WHERE type IN ('ticket:issued', 'booking:checked-in') ORDER BY id",
      )
      .all() as { type: string; payload: string }[];
    const checkedIn = JSON.parse(
      events.find((e) => e.type === 'booking:checked-in')?.payload ?? '{}',
    ) as Record<string, unknown>;
    expect(checkedIn).toMatchObject({ code: booking.code, ticketId: ticket.body.id, minutesFromStart: -25 });
    expect(Object.keys(checkedIn)).toEqual(
      expect.arrayContaining(['serviceId', 'date', 'sessionId', 'start', 'end', 'name', 'phone', 'locale']),
    );
  });

  it('refuses forged, altered and unknown references; the FO desk checks a typed code in', async () => {
    const qr = booking.qr ?? '';
    const [prefix, body] = qr.split('.');
    const forged = `${prefix}.${body}.${Buffer.alloc(64, 1).toString('base64url')}`;
    const fo = await t.login('fo');
    const refused = await t.api<ApiErrorBody>('POST', `/bookings/${encodeURIComponent(forged)}/check-in`, {
      token: fo,
    });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'BOOKING_TOKEN_INVALID']);
    const codes = t.hub.db
      .prepare("SELECT code FROM bookings WHERE status = 'booked' AND session_id = 's1'")
      .all() as { code: string }[];
    const typed = await t.api<IssuedTicket>(
      'POST',
      `/bookings/${(codes[0]?.code ?? '').toLowerCase()}/check-in`,
      {
        token: fo,
      },
    );
    expect([typed.status, typed.body.booked]).toEqual([201, true]);
    const none = await t.api('POST', '/bookings/UNKNOWN1/check-in', { token: KIOSK_TOKEN });
    expect(none.status).toBe(404);
    expect((await t.api('POST', `/bookings/${booking.code}/check-in`)).status).toBe(401);
  });

  it('calls a booked ticket first at a fresh counter (1 booked : 2 walk-in), then walk-ins', async () => {
    const walkIn = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el', priority: null },
    });
    expect(walkIn.status).toBe(201);
    const officer = await t.login('loket1');
    const called = await t.api<TicketView>('POST', '/counters/loket-1/call-next', {
      token: officer,
      body: {},
    });
    expect(called.body.booked).toBe(true);
  });

  it('marks bookings not checked in by the close of their window as no-shows, and late ones are sent to a ticket', async () => {
    clock.advance(wib(THU, '08:15') - clock.now());
    const late = t.hub.db
      .prepare("SELECT code FROM bookings WHERE status = 'booked' AND session_id = 's1' LIMIT 1")
      .get() as { code: string };
    // The window's last instant: still open. A minute later the hub's own alarm (its clock, no test call) marked it.
    expect((await t.api<BookingView>('GET', `/bookings/${late.code}`)).body.status).toBe('booked');
    clock.advance(60_000);
    expect((await t.api<BookingView>('GET', `/bookings/${late.code}`)).body.status).toBe('no-show');
    const refused = await t.api<ApiErrorBody>('POST', `/bookings/${late.code}/check-in`, {
      token: KIOSK_TOKEN,
    });
    expect(refused.body.error.code).toBe('BOOKING_CHECK_IN_TOO_LATE');
    expectLogIsTruth(t.hub.db);
  });

  it('reports booked against walk-in tickets, missed bookings and punctuality as the test counts them from the log', async () => {
    const officer = await t.login('loket1');
    const active = t.hub.db
      .prepare('SELECT ticket_id AS id FROM bookings WHERE ticket_id IS NOT NULL')
      .all() as { id: string }[];
    const calledBooked = t.hub.engine.state.counters.get('loket-1')?.activeTicketId ?? '';
    expect(active.map((a) => a.id)).toContain(calledBooked);
    // Recalled as the site's rule asks before a no-show may be marked.
    let noShow = 0;
    for (let recalls = 0; recalls < 6 && noShow !== 200; recalls++) {
      noShow = (await t.api('POST', `/tickets/${calledBooked}/no-show`, { token: officer, body: {} })).status;
      if (noShow !== 200) await t.api('POST', '/counters/loket-1/recall', { token: officer, body: {} });
    }
    expect(noShow).toBe(200);

    // The test's own count, from the events the hub logged for Thursday.
    const logged = (
      t.hub.db
        .prepare("SELECT type, payload FROM events WHERE type LIKE 'ticket:%' OR type LIKE 'booking:%'")
        .all() as {
        type: string;
        payload: string;
      }[]
    ).map((e): Record<string, unknown> & { type: string } => ({
      ...(JSON.parse(e.payload) as Record<string, unknown>),
      type: e.type,
    }));
    const issued = logged.filter((e) => e.type === 'ticket:issued' && e.serviceDay === THU);
    const booked = issued.filter((e) => e.booking !== undefined);
    const last = new Map(logged.filter((e) => e.type.startsWith('booking:')).map((e) => [e.code, e]));
    const statusOf = (type: string) => [...last.values()].filter((e) => e.type === type).length;
    const checkIns = [...last.values()].filter((e) => e.type === 'booking:checked-in');
    const minutes = checkIns.map((e) => e.minutesFromStart as number);
    const noShowTickets = new Set(logged.filter((e) => e.type === 'ticket:no-show').map((e) => e.ticketId));
    const calledNoShow = checkIns.filter((e) => noShowTickets.has(e.ticketId)).length;
    const missed = statusOf('booking:no-show');

    const mod = await t.login('mod');
    const { body } = await t.api<ReportView>('GET', `/reports?from=${THU}&to=${THU}`, {
      token: mod,
      schema: ReportViewSchema,
    });
    const total = body.bookings?.total;
    expect(total?.booked.tickets).toBe(booked.length);
    expect(total?.walkIn.tickets).toBe(issued.length - booked.length);
    expect(total?.bookings).toEqual({
      made: last.size,
      cancelled: statusOf('booking:cancelled'),
      open: statusOf('booking:made') + statusOf('booking:moved'),
      checkedIn: checkIns.length,
      missed,
      calledNoShow,
      noShowRate: (missed + calledNoShow) / (checkIns.length + missed),
    });
    expect(total?.punctuality).toEqual({
      early: minutes.filter((m) => m < -10).length,
      onTime: minutes.filter((m) => m >= -10 && m <= 0).length,
      late: minutes.filter((m) => m > 0).length,
    });
    // The figures this scenario makes, so the comparison above cannot pass on empty sections.
    expect([booked.length, checkIns.length, missed, calledNoShow]).toEqual([2, 2, 2, 1]);
    expect(body.bookings?.days.map((d) => [d.day, d.serviceId])).toContainEqual([THU, 'ktp-el']);

    const csv = await fetch(`${t.hub.url}/api/reports?from=${THU}&to=${THU}&format=csv`, {
      headers: { authorization: `Bearer ${mod}` },
    });
    expect(await csv.text()).toContain('Antrean daring dan langsung per layanan');
  });
});

describe('bookings central takes for the site, through the site feed', () => {
  let t: TestHub;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock(wib('2026-11-25', '06:00'));
    t = await startTestHub({ clock });
  });
  afterAll(async () => {
    await t.stop();
  });

  /** One feed item applied as the puller applies it: through the bus, its id the idempotency key. */
  const apply = (kind: string, payload: Record<string, unknown>, cursor: number) =>
    t.hub.bus.record(
      CENTRAL_ACTOR,
      feedItemCommand(t.hub.feed.kinds, new CentralFeedStore(t.hub.db), 'mpp-kubu-raya-demo'),
      {
        cursor,
        kind,
        id: randomUUID(),
        payload,
        createdAt: new Date(wib('2026-11-25', '06:00')).toISOString(),
      },
      randomUUID(),
      FEED_CALLER,
    );

  it('records a booking made at central, moves and cancels it; the log names each', async () => {
    await apply(
      'booking:made',
      {
        code: 'CENTRAL2',
        serviceId: 'kk',
        date: THU,
        sessionId: 's2',
        start: '10:00',
        end: '12:00',
        name: 'Budi',
        phone: '6281200000002',
        locale: 'id',
        checkInFrom: new Date(wib(THU, '09:30')).toISOString(),
        checkInUntil: new Date(wib(THU, '10:15')).toISOString(),
      },
      1,
    );
    expect((await t.api<BookingView>('GET', '/bookings/CENTRAL2')).body).toMatchObject({ status: 'booked' });
    await apply(
      'booking:moved',
      {
        code: 'CENTRAL2',
        serviceId: 'kk',
        date: THU,
        sessionId: 's3',
        start: '13:00',
        end: '15:00',
        checkInFrom: new Date(wib(THU, '12:30')).toISOString(),
        checkInUntil: new Date(wib(THU, '13:15')).toISOString(),
      },
      2,
    );
    expect((await t.api<BookingView>('GET', '/bookings/CENTRAL2')).body.session.id).toBe('s3');
    await apply('booking:cancelled', { code: 'CENTRAL2' }, 3);
    expect((await t.api<BookingView>('GET', '/bookings/CENTRAL2')).body.status).toBe('cancelled');
    await apply('booking:cancelled', { code: 'CENTRAL2' }, 4);
    const types = (
      t.hub.db
        .prepare(
          "SELECT type FROM events WHERE type LIKE 'booking:%' OR type LIKE 'central:feed%' ORDER BY id",
        )
        .all() as {
        type: string;
      }[]
    ).map((r) => r.type);
    expect(types).toEqual([
      'booking:made',
      'central:feed-applied',
      'booking:moved',
      'central:feed-applied',
      'booking:cancelled',
      'central:feed-applied',
      'central:feed-refused',
    ]);
    expectLogIsTruth(t.hub.db);
  });

  it('marks a feed booking missed when its window closes; thirty days on the clock wake the sweep a bounded number of times', async () => {
    await apply(
      'booking:made',
      {
        code: 'CENTRAL3',
        serviceId: 'kk',
        date: THU,
        sessionId: 's2',
        start: '10:00',
        end: '12:00',
        name: 'Sari',
        phone: '6281200000003',
        locale: 'id',
        checkInFrom: new Date(wib(THU, '09:30')).toISOString(),
        checkInUntil: new Date(wib(THU, '10:15')).toISOString(),
      },
      5,
    );
    const sweeps = vi.spyOn(t.hub.booking, 'sweep');
    try {
      clock.advance(30 * 24 * 3_600_000);
      expect((await t.api<BookingView>('GET', '/bookings/CENTRAL3')).body.status).toBe('no-show');
      const marked = t.hub.db
        .prepare("SELECT at FROM events WHERE type = 'booking:no-show'")
        .pluck()
        .all() as string[];
      // Marked by the alarm at the window's close, not at the next wake of a minute's poll.
      expect(marked.map((at) => Date.parse(at))).toEqual([wib(THU, '10:15') + 1]);
      // Each closing window and at most hourly otherwise, not once a minute (43,200 times).
      expect(sweeps.mock.calls.length).toBeLessThanOrEqual(30 * 24 + 2);
    } finally {
      sweeps.mockRestore();
    }
    expectLogIsTruth(t.hub.db);
  });
});
