import {
  CompensationView,
  CounterView,
  HealthResponse,
  IssuedTicket,
  LoginResponse,
  NoBody,
  RECORD_COMMAND_NAMES,
  RECORD_COMMANDS,
  ServiceView,
  TicketView,
  TimingView,
} from '@giliran/protocol';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7): every service is open, paspor (08:00–12:00) too. */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const MINUTE = 60_000;

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ id: z.string().min(1), en: z.string().min(1) }),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

interface Res {
  readonly status: number;
  readonly body: unknown;
}

function expectError(res: Res, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(ErrorBody.parse(res.body).error.code).toBe(code);
}

function expectStatus(res: Res, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}

describe('REST API', () => {
  let t: TestHub;
  let clock: ManualClock;
  let mod: string;

  beforeEach(async () => {
    clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({ clock });
    mod = await t.login('mod');
  });
  afterEach(async () => {
    await t.stop();
  });

  const post = (path: string, token: string, body?: unknown, headers?: Record<string, string>) =>
    t.api('POST', path, {
      token,
      ...(body === undefined ? {} : { body }),
      ...(headers ? { headers } : {}),
    });
  const get = (path: string, token?: string) => t.api('GET', path, token === undefined ? {} : { token });

  async function issue(serviceId: string, token = KIOSK_TOKEN, priority?: string): Promise<IssuedTicket> {
    const res = await post('/tickets', token, { serviceId, ...(priority ? { priority } : {}) });
    expectStatus(res, 201);
    return IssuedTicket.parse(res.body);
  }
  async function ticket(id: string): Promise<TicketView> {
    const res = await get(`/tickets/${id}`, mod);
    expectStatus(res, 200);
    return TicketView.parse(res.body);
  }
  async function ticketCommand(path: string, token: string, body?: unknown): Promise<TicketView> {
    const res = await post(path, token, body);
    expectStatus(res, 200);
    return TicketView.parse(res.body);
  }
  async function health(): Promise<HealthResponse> {
    const res = await get('/health');
    expectStatus(res, 200);
    return HealthResponse.parse(res.body);
  }
  async function services(token = KIOSK_TOKEN): Promise<Map<string, ServiceView>> {
    const res = await get('/services', token);
    expectStatus(res, 200);
    return new Map(
      z
        .array(ServiceView)
        .parse(res.body)
        .map((s) => [s.id, s]),
    );
  }
  async function counter(id: string): Promise<CounterView> {
    const res = await get('/counters', mod);
    expectStatus(res, 200);
    return must(
      z
        .array(CounterView)
        .parse(res.body)
        .find((c) => c.id === id),
      id,
    );
  }

  describe('GET /api/health', () => {
    it('answers without a token with the site, today and the event position', async () => {
      const before = await health();
      expect(before).toMatchObject({ status: 'ok', site: 'mpp-kubu-raya-demo', serviceDay: '2025-03-10' });
      // A fresh hub's log already holds the site file's accounts and devices and the seeded calendar.
      const opened = before.lastEventId;
      await issue('ktp-el');
      // The ticket and the wait promised with it.
      expect((await health()).lastEventId).toBe(opened + 2);
    });
  });

  describe('POST /api/auth/login', () => {
    it('signs an officer in with token, role and their counter; the token works as a bearer', async () => {
      const res = await post('/auth/login', '', { username: 'loket3', pin: '1234' });
      expectStatus(res, 200);
      const login = LoginResponse.parse(res.body);
      expect(login.role).toBe('officer');
      expect(login.counterId).toBe('loket-3');
      expect(login.token.length).toBeGreaterThanOrEqual(32);
      expect(Date.parse(login.expiresAt)).toBe(clock.now() + 12 * 60 * MINUTE);
      expectStatus(await get('/counters', login.token), 200);

      const modLogin = LoginResponse.parse(
        (await post('/auth/login', '', { username: 'MOD', pin: '1234' })).body,
      );
      expect(modLogin.role).toBe('mod');
      expect(modLogin.counterId).toBeUndefined();
      expect(modLogin.token).not.toBe(login.token);
    });

    it('answers 401 INVALID_CREDENTIALS for a wrong PIN or an unknown user', async () => {
      expectError(
        await post('/auth/login', '', { username: 'loket3', pin: '4321' }),
        401,
        'INVALID_CREDENTIALS',
      );
      expectError(
        await post('/auth/login', '', { username: 'nobody', pin: '1234' }),
        401,
        'INVALID_CREDENTIALS',
      );
    });

    it('holds an address back (429 LOCKED_OUT) after 3 failures, even for the right PIN, for a minute', async () => {
      for (let i = 0; i < 3; i++)
        expectError(
          await post('/auth/login', '', { username: 'loket4', pin: '0000' }),
          401,
          'INVALID_CREDENTIALS',
        );
      const locked = await post('/auth/login', '', { username: 'loket4', pin: '1234' });
      expectError(locked, 429, 'LOCKED_OUT');
      // The form is told when to try again: the whole minute, in seconds.
      expect(locked.headers.get('retry-after')).toBe('60');
      expectError(await post('/auth/login', '', { username: 'LOKET4', pin: '1234' }), 429, 'LOCKED_OUT');
      // Other accounts are not affected.
      expectStatus(await post('/auth/login', '', { username: 'loket5', pin: '1234' }), 200);
      clock.advance(MINUTE - 1500);
      const lastSeconds = await post('/auth/login', '', { username: 'loket4', pin: '1234' });
      expectError(lastSeconds, 429, 'LOCKED_OUT');
      expect(lastSeconds.headers.get('retry-after')).toBe('2');
      clock.advance(500);
      clock.advance(1000);
      expectStatus(await post('/auth/login', '', { username: 'loket4', pin: '1234' }), 200);
    });

    it('does not let parallel guesses get past the 3-failure limit', async () => {
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post('/auth/login', '', { username: 'loket6', pin: String(1000 + i).padStart(4, '0') }),
        ),
      );
      const tried = guesses.filter((r) => r.status === 401).length;
      const refused = guesses.filter((r) => r.status === 429).length;
      // At most 3 PINs may actually be checked before the first wait; the rest must be refused unchecked.
      expect({ tried, refused }).toEqual({ tried: 3, refused: 17 });
      expectError(await post('/auth/login', '', { username: 'loket6', pin: '1234' }), 429, 'LOCKED_OUT');
    });
  });

  describe('GET /api/services and /api/counters', () => {
    it('lists every service with the ServiceView fields, waiting counts and opening state', async () => {
      const before = await services();
      expect(before.size).toBeGreaterThanOrEqual(12);
      expect(before.get('ktp-el')).toMatchObject({
        prefix: 'A',
        waiting: 0,
        estimatedWaitMinutes: 0,
        open: true,
        agency: { id: 'disdukcapil' },
      });
      expect(before.get('skck')?.prefix).toBe('J');
      expect(before.get('paspor')?.open).toBe(true);

      await issue('ktp-el');
      await issue('ktp-el');
      const after = await services(DISPLAY_TOKEN);
      // Two counters serve KTP-el and take the two waiting at once; nothing finished yet, so a third ticket waits
      // one cycle: the SOP standard of steps 4–8 (15 min) plus a minute's walk to the desk.
      expect(after.get('ktp-el')).toMatchObject({ waiting: 2, estimatedWaitMinutes: 16 });
      expect(after.get('kk')?.waiting).toBe(0);

      clock.advance(4 * 60 * MINUTE); // 13:00 local: the passport desk has closed, the rest is open
      const afternoon = await services();
      expect(afternoon.get('paspor')?.open).toBe(false);
      expect(afternoon.get('ktp-el')?.open).toBe(true);
      expectError(await post('/tickets', KIOSK_TOKEN, { serviceId: 'paspor' }), 409, 'SERVICE_CLOSED');
    });

    it('lists the 12 counters with their services, pause state and active ticket', async () => {
      const res = await get('/counters', DISPLAY_TOKEN);
      expectStatus(res, 200);
      const counters = z.array(CounterView).parse(res.body);
      expect(counters).toHaveLength(12);
      expect(counters[0]).toEqual({
        id: 'loket-1',
        name: 'Loket 1',
        serviceIds: ['ktp-el', 'kk'],
        pausedReason: null,
        pausedSince: null,
        activeTicketId: null,
      });
    });
  });

  describe('POST /api/tickets and GET /api/tickets/:id', () => {
    it('issues numbered tickets per service with how many are ahead and an estimate', async () => {
      const a1 = await issue('ktp-el');
      const a2 = await issue('ktp-el', mod);
      const b1 = await issue('kk', await t.login('fo'));
      expect([a1.number, a2.number, b1.number]).toEqual(['A001', 'A002', 'B001']);
      expect(a1).toMatchObject({ serviceId: 'ktp-el', priority: null, ahead: 0, estimatedWaitMinutes: 0 });
      // Two free counters: the second ticket is called as soon as the first (the naive estimate said 8 min).
      expect(a2).toMatchObject({ ahead: 1, estimatedWaitMinutes: 0 });
      expect(a1.issuedAt).toBe(MONDAY_0900);
      expect(a1.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
      expect(new Set([a1.id, a2.id, b1.id]).size).toBe(3);
      // A priority applicant only waits behind other priority tickets.
      const a3 = await issue('ktp-el', KIOSK_TOKEN, 'lansia');
      expect(a3).toMatchObject({ number: 'A003', priority: 'lansia', ahead: 0 });
      const j1 = await issue('skck');
      const j2 = await issue('skck');
      expect(j1.number).toBe('J001');
      // One SKCK desk: J002 waits for J001's whole visit at the desk plus the walk. SKCK publishes 20 minutes with
      // its own 10-minute step 7, so the desk steps 4–8 are 10 + 7¾ of the 10 minutes left for the other steps.
      expect(j2).toMatchObject({ number: 'J002', ahead: 1, estimatedWaitMinutes: 19 });
    });

    it('returns a ticket with its SOP timeline as it moves through the counter', async () => {
      const a1 = await issue('ktp-el');
      const waiting = await ticket(a1.id);
      expect(waiting).toMatchObject({
        id: a1.id,
        code: a1.code,
        number: 'A001',
        serviceDay: '2025-03-10',
        status: 'waiting',
        counterId: null,
        calledAt: null,
        currentStep: null,
        recalls: 0,
      });
      expect(waiting.timeline).toEqual([
        {
          steps: [2, 3],
          startedAt: MONDAY_0900,
          endedAt: null,
          elapsedSeconds: 0,
          standardSeconds: 120,
          late: false,
        },
      ]);

      clock.advance(3 * MINUTE);
      const loket1 = await t.login('loket1');
      const called = await ticketCommand('/counters/loket-1/call-next', loket1);
      expect(called).toMatchObject({ id: a1.id, status: 'called', counterId: 'loket-1' });
      clock.advance(MINUTE);
      await ticketCommand(`/tickets/${a1.id}/step`, loket1);
      clock.advance(30_000);
      const serving = await ticket(a1.id);
      expect(serving.status).toBe('serving');
      expect(serving.currentStep).toBe(4);
      expect(serving.timeline).toHaveLength(2);
      expect(serving.timeline[0]).toMatchObject({
        endedAt: serving.calledAt,
        elapsedSeconds: 180,
        late: true,
      });
      expect(serving.timeline[1]).toMatchObject({
        steps: [4],
        endedAt: null,
        elapsedSeconds: 30,
        standardSeconds: 120,
        late: false,
      });
    });
  });

  describe('counter actions', () => {
    it('call-next calls the oldest waiting ticket (200), refuses while busy, and answers 204 when none waits', async () => {
      const loket1 = await t.login('loket1');
      const loket8 = await t.login('loket8');
      expectStatus(await post('/counters/loket-8/call-next', loket8), 204);

      const a1 = await issue('ktp-el');
      await issue('ktp-el');
      const called = await ticketCommand('/counters/loket-1/call-next', loket1);
      expect(called).toMatchObject({ id: a1.id, number: 'A001', status: 'called', counterId: 'loket-1' });
      expect(called.calledAt).toBe(MONDAY_0900);
      expect((await counter('loket-1')).activeTicketId).toBe(a1.id);
      expectError(await post('/counters/loket-1/call-next', loket1), 409, 'COUNTER_BUSY');

      const loket2 = await t.login('loket2');
      expect((await ticketCommand('/counters/loket-2/call-next', loket2)).number).toBe('A002');
      await ticketCommand(`/tickets/${a1.id}/step`, loket1);
      await ticketCommand(`/tickets/${a1.id}/finish`, loket1);
      const empty = await post('/counters/loket-1/call-next', loket1);
      expectStatus(empty, 204);
      expect(empty.body).toBeNull();
    });

    it('call-ticket calls a chosen waiting ticket, and only one of a service the counter serves', async () => {
      const loket2 = await t.login('loket2');
      const a1 = await issue('ktp-el');
      const a2 = await issue('ktp-el');
      const j1 = await issue('skck');
      expectError(
        await post('/counters/loket-2/call-ticket', loket2, { ticketId: j1.id }),
        409,
        'SERVICE_NOT_AT_COUNTER',
      );
      const chosen = await ticketCommand('/counters/loket-2/call-ticket', loket2, { ticketId: a2.id });
      expect(chosen).toMatchObject({ id: a2.id, status: 'called', counterId: 'loket-2' });
      expect((await ticket(a1.id)).status).toBe('waiting');
      // A ticket that is no longer waiting cannot be called again.
      const loket1 = await t.login('loket1');
      expectError(
        await post('/counters/loket-1/call-ticket', loket1, { ticketId: a2.id }),
        409,
        'INVALID_TRANSITION',
      );
      expect((await ticketCommand('/counters/loket-1/call-next', loket1)).id).toBe(a1.id);
    });

    it('recall counts recalls; no-show needs one recall first (409 NO_SHOW_TOO_EARLY); reactivate requeues', async () => {
      const loket1 = await t.login('loket1');
      expectError(await post('/counters/loket-1/recall', loket1), 409, 'COUNTER_IDLE');
      const a1 = await issue('ktp-el');
      const a2 = await issue('ktp-el');
      await ticketCommand('/counters/loket-1/call-next', loket1);

      expectError(await post(`/tickets/${a1.id}/no-show`, loket1), 409, 'NO_SHOW_TOO_EARLY');
      const recalled = await ticketCommand('/counters/loket-1/recall', loket1);
      expect(recalled).toMatchObject({ id: a1.id, recalls: 1, status: 'called' });
      const gone = await ticketCommand(`/tickets/${a1.id}/no-show`, loket1);
      expect(gone).toMatchObject({ id: a1.id, status: 'no_show' });
      expect((await counter('loket-1')).activeTicketId).toBeNull();
      expect((await services()).get('ktp-el')?.waiting).toBe(1);

      const back = await ticketCommand(`/tickets/${a1.id}/reactivate`, await t.login('fo'));
      expect(back).toMatchObject({
        id: a1.id,
        status: 'waiting',
        counterId: null,
        recalls: 0,
        number: 'A001',
      });
      expectError(await post(`/tickets/${a1.id}/reactivate`, mod), 409, 'INVALID_TRANSITION');
      // It keeps its original issue time, so it is called before A002.
      expect((await ticketCommand('/counters/loket-1/call-next', loket1)).id).toBe(a1.id);
      expect((await ticket(a2.id)).status).toBe('waiting');
    });

    it('pause and resume a counter, with the state rules around them', async () => {
      const loket1 = await t.login('loket1');
      const paused = await post('/counters/loket-1/pause', loket1, { reason: 'sholat' });
      expectStatus(paused, 200);
      expect(CounterView.parse(paused.body)).toMatchObject({
        id: 'loket-1',
        pausedReason: 'sholat',
        pausedSince: MONDAY_0900,
        activeTicketId: null,
      });
      await issue('ktp-el');
      expectError(await post('/counters/loket-1/call-next', loket1), 409, 'COUNTER_PAUSED');
      expectError(
        await post('/counters/loket-1/pause', loket1, { reason: 'istirahat' }),
        409,
        'COUNTER_PAUSED',
      );
      // Only loket-2 is open for KTP-el now.
      expect((await services()).get('ktp-el')?.estimatedWaitMinutes).toBe(15);

      const resumed = await post('/counters/loket-1/resume', loket1);
      expectStatus(resumed, 200);
      expect(CounterView.parse(resumed.body)).toMatchObject({ pausedReason: null, pausedSince: null });
      expectError(await post('/counters/loket-1/resume', loket1), 409, 'COUNTER_NOT_PAUSED');
      await ticketCommand('/counters/loket-1/call-next', loket1);
      expectError(
        await post('/counters/loket-1/pause', loket1, { reason: 'istirahat' }),
        409,
        'COUNTER_BUSY',
      );
    });
  });

  describe('ticket actions', () => {
    it('steps through 4..8, then 409 LAST_STEP_REACHED; finish closes the ticket and frees the counter', async () => {
      const loket1 = await t.login('loket1');
      const a1 = await issue('ktp-el');
      const a2 = await issue('ktp-el');
      await ticketCommand('/counters/loket-1/call-next', loket1);
      expectError(await post(`/tickets/${a1.id}/finish`, loket1), 409, 'INVALID_TRANSITION');

      const steps: (number | null)[] = [];
      for (let i = 0; i < 5; i++) {
        clock.advance(MINUTE);
        const view = await ticketCommand(`/tickets/${a1.id}/step`, loket1);
        expect(view.status).toBe('serving');
        steps.push(view.currentStep);
      }
      expect(steps).toEqual([4, 5, 6, 7, 8]);
      expectError(await post(`/tickets/${a1.id}/step`, loket1), 409, 'LAST_STEP_REACHED');

      clock.advance(MINUTE);
      const done = await ticketCommand(`/tickets/${a1.id}/finish`, loket1, { outcome: 'completed' });
      expect(done).toMatchObject({ status: 'done', currentStep: null, counterId: 'loket-1' });
      expect(done.finishedAt).toBe(new Date(clock.now()).toISOString());
      expect(done.timeline.map((e) => e.steps)).toEqual([[2, 3], [4], [5], [6], [7], [8]]);
      expect(done.timeline.every((e) => e.endedAt !== null)).toBe(true);
      expectError(await post(`/tickets/${a1.id}/finish`, loket1), 409, 'INVALID_TRANSITION');
      expectError(await post(`/tickets/${a1.id}/step`, loket1), 409, 'INVALID_TRANSITION');

      expect((await counter('loket-1')).activeTicketId).toBeNull();
      const next = await ticketCommand('/counters/loket-1/call-next', loket1);
      expect(next.id).toBe(a2.id);
      await ticketCommand(`/tickets/${a2.id}/step`, loket1);
      const handed = await ticketCommand(`/tickets/${a2.id}/finish`, loket1, { outcome: 'handed_to_agency' });
      expect(handed.status).toBe('done');
    });

    it('transfer keeps the number and the ticket is then called at a counter of the new service', async () => {
      const loket1 = await t.login('loket1');
      const loket8 = await t.login('loket8');
      const a1 = await issue('ktp-el');
      await ticketCommand('/counters/loket-1/call-next', loket1);
      await ticketCommand(`/tickets/${a1.id}/step`, loket1);
      expectError(
        await post(`/tickets/${a1.id}/transfer`, loket1, { serviceId: 'ktp-el' }),
        409,
        'SAME_SERVICE',
      );
      expectError(
        await post(`/tickets/${a1.id}/transfer`, loket1, { serviceId: 'no-such-service' }),
        404,
        'SERVICE_NOT_FOUND',
      );

      const moved = await ticketCommand(`/tickets/${a1.id}/transfer`, loket1, { serviceId: 'skck' });
      expect(moved).toMatchObject({
        id: a1.id,
        number: 'A001',
        serviceId: 'skck',
        status: 'transferred',
        counterId: null,
      });
      expect((await counter('loket-1')).activeTicketId).toBeNull();
      const load = await services();
      expect(load.get('skck')?.waiting).toBe(1);
      expect(load.get('ktp-el')?.waiting).toBe(0);
      // Loket 1 no longer sees it; the SKCK counter calls it under its old number.
      expectStatus(await post('/counters/loket-1/call-next', loket1), 204);
      const there = await ticketCommand('/counters/loket-8/call-next', loket8);
      expect(there).toMatchObject({ id: a1.id, number: 'A001', serviceId: 'skck', counterId: 'loket-8' });
      // A new SKCK ticket still starts at J001: the transfer took no number from that service.
      expect((await issue('skck')).number).toBe('J001');
    });

    it('cancel removes a waiting or called ticket from the queue', async () => {
      const fo = await t.login('fo');
      const loket1 = await t.login('loket1');
      const a1 = await issue('ktp-el');
      const a2 = await issue('ktp-el');
      const cancelled = await ticketCommand(`/tickets/${a1.id}/cancel`, fo);
      expect(cancelled).toMatchObject({ id: a1.id, status: 'cancelled' });
      expect(cancelled.finishedAt).toBe(MONDAY_0900);
      expect((await services()).get('ktp-el')?.waiting).toBe(1);
      expectError(await post(`/tickets/${a1.id}/cancel`, fo), 409, 'INVALID_TRANSITION');

      expect((await ticketCommand('/counters/loket-1/call-next', loket1)).id).toBe(a2.id);
      await ticketCommand(`/tickets/${a2.id}/cancel`, loket1);
      expect((await counter('loket-1')).activeTicketId).toBeNull();
      expectStatus(await post('/counters/loket-1/call-next', loket1), 204);
    });
  });

  describe('GET /api/timings', () => {
    it('lists every active ticket with its phase and elapsed time against the standard', async () => {
      const loket1 = await t.login('loket1');
      const a1 = await issue('ktp-el');
      const a2 = await issue('ktp-el');
      const b1 = await issue('kk');
      await ticketCommand('/counters/loket-1/call-next', loket1);
      clock.advance(MINUTE);
      await ticketCommand(`/tickets/${b1.id}/cancel`, mod);

      const res = await get('/timings', DISPLAY_TOKEN);
      expectStatus(res, 200);
      const timings = new Map(
        z
          .array(TimingView)
          .parse(res.body)
          .map((x) => [x.ticketId, x]),
      );
      expect([...timings.keys()].sort()).toEqual([a1.id, a2.id].sort());
      expect(timings.get(a1.id)).toMatchObject({
        phase: 'called',
        counterId: 'loket-1',
        step: null,
        since: MONDAY_0900,
        elapsedSeconds: 60,
        standardSeconds: 120, // callAnswerMinutes
        status: 'ok',
        compensationDueAt: null,
      });
      expect(timings.get(a2.id)).toMatchObject({
        phase: 'waiting',
        step: 3,
        elapsedSeconds: 60,
        standardSeconds: 120,
        compensationDueAt: new Date(Date.parse(MONDAY_0900) + 17 * MINUTE).toISOString(),
      });

      clock.advance(MINUTE);
      await ticketCommand(`/tickets/${a1.id}/step`, loket1);
      clock.advance(100_000);
      const later = z.array(TimingView).parse((await get('/timings', mod)).body);
      expect(later.find((x) => x.ticketId === a1.id)).toMatchObject({
        phase: 'serving',
        step: 4,
        elapsedSeconds: 100,
        standardSeconds: 120,
        status: 'warning',
      });
      expect(later.find((x) => x.ticketId === a2.id)?.status).toBe('late');
    });
  });

  describe('compensations', () => {
    it('raises a manual compensation, lists it, resolves it once', async () => {
      const a1 = await issue('ktp-el');
      const raised = await post('/compensations', mod, {
        kind: 'fee_mismatch',
        ticketId: a1.id,
        counterId: 'loket-1',
        note: 'Dipungut biaya tambahan',
      });
      expectStatus(raised, 201);
      const record = CompensationView.parse(raised.body);
      expect(record).toMatchObject({
        kind: 'fee_mismatch',
        ticketId: a1.id,
        counterId: 'loket-1',
        tier: null,
        remedy: { id: 'Permohonan maaf', en: 'An apology' },
        officerConsequence: 'teguran_dan_sanksi',
        note: 'Dipungut biaya tambahan',
        raisedAt: MONDAY_0900,
        raisedBy: 'mod',
        resolution: null,
      });

      const all = z.array(CompensationView).parse((await get('/compensations', mod)).body);
      expect(all.map((c) => c.id)).toEqual([record.id]);
      const open = z.array(CompensationView).parse((await get('/compensations?open=true', mod)).body);
      expect(open.map((c) => c.id)).toEqual([record.id]);

      clock.advance(MINUTE);
      const resolved = await post(`/compensations/${record.id}/resolve`, mod, {
        remedyGiven: 'Permohonan maaf disampaikan, biaya dikembalikan',
        officerConsequence: 'teguran',
      });
      expectStatus(resolved, 200);
      expect(CompensationView.parse(resolved.body).resolution).toEqual({
        at: new Date(Date.parse(MONDAY_0900) + MINUTE).toISOString(),
        by: 'mod',
        remedyGiven: 'Permohonan maaf disampaikan, biaya dikembalikan',
        officerConsequence: 'teguran',
        note: null,
      });
      expect(z.array(CompensationView).parse((await get('/compensations?open=true', mod)).body)).toEqual([]);
      const listed = z.array(CompensationView).parse((await get('/compensations', mod)).body);
      expect(listed[0]?.resolution?.by).toBe('mod');

      expectError(
        await post(`/compensations/${record.id}/resolve`, mod, { remedyGiven: 'lagi' }),
        409,
        'COMPENSATION_ALREADY_RESOLVED',
      );
      expectError(
        await post('/compensations/no-such-record/resolve', mod, { remedyGiven: 'x' }),
        404,
        'COMPENSATION_NOT_FOUND',
      );
      expectError(
        await post('/compensations', mod, { kind: 'fee_mismatch', ticketId: 'nope' }),
        404,
        'TICKET_NOT_FOUND',
      );
    });

    it('raises late-service compensation by itself, which the serving officer resolves', async () => {
      const a1 = await issue('ktp-el');
      clock.advance(17 * MINUTE - 1000);
      expect(z.array(CompensationView).parse((await get('/compensations', mod)).body)).toEqual([]);
      clock.advance(2000);
      const raised = z.array(CompensationView).parse((await get('/compensations?open=true', mod)).body);
      expect(raised).toHaveLength(1);
      const late = must(raised[0], 'late compensation');
      expect(late).toMatchObject({
        kind: 'late_service',
        ticketId: a1.id,
        tier: 0,
        remedy: { id: 'Permohonan maaf dan minuman gratis' },
        raisedBy: 'system',
      });

      const loket1 = await t.login('loket1');
      await ticketCommand('/counters/loket-1/call-next', loket1);
      const resolved = await post(`/compensations/${late.id}/resolve`, loket1, { remedyGiven: 'Teh manis' });
      expectStatus(resolved, 200);
      expect(CompensationView.parse(resolved.body).resolution).toMatchObject({
        by: 'loket1',
        remedyGiven: 'Teh manis',
      });
    });
  });

  describe('Idempotency-Key', () => {
    it('a replayed call-next returns the same ticket and calls nothing new', async () => {
      const loket1 = await t.login('loket1');
      const a1 = await issue('ktp-el');
      const a2 = await issue('ktp-el');
      const key = { 'idempotency-key': 'press-0001-loket1' };

      const first = await post('/counters/loket-1/call-next', loket1, undefined, key);
      expectStatus(first, 200);
      expect(TicketView.parse(first.body).id).toBe(a1.id);
      const position = (await health()).lastEventId;

      const replay = await post('/counters/loket-1/call-next', loket1, undefined, key);
      expectStatus(replay, 200);
      expect(TicketView.parse(replay.body).id).toBe(a1.id);
      expect((await health()).lastEventId).toBe(position);

      // Even once the counter is free again, the old key does not call A002.
      await ticketCommand(`/tickets/${a1.id}/step`, loket1);
      await ticketCommand(`/tickets/${a1.id}/finish`, loket1);
      const afterFinish = (await health()).lastEventId;
      const late = await post('/counters/loket-1/call-next', loket1, undefined, key);
      expectStatus(late, 200);
      expect(TicketView.parse(late.body)).toMatchObject({ id: a1.id, status: 'done' });
      expect((await health()).lastEventId).toBe(afterFinish);
      expect((await ticket(a2.id)).status).toBe('waiting');
      expect((await counter('loket-1')).activeTicketId).toBeNull();

      // A new key is a new press.
      const fresh = await post('/counters/loket-1/call-next', loket1, undefined, {
        'idempotency-key': 'press-0002-loket1',
      });
      expect(TicketView.parse(fresh.body).id).toBe(a2.id);
      // The same key for another command is a conflict.
      expectError(
        await post('/counters/loket-1/pause', loket1, { reason: 'istirahat' }, key),
        409,
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('a replayed issue returns the same ticket and takes no new number', async () => {
      const key = { 'idempotency-key': 'kiosk-print-0001' };
      const first = await post('/tickets', KIOSK_TOKEN, { serviceId: 'ktp-el' }, key);
      const second = await post('/tickets', KIOSK_TOKEN, { serviceId: 'ktp-el' }, key);
      expectStatus(first, 201);
      expectStatus(second, 201);
      expect(IssuedTicket.parse(second.body).id).toBe(IssuedTicket.parse(first.body).id);
      expect((await services()).get('ktp-el')?.waiting).toBe(1);
      expect((await issue('ktp-el')).number).toBe('A002');
    });
  });

  describe('GET /api/openapi.json', () => {
    it('documents every route used above, and every documented route exists', async () => {
      const res = await get('/openapi.json');
      expectStatus(res, 200);
      const doc = z
        .object({ openapi: z.string(), paths: z.record(z.string(), z.record(z.string(), z.unknown())) })
        .parse(res.body);
      expect(doc.openapi).toMatch(/^3\./);
      const used: [string, string][] = [
        ['get', '/api/health'],
        ['post', '/api/auth/login'],
        ['get', '/api/services'],
        ['get', '/api/counters'],
        ['post', '/api/tickets'],
        ['get', '/api/tickets/{id}'],
        ['post', '/api/tickets/{ticketId}/step'],
        ['post', '/api/tickets/{ticketId}/finish'],
        ['post', '/api/tickets/{ticketId}/no-show'],
        ['post', '/api/tickets/{ticketId}/reactivate'],
        ['post', '/api/tickets/{ticketId}/transfer'],
        ['post', '/api/tickets/{ticketId}/cancel'],
        ['post', '/api/counters/{counterId}/call-next'],
        ['post', '/api/counters/{counterId}/call-ticket'],
        ['post', '/api/counters/{counterId}/recall'],
        ['post', '/api/counters/{counterId}/pause'],
        ['post', '/api/counters/{counterId}/resume'],
        ['get', '/api/timings'],
        ['get', '/api/compensations'],
        ['post', '/api/compensations'],
        ['post', '/api/compensations/{compensationId}/resolve'],
      ];
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method} ${path}`),
      );
      // Other routes may be documented too; every one used here must be.
      for (const [m, p] of used) expect(documented, `${m} ${p}`).toContain(`${m} ${p}`);

      // Every documented operation is routed: the answer is never the catch-all NOT_FOUND.
      const everyDocumented = documented.map((entry) => entry.split(' ') as [string, string]);
      for (const [method, path] of everyDocumented) {
        const concrete = path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, 'x-1');
        const answer = await t.api(method.toUpperCase(), concrete, { token: mod });
        const code = ErrorBody.safeParse(answer.body).data?.error.code;
        expect(code, `${method} ${path}`).not.toBe('NOT_FOUND');
      }
    });

    it('describes every command of the one table with the schemas the hub parses it with', async () => {
      const res = await get('/openapi.json');
      const Op = z.looseObject({
        'x-command': z.string(),
        'x-socket-event': z.string().nullable(),
        parameters: z.array(z.looseObject({ name: z.string(), in: z.string(), schema: z.unknown() })),
        requestBody: z
          .object({ content: z.object({ 'application/json': z.object({ schema: z.unknown() }) }) })
          .optional(),
      });
      const doc = z
        .object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) })
        .parse(res.body);
      const json = (schema: z.ZodType): unknown =>
        JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'input' })));
      for (const name of RECORD_COMMAND_NAMES) {
        const def = RECORD_COMMANDS[name];
        const path = `/api${def.rest.path.replace(/:(\w+)/g, '{$1}')}`;
        const op = Op.parse(doc.paths[path]?.[def.rest.method]);
        expect(op['x-command']).toBe(name);
        expect(op['x-socket-event'], name).toBe(def.socket);
        const body = op.requestBody?.content['application/json'].schema;
        expect(body, name).toEqual(def.body === NoBody ? undefined : json(def.body));
        const shape: Readonly<Record<string, z.ZodType>> = def.params.shape;
        for (const [param, schema] of Object.entries(shape)) {
          const described = op.parameters.find((p) => p.in === 'path' && p.name === param);
          expect(described?.schema, `${name} :${param}`).toEqual(json(schema));
        }
      }
    });
  });
});
