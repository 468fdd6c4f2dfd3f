import {
  COMMAND_NAMES,
  CompensationView,
  CounterView,
  HealthResponse,
  IssuedTicket,
  TicketView,
  type CommandName,
} from '@giliran/protocol';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import {
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  startTestHub,
  type ClientSocket,
  type TestHub,
} from '../support/hub-harness.ts';

/**
 * Who may do what. `ok` = allowed (the fixture makes the command succeed), `401` = not signed in,
 * `403` = signed in but the role may not, or an officer acting on another counter.
 * Columns: no token, kiosk device, display device, officer of loket-3 (another counter),
 * officer of loket-1 (the counter concerned), front office, manager on duty.
 * Rules: roles and ownedByOfficer in apps/hub/src/commands/command-table.ts; reads in http/api-routes.ts.
 * Every command acts on counter loket-1 or on a ticket at loket-1; `cancel-waiting` acts on a waiting KTP-el
 * ticket, which loket-1 serves and loket-3 does not ("or on a waiting one their counter serves").
 */
const COMMAND_MATRIX = `
  route                 none  kiosk  display  other-officer  officer  fo   mod
  issue                 401   ok     403      403            403      ok   ok
  call-next             401   403    403      403            ok       403  ok
  call-ticket           401   403    403      403            ok       403  ok
  recall                401   403    403      403            ok       403  ok
  pause                 401   403    403      403            ok       403  ok
  resume                401   403    403      403            ok       403  ok
  step                  401   403    403      403            ok       403  ok
  finish                401   403    403      403            ok       403  ok
  no-show               401   403    403      403            ok       403  ok
  reactivate            401   403    403      403            ok       ok   ok
  transfer              401   403    403      403            ok       403  ok
  cancel                401   403    403      403            ok       ok   ok
  cancel-waiting        401   403    403      403            ok       ok   ok
  compensation-raise    401   403    403      403            403      403  ok
  compensation-resolve  401   403    403      403            ok       403  ok
`;

// The ticket read here was issued by MOD: a kiosk reads only the tickets it issued itself.
const READ_MATRIX = `
  route                 none  kiosk  display  other-officer  officer  fo   mod
  services              401   ok     ok       ok             ok       ok   ok
  tickets/:id           401   403    ok       ok             ok       ok   ok
  timings               401   403    ok       ok             ok       ok   ok
  compensations         401   403    403      ok             ok       ok   ok
  counters              401   403    ok       ok             ok       ok   ok
`;

const ACTORS = ['none', 'kiosk', 'display', 'other-officer', 'officer', 'fo', 'mod'] as const;
type ActorName = (typeof ACTORS)[number];
type Expected = 'ok' | '401' | '403';

interface Cell {
  readonly route: string;
  readonly actor: ActorName;
  readonly expected: Expected;
}

function parseMatrix(table: string): Cell[] {
  const [header, ...rows] = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  expect(header).toEqual(['route', ...ACTORS]);
  return rows.flatMap(([route = '', ...values]) => {
    expect(values, route).toHaveLength(ACTORS.length);
    return ACTORS.map((actor, i) => {
      const expected = values[i];
      if (expected !== 'ok' && expected !== '401' && expected !== '403') throw new Error(`bad cell ${route}`);
      return { route, actor, expected };
    });
  });
}

const COMMAND_CELLS = parseMatrix(COMMAND_MATRIX);
const READ_CELLS = parseMatrix(READ_MATRIX);

/** Monday 10 March 2025, 09:00 in Pontianak. */
const START = '2025-03-10T02:00:00.000Z';
const MINUTE = 60_000;

type Fixture =
  'none' | 'waiting' | 'free' | 'paused' | 'called' | 'serving' | 'recalled' | 'no-show' | 'late';

interface Prepared {
  readonly ticketId: string;
  readonly compensationId: string;
}

interface CommandRoute {
  readonly event: CommandName;
  readonly fixture: Fixture;
  readonly status: 200 | 201;
  /** Express-style path below /api; `:name` comes from `params`. */
  readonly path: string;
  readonly params: (p: Prepared) => Record<string, string>;
  readonly body?: (p: Prepared) => Record<string, unknown>;
}

const atLoket1 = () => ({ counterId: 'loket-1' });
const theTicket = (p: Prepared) => ({ ticketId: p.ticketId });

const COMMAND_ROUTES: Readonly<Record<string, CommandRoute>> = {
  issue: {
    event: 'ticket:issue',
    fixture: 'none',
    status: 201,
    path: '/tickets',
    params: () => ({}),
    body: () => ({ serviceId: 'ktp-el' }),
  },
  'call-next': {
    event: 'counter:call-next',
    fixture: 'waiting',
    status: 200,
    path: '/counters/:counterId/call-next',
    params: atLoket1,
  },
  'call-ticket': {
    event: 'counter:call-ticket',
    fixture: 'waiting',
    status: 200,
    path: '/counters/:counterId/call-ticket',
    params: atLoket1,
    body: theTicket,
  },
  recall: {
    event: 'counter:recall',
    fixture: 'called',
    status: 200,
    path: '/counters/:counterId/recall',
    params: atLoket1,
  },
  pause: {
    event: 'counter:pause',
    fixture: 'free',
    status: 200,
    path: '/counters/:counterId/pause',
    params: atLoket1,
    body: () => ({ reason: 'istirahat' }),
  },
  resume: {
    event: 'counter:resume',
    fixture: 'paused',
    status: 200,
    path: '/counters/:counterId/resume',
    params: atLoket1,
  },
  step: {
    event: 'ticket:step',
    fixture: 'called',
    status: 200,
    path: '/tickets/:ticketId/step',
    params: theTicket,
  },
  finish: {
    event: 'ticket:finish',
    fixture: 'serving',
    status: 200,
    path: '/tickets/:ticketId/finish',
    params: theTicket,
  },
  'no-show': {
    event: 'ticket:no-show',
    fixture: 'recalled',
    status: 200,
    path: '/tickets/:ticketId/no-show',
    params: theTicket,
  },
  reactivate: {
    event: 'ticket:reactivate',
    fixture: 'no-show',
    status: 200,
    path: '/tickets/:ticketId/reactivate',
    params: theTicket,
  },
  transfer: {
    event: 'ticket:transfer',
    fixture: 'called',
    status: 200,
    path: '/tickets/:ticketId/transfer',
    params: theTicket,
    body: () => ({ serviceId: 'skck' }),
  },
  cancel: {
    event: 'ticket:cancel',
    fixture: 'called',
    status: 200,
    path: '/tickets/:ticketId/cancel',
    params: theTicket,
  },
  'cancel-waiting': {
    event: 'ticket:cancel',
    fixture: 'waiting',
    status: 200,
    path: '/tickets/:ticketId/cancel',
    params: theTicket,
  },
  'compensation-raise': {
    event: 'compensation:raise',
    fixture: 'none',
    status: 201,
    path: '/compensations',
    params: () => ({}),
    body: () => ({ kind: 'officer_incompetent', counterId: 'loket-1', note: 'uji akses' }),
  },
  'compensation-resolve': {
    event: 'compensation:resolve',
    fixture: 'late',
    status: 200,
    path: '/compensations/:compensationId/resolve',
    params: (p) => ({ compensationId: p.compensationId }),
    body: () => ({ remedyGiven: 'Permohonan maaf dan teh manis' }),
  },
};

const READ_ROUTES: Readonly<Record<string, (ticketId: string) => string>> = {
  services: () => '/services',
  'tickets/:id': (id) => `/tickets/${id}`,
  timings: () => '/timings',
  compensations: () => '/compensations',
  counters: () => '/counters',
};

const Ack = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string() }) }),
]);
const ErrorBody = z.object({ error: z.object({ code: z.string() }) });

describe('access: who may use which route', () => {
  let t: TestHub;
  let clock: ManualClock;
  const tokens = new Map<ActorName, string>();
  const sockets = new Map<ActorName, ClientSocket>();
  let readTicketId = '';

  const modToken = (): string => tokens.get('mod') ?? '';

  async function asMod(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await t.api(method, path, { token: modToken(), ...(body === undefined ? {} : { body }) });
    if (res.status >= 300)
      throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function lastEventId(): Promise<number> {
    return HealthResponse.parse((await t.api('GET', '/health')).body).lastEventId;
  }
  async function issue(): Promise<string> {
    return IssuedTicket.parse(await asMod('POST', '/tickets', { serviceId: 'ktp-el' })).id;
  }
  async function freeLoket1(): Promise<void> {
    const counters = z.array(CounterView).parse(await asMod('GET', '/counters'));
    const loket1 = counters.find((c) => c.id === 'loket-1');
    if (loket1?.activeTicketId) await asMod('POST', `/tickets/${loket1.activeTicketId}/cancel`);
    if (loket1?.pausedReason) await asMod('POST', '/counters/loket-1/resume');
  }
  async function calledAtLoket1(): Promise<string> {
    await freeLoket1();
    const id = await issue();
    await asMod('POST', '/counters/loket-1/call-ticket', { ticketId: id });
    return id;
  }

  async function prepare(fixture: Fixture): Promise<Prepared> {
    const none = { ticketId: 'none', compensationId: 'none' };
    switch (fixture) {
      case 'none':
        return none;
      case 'waiting':
        await freeLoket1();
        return { ...none, ticketId: await issue() };
      case 'free':
        await freeLoket1();
        return none;
      case 'paused':
        await freeLoket1();
        await asMod('POST', '/counters/loket-1/pause', { reason: 'sholat' });
        return none;
      case 'called':
        return { ...none, ticketId: await calledAtLoket1() };
      case 'serving': {
        const ticketId = await calledAtLoket1();
        await asMod('POST', `/tickets/${ticketId}/step`);
        return { ...none, ticketId };
      }
      case 'recalled': {
        const ticketId = await calledAtLoket1();
        await asMod('POST', '/counters/loket-1/recall');
        return { ...none, ticketId };
      }
      case 'no-show': {
        const ticketId = await calledAtLoket1();
        await asMod('POST', '/counters/loket-1/recall');
        await asMod('POST', `/tickets/${ticketId}/no-show`);
        return { ...none, ticketId };
      }
      case 'late': {
        // Waiting past 2 + 15 minutes raises late-service compensation; loket-1 then calls the ticket.
        await freeLoket1();
        const ticketId = await issue();
        clock.advance(18 * MINUTE);
        await asMod('POST', '/counters/loket-1/call-ticket', { ticketId });
        const open = z.array(CompensationView).parse(await asMod('GET', '/compensations?open=true'));
        const record = open.find((c) => c.ticketId === ticketId && c.kind === 'late_service');
        if (!record) throw new Error('fixture: no late-service compensation was raised');
        return { ticketId, compensationId: record.id };
      }
    }
  }

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await startTestHub({ clock });
    tokens.set('kiosk', KIOSK_TOKEN);
    tokens.set('display', DISPLAY_TOKEN);
    tokens.set('other-officer', await t.login('loket3'));
    tokens.set('officer', await t.login('loket1'));
    tokens.set('fo', await t.login('fo'));
    tokens.set('mod', await t.login('mod'));
    for (const [actor, token] of tokens) sockets.set(actor, await t.socket(token));
    readTicketId = await issue();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('the matrices cover every route exactly once', () => {
    expect([...new Set(COMMAND_CELLS.map((c) => c.route))].sort()).toEqual(
      Object.keys(COMMAND_ROUTES).sort(),
    );
    expect([...new Set(READ_CELLS.map((c) => c.route))].sort()).toEqual(Object.keys(READ_ROUTES).sort());
    // The fourteen queue and compensation commands of the protocol all appear in the matrix.
    const events = new Set(Object.values(COMMAND_ROUTES).map((r) => r.event));
    expect(events.size).toBe(14);
    for (const event of events) expect(COMMAND_NAMES).toContain(event);
  });

  describe('commands over REST', () => {
    it.each(COMMAND_CELLS)('$route by $actor → $expected', async ({ route, actor, expected }) => {
      const spec = COMMAND_ROUTES[route];
      if (!spec) throw new Error(`no route ${route}`);
      const prepared = await prepare(spec.fixture);
      const params = spec.params(prepared);
      const path = spec.path.replace(/:(\w+)/g, (_m, key: string) => params[key] ?? key);
      const token = tokens.get(actor);
      const before = await lastEventId();
      const body = spec.body?.(prepared);
      const res = await t.api('POST', path, {
        ...(token === undefined ? {} : { token }),
        ...(body === undefined ? {} : { body }),
      });
      if (expected === 'ok') {
        expect(res.status, JSON.stringify(res.body)).toBe(spec.status);
        expect(await lastEventId()).toBeGreaterThan(before);
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(Number(expected));
        expect(ErrorBody.parse(res.body).error.code).toBe(
          expected === '401' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        );
        expect(await lastEventId()).toBe(before);
      }
    });
  });

  describe('commands over Socket.IO (same rules)', () => {
    const cells = COMMAND_CELLS.filter((c) => c.actor !== 'none');
    it.each(cells)('$route by $actor → $expected', async ({ route, actor, expected }) => {
      const spec = COMMAND_ROUTES[route];
      const socket = sockets.get(actor);
      if (!spec || !socket) throw new Error(`no route ${route} or socket ${actor}`);
      const prepared = await prepare(spec.fixture);
      const payload = { ...spec.params(prepared), ...spec.body?.(prepared) };
      const before = await lastEventId();
      const ack = Ack.parse(
        await (socket as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(
          spec.event,
          payload,
        ),
      );
      if (expected === 'ok') {
        expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
        expect(await lastEventId()).toBeGreaterThan(before);
      } else {
        expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await lastEventId()).toBe(before);
      }
    });

    it('refuses a socket without a token or with an unknown one', async () => {
      await expect(t.socket('')).rejects.toThrow(/UNAUTHENTICATED/);
      await expect(t.socket('loket1')).rejects.toThrow(/UNAUTHENTICATED/);
    });
  });

  describe('reads over REST', () => {
    it.each(READ_CELLS)('$route by $actor → $expected', async ({ route, actor, expected }) => {
      const pathOf = READ_ROUTES[route];
      if (!pathOf) throw new Error(`no route ${route}`);
      const token = tokens.get(actor);
      const res = await t.api('GET', pathOf(readTicketId), token === undefined ? {} : { token });
      if (expected === 'ok') {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        if (route === 'tickets/:id') expect(TicketView.parse(res.body).id).toBe(readTicketId);
        else expect(Array.isArray(res.body)).toBe(true);
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(Number(expected));
        expect(ErrorBody.parse(res.body).error.code).toBe(
          expected === '401' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        );
      }
    });
  });

  describe('an officer cannot step outside their counter', () => {
    it('the path names the counter: a counterId in the body does not redirect the command', async () => {
      await prepare('waiting');
      const before = await lastEventId();
      const res = await t.api('POST', '/counters/loket-1/call-next', {
        token: tokens.get('other-officer') ?? '',
        body: { counterId: 'loket-3' },
      });
      expect(res.status).toBe(403);
      expect(await lastEventId()).toBe(before);
    });

    it('an officer may not resolve a manual compensation, even one naming their counter', async () => {
      const raised = CompensationView.parse(
        await asMod('POST', '/compensations', { kind: 'fee_mismatch', counterId: 'loket-1' }),
      );
      const res = await t.api('POST', `/compensations/${raised.id}/resolve`, {
        token: tokens.get('officer') ?? '',
        body: { remedyGiven: 'maaf' },
      });
      expect(res.status).toBe(403);
    });

    it('an officer may act on a ticket that is gone from their desk only while it stays theirs', async () => {
      // A ticket loket-1 finished stays "at" loket-1: the domain answers, not the access check.
      const ticketId = await calledAtLoket1();
      await asMod('POST', `/tickets/${ticketId}/step`);
      await asMod('POST', `/tickets/${ticketId}/finish`);
      const own = await t.api('POST', `/tickets/${ticketId}/step`, { token: tokens.get('officer') ?? '' });
      expect(own.status).toBe(409);
      const other = await t.api('POST', `/tickets/${ticketId}/step`, {
        token: tokens.get('other-officer') ?? '',
      });
      expect(other.status).toBe(403);
      // An unknown ticket is left to the domain (404), as command-table.ts says.
      const unknown = await t.api('POST', '/tickets/no-such-ticket/step', {
        token: tokens.get('other-officer') ?? '',
      });
      expect(unknown.status).toBe(404);
    });
  });
});
