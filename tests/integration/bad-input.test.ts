import {
  COMMAND_NAMES,
  CompensationView,
  CounterView,
  ERRORS,
  HealthResponse,
  IssuedTicket,
  ServiceView,
  TicketView,
  type ErrorCode,
} from '@giliran/protocol';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, startTestHub, type ClientSocket, type TestHub } from '../support/hub-harness.ts';

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ id: z.string().min(1), en: z.string().min(1) }),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
type ErrorBody = z.infer<typeof ErrorBody>;

const Ack = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorBody.shape.error }),
]);

type Who = 'none' | 'kiosk' | 'fo' | 'mod' | 'loket1';

interface Case {
  readonly name: string;
  readonly method?: string;
  /** Full path; `{A001}` and `{COMP}` are replaced by fixture ids. */
  readonly path: string;
  readonly who?: Who;
  /** An object is sent as JSON; a string is sent as it is, with a JSON content type. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** `client-error`: any 4xx with a coded bilingual error other than INTERNAL. */
  readonly status: number | 'client-error';
  readonly code?: ErrorCode;
}

const LONG = 'x'.repeat(17 * 1024);
const DEEP_ARRAY = `${'['.repeat(4000)}${']'.repeat(4000)}`;

const CASES: readonly Case[] = [
  // Messages (issue 18): a number that is no Indonesian mobile, a bad id, templates with a kind missing.
  {
    name: 'contact with a landline-length number',
    path: '/api/messages/contacts',
    who: 'kiosk',
    body: { ticketId: 'x', phone: '12345' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'contact with a script in the number',
    path: '/api/messages/contacts',
    who: 'fo',
    body: { ticketId: 'x', phone: '<script>0812</script>' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'retry of a message id that is no number',
    path: '/api/messages/abc/retry',
    who: 'mod',
    status: 404,
    code: 'MESSAGE_NOT_FOUND',
  },
  {
    name: 'message templates with a kind missing',
    method: 'PUT',
    path: '/api/settings/message-templates',
    who: 'mod',
    body: { templates: { 'ticket-link': { id: 'x', en: 'y' } } },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'message options with a negative threshold',
    method: 'PUT',
    path: '/api/settings/message-options',
    who: 'mod',
    body: { nearAhead: -1, keepContactDays: 30 },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  // Invalid bodies: 400 VALIDATION_FAILED.
  {
    name: 'issue without serviceId',
    path: '/api/tickets',
    who: 'kiosk',
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with a numeric serviceId',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 42 },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with an unknown field',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'ktp-el', extra: true },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with an unknown priority',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'ktp-el', priority: 'vip' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with forbidden id characters',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'ktp el;--' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with a 65-character id',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'a'.repeat(65) },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with an array body',
    path: '/api/tickets',
    who: 'kiosk',
    body: [{ serviceId: 'ktp-el' }],
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with a __proto__ key',
    path: '/api/tickets',
    who: 'kiosk',
    body: '{"serviceId":"ktp-el","__proto__":{"priority":"lansia"}}',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'issue with a deeply nested serviceId',
    path: '/api/tickets',
    who: 'kiosk',
    body: `{"serviceId":${DEEP_ARRAY}}`,
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'pause without a reason',
    path: '/api/counters/loket-2/pause',
    who: 'mod',
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'pause with an unknown reason',
    path: '/api/counters/loket-2/pause',
    who: 'mod',
    body: { reason: 'ngopi' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'call-ticket without ticketId',
    path: '/api/counters/loket-2/call-ticket',
    who: 'mod',
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'finish with an unknown outcome',
    path: '/api/tickets/{A001}/finish',
    who: 'loket1',
    body: { outcome: 'happy' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'transfer without serviceId',
    path: '/api/tickets/{A001}/transfer',
    who: 'loket1',
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'step with a body field it does not take',
    path: '/api/tickets/{A001}/step',
    who: 'loket1',
    body: { step: 8 },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'raise an unknown compensation kind',
    path: '/api/compensations',
    who: 'mod',
    body: { kind: 'rude' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'raise with a note over 1000 characters',
    path: '/api/compensations',
    who: 'mod',
    body: { kind: 'fee_mismatch', note: 'n'.repeat(1001) },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'resolve with a blank remedy',
    path: '/api/compensations/{COMP}/resolve',
    who: 'mod',
    body: { remedyGiven: '   ' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'resolve with an unknown consequence',
    path: '/api/compensations/{COMP}/resolve',
    who: 'mod',
    body: { remedyGiven: 'maaf', officerConsequence: 'dipecat' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'login without a PIN',
    path: '/api/auth/login',
    who: 'none',
    body: { username: 'mod' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'login with a numeric PIN',
    path: '/api/auth/login',
    who: 'none',
    body: { username: 'mod', pin: 1234 },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'login with a too short PIN',
    path: '/api/auth/login',
    who: 'none',
    body: { username: 'mod', pin: '12' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a too short Idempotency-Key',
    path: '/api/counters/loket-2/call-next',
    who: 'mod',
    headers: { 'idempotency-key': 'short' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a counter id with a space in the path',
    path: '/api/counters/loket%201/call-next',
    who: 'mod',
    status: 400,
    code: 'VALIDATION_FAILED',
  },

  // Malformed JSON: 400.
  {
    name: 'truncated JSON',
    path: '/api/tickets',
    who: 'kiosk',
    body: '{"serviceId":',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'JavaScript instead of JSON',
    path: '/api/auth/login',
    who: 'none',
    body: "{username:'mod',pin:'1234'}",
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a bare JSON null',
    path: '/api/counters/loket-2/call-next',
    who: 'mod',
    body: 'null',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a bare JSON string',
    path: '/api/tickets',
    who: 'kiosk',
    body: '"ktp-el"',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'binary garbage as JSON',
    path: '/api/tickets',
    who: 'kiosk',
    body: '\u0000\u0001\u0002\uffff',
    status: 400,
    code: 'VALIDATION_FAILED',
  },

  // Over 16 KB: 413.
  {
    name: 'an issue body over 16 KB',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'ktp-el', pad: LONG },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a login body over 16 KB (with the right PIN)',
    path: '/api/auth/login',
    who: 'none',
    body: { username: 'mod', pin: '1234', pad: LONG },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a compensation note over 16 KB',
    path: '/api/compensations',
    who: 'mod',
    body: { kind: 'fee_mismatch', note: LONG },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a body over 16 KB without a token',
    path: '/api/tickets',
    who: 'none',
    body: { serviceId: LONG },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },

  // Unknown ticket: 404 TICKET_NOT_FOUND.
  {
    name: 'GET an unknown ticket',
    method: 'GET',
    path: '/api/tickets/no-such-ticket',
    who: 'kiosk',
    status: 404,
    code: 'TICKET_NOT_FOUND',
  },
  {
    name: 'step an unknown ticket',
    path: '/api/tickets/no-such-ticket/step',
    who: 'mod',
    status: 404,
    code: 'TICKET_NOT_FOUND',
  },
  {
    name: 'cancel an unknown ticket',
    path: '/api/tickets/no-such-ticket/cancel',
    who: 'fo',
    status: 404,
    code: 'TICKET_NOT_FOUND',
  },
  {
    name: 'transfer an unknown ticket',
    path: '/api/tickets/no-such-ticket/transfer',
    who: 'mod',
    body: { serviceId: 'kk' },
    status: 404,
    code: 'TICKET_NOT_FOUND',
  },
  {
    name: 'call an unknown ticket',
    path: '/api/counters/loket-2/call-ticket',
    who: 'mod',
    body: { ticketId: 'no-such-ticket' },
    status: 404,
    code: 'TICKET_NOT_FOUND',
  },
  {
    name: 'raise compensation for an unknown ticket',
    path: '/api/compensations',
    who: 'mod',
    body: { kind: 'fee_mismatch', ticketId: 'no-such-ticket' },
    status: 404,
    code: 'TICKET_NOT_FOUND',
  },

  // Unknown counter, service, compensation: 404.
  {
    name: 'call-next at an unknown counter',
    path: '/api/counters/loket-99/call-next',
    who: 'mod',
    status: 404,
    code: 'COUNTER_NOT_FOUND',
  },
  {
    name: 'pause an unknown counter',
    path: '/api/counters/loket-99/pause',
    who: 'mod',
    body: { reason: 'istirahat' },
    status: 404,
    code: 'COUNTER_NOT_FOUND',
  },
  {
    name: 'resume an unknown counter',
    path: '/api/counters/loket-99/resume',
    who: 'mod',
    status: 404,
    code: 'COUNTER_NOT_FOUND',
  },
  {
    name: 'recall at an unknown counter',
    path: '/api/counters/loket-99/recall',
    who: 'mod',
    status: 404,
    code: 'COUNTER_NOT_FOUND',
  },
  {
    name: 'raise compensation for an unknown counter',
    path: '/api/compensations',
    who: 'mod',
    body: { kind: 'fee_mismatch', counterId: 'loket-99' },
    status: 404,
    code: 'COUNTER_NOT_FOUND',
  },
  {
    name: 'issue for an unknown service',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'sim-keliling' },
    status: 404,
    code: 'SERVICE_NOT_FOUND',
  },
  {
    name: 'resolve an unknown compensation',
    path: '/api/compensations/no-such/resolve',
    who: 'mod',
    body: { remedyGiven: 'maaf' },
    status: 404,
    code: 'COMPENSATION_NOT_FOUND',
  },

  // Unknown routes: 404 NOT_FOUND.
  {
    name: 'an unknown API route',
    method: 'GET',
    path: '/api/nope',
    who: 'mod',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'listing tickets (no such route)',
    method: 'GET',
    path: '/api/tickets',
    who: 'mod',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'DELETE on a ticket',
    method: 'DELETE',
    path: '/api/tickets/{A001}',
    who: 'mod',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'an unknown counter action',
    path: '/api/counters/loket-1/explode',
    who: 'mod',
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    name: 'a path outside /api',
    method: 'GET',
    path: '/admin.php',
    who: 'none',
    status: 404,
    code: 'NOT_FOUND',
  },

  // Missing or wrong token: 401.
  {
    name: 'issue without a token',
    path: '/api/tickets',
    who: 'none',
    body: { serviceId: 'ktp-el' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'services without a token',
    method: 'GET',
    path: '/api/services',
    who: 'none',
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a ticket without a token',
    method: 'GET',
    path: '/api/tickets/{A001}',
    who: 'none',
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'an unknown bearer token',
    path: '/api/tickets',
    who: 'none',
    headers: { authorization: 'Bearer not-a-real-token' },
    body: { serviceId: 'ktp-el' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a 300-character bearer token',
    path: '/api/counters/loket-2/call-next',
    who: 'none',
    headers: { authorization: `Bearer ${'t'.repeat(300)}` },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'Basic auth instead of a bearer',
    path: '/api/counters/loket-2/call-next',
    who: 'none',
    headers: { authorization: 'Basic bW9kOjEyMzQ=' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'an empty bearer',
    method: 'GET',
    path: '/api/timings',
    who: 'none',
    headers: { authorization: 'Bearer ' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'the kiosk token with a typo',
    method: 'GET',
    path: '/api/services',
    who: 'none',
    headers: { authorization: `Bearer ${KIOSK_TOKEN}x` },
    status: 401,
    code: 'UNAUTHENTICATED',
  },

  // Transport-level garbage must be a client error, never a 500.
  {
    name: 'a malformed percent-escape in the path',
    method: 'GET',
    path: '/api/tickets/%E0%A4%A',
    who: 'kiosk',
    status: 'client-error',
  },
  {
    name: 'an unsupported JSON charset',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'ktp-el' },
    headers: { 'content-type': 'application/json; charset=klingon' },
    status: 'client-error',
  },
  {
    name: 'an unknown Content-Encoding',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'ktp-el' },
    headers: { 'content-encoding': 'x-zip' },
    status: 'client-error',
  },
  {
    name: 'a gzip Content-Encoding over plain text',
    path: '/api/tickets',
    who: 'kiosk',
    body: { serviceId: 'ktp-el' },
    headers: { 'content-encoding': 'gzip' },
    status: 'client-error',
  },
];

interface Res {
  readonly status: number;
  readonly body: unknown;
}

interface Fingerprint {
  readonly lastEventId: number;
  readonly waiting: Record<string, number>;
  readonly counters: readonly CounterView[];
  readonly compensations: number;
}

describe('bad input never changes the hub', () => {
  let t: TestHub;
  const tokens: Record<Who, string | null> = {
    none: null,
    kiosk: KIOSK_TOKEN,
    fo: null,
    mod: null,
    loket1: null,
  };
  const ids: Record<string, string> = {};
  let baseline: Fingerprint;

  async function fingerprint(): Promise<Fingerprint> {
    const mod = tokens.mod ?? '';
    const [health, services, counters, compensations] = await Promise.all([
      t.api('GET', '/health'),
      t.api('GET', '/services', { token: KIOSK_TOKEN }),
      t.api('GET', '/counters', { token: mod }),
      t.api('GET', '/compensations', { token: mod }),
    ]);
    return {
      lastEventId: HealthResponse.parse(health.body).lastEventId,
      waiting: Object.fromEntries(
        z
          .array(ServiceView)
          .parse(services.body)
          .map((s) => [s.id, s.waiting]),
      ),
      counters: z.array(CounterView).parse(counters.body),
      compensations: z.array(CompensationView).parse(compensations.body).length,
    };
  }

  async function send(c: Case): Promise<Res> {
    const headers: Record<string, string> = {};
    const token = tokens[c.who ?? 'mod'];
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (c.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
    }
    Object.assign(headers, c.headers);
    const path = c.path.replace(/\{(\w+)\}/g, (_m, key: string) => ids[key] ?? key);
    const response = await fetch(`${t.hub.url}${path}`, {
      method: c.method ?? 'POST',
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text: the assertion on the error body reports it
    }
    return { status: response.status, body: parsed };
  }

  beforeAll(async () => {
    t = await startTestHub();
    // A fresh hub's log already holds the site file's accounts and devices and the seeded calendar.
    const opened = HealthResponse.parse((await t.api('GET', '/health')).body).lastEventId;
    tokens.mod = await t.login('mod');
    tokens.fo = await t.login('fo');
    tokens.loket1 = await t.login('loket1');
    const issue = async (serviceId: string): Promise<IssuedTicket> =>
      IssuedTicket.parse((await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } })).body);
    ids.A001 = (await issue('ktp-el')).id;
    await issue('ktp-el');
    await issue('ktp-el');
    await issue('kk');
    await issue('skck');
    const called = await t.api('POST', '/counters/loket-1/call-next', { token: tokens.loket1 });
    expect(TicketView.parse(called.body).id).toBe(ids.A001);
    const raised = await t.api('POST', '/compensations', {
      token: tokens.mod,
      body: { kind: 'wrong_product' },
    });
    ids.COMP = CompensationView.parse(raised.body).id;
    baseline = await fingerprint();
    // Five tickets with their promised waits, a call, a compensation.
    expect(baseline.lastEventId).toBe(opened + 12);
    expect(baseline.waiting).toMatchObject({ 'ktp-el': 2, kk: 1, skck: 1 });
  });
  afterAll(async () => {
    await t.stop();
  });

  describe('REST', () => {
    const rows = CASES.map((c) => ({
      ...c,
      expected: c.status === 'client-error' ? '4xx, not 500' : `${c.status} ${c.code ?? ''}`,
    }));
    it.each(rows)('$name → $expected, and nothing changes', async (c) => {
      const before = await fingerprint();
      const res = await send(c);
      const error: ErrorBody = ErrorBody.parse(res.body);
      if (c.status === 'client-error') {
        expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        expect(error.error.code).not.toBe('INTERNAL');
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(c.status);
        expect(error.error.code).toBe(c.code);
      }
      const catalogue = ERRORS[error.error.code as ErrorCode] as (typeof ERRORS)[ErrorCode] | undefined;
      expect(catalogue, `unknown code ${error.error.code}`).toBeDefined();
      expect(error.error.message).toEqual(catalogue?.message);
      if (error.error.code === 'VALIDATION_FAILED') expect(error.error.details?.length).toBeGreaterThan(0);
      expect(await fingerprint()).toEqual(before);
    });

    it('leaves the hub exactly as before all of it, and still serving', async () => {
      expect(await fingerprint()).toEqual(baseline);
      const a001 = await t.api('GET', `/tickets/${ids.A001 ?? ''}`, { token: KIOSK_TOKEN });
      expect(TicketView.parse(a001.body)).toMatchObject({
        status: 'called',
        counterId: 'loket-1',
        recalls: 0,
      });
      const login = await t.api('POST', '/auth/login', { body: { username: 'mod', pin: '1234' } });
      expect(login.status).toBe(200);
    });
  });

  describe('Socket.IO', () => {
    type Emitter = {
      emit(event: string, ...args: unknown[]): void;
      timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    };
    const raw = (s: ClientSocket): Emitter => s;
    const ask = async (s: ClientSocket, event: string, ...args: unknown[]) =>
      Ack.parse(
        await raw(s)
          .timeout(3000)
          .emitWithAck(event, ...args),
      );

    function nested(depth: number): unknown {
      let value: unknown = 'ktp-el';
      for (let i = 0; i < depth; i++)
        value = { serviceId: value, counterId: value === 'ktp-el' ? 'loket-1' : 'x' };
      return value;
    }
    function nestedArray(depth: number): unknown {
      let value: unknown = 'loket-1';
      for (let i = 0; i < depth; i++) value = [value];
      return value;
    }

    const GARBAGE: readonly [string, unknown][] = [
      ['null', null],
      ['zero', 0],
      ['a number', 42],
      ['a negative float', -1.5],
      ['true', true],
      ['an empty string', ''],
      ['a string', 'ktp-el'],
      ['a long string', 's'.repeat(8000)],
      ['an empty array', []],
      ['an array of a valid payload', [{ serviceId: 'ktp-el', counterId: 'loket-2' }]],
      ['an empty object', {}],
      [
        'wrong field types',
        { serviceId: 7, counterId: ['loket-2'], ticketId: null, kind: 1, compensationId: {} },
      ],
      ['an operator object', { serviceId: { $gt: '' }, counterId: { $ne: null } }],
      ['a __proto__ key', JSON.parse('{"__proto__":{"counterId":"loket-2","serviceId":"ktp-el"}}')],
      ['deeply nested objects', nested(300)],
      ['deeply nested arrays', nestedArray(3000)],
      ['binary', Buffer.from([0, 1, 2, 255])],
    ];

    it('answers garbage for every command with a coded bilingual error, and changes nothing', async () => {
      const mod = await t.socket(tokens.mod ?? '');
      const officer = await t.socket(tokens.loket1 ?? '');
      const kiosk = await t.socket(KIOSK_TOKEN);
      const before = await fingerprint();
      let answers = 0;
      for (const name of COMMAND_NAMES) {
        for (const [label, payload] of GARBAGE) {
          const fromMod = await ask(mod, name, payload);
          expect(fromMod, `${name} ← ${label}`).toMatchObject({
            ok: false,
            error: { code: 'VALIDATION_FAILED' },
          });
          if (!fromMod.ok) expect(fromMod.error.message).toEqual(ERRORS.VALIDATION_FAILED.message);
          for (const other of [officer, kiosk]) {
            const answer = await ask(other, name, payload);
            expect(answer.ok, `${name} ← ${label}`).toBe(false);
            if (!answer.ok) expect(['VALIDATION_FAILED', 'FORBIDDEN']).toContain(answer.error.code);
          }
          answers += 3;
        }
      }
      expect(answers).toBe(COMMAND_NAMES.length * GARBAGE.length * 3);
      for (const [label, payload] of [
        ['negative afterEventId', { afterEventId: -1 }],
        ['string', 'x'],
        ['unknown field', { since: 0 }],
      ] as const) {
        expect(await ask(mod, 'sync:snapshot', payload), label).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED' },
        });
      }
      expect(mod.connected && officer.connected && kiosk.connected).toBe(true);
      expect(await fingerprint()).toEqual(before);
    });

    it('survives garbage without an ack, a non-function ack, extra arguments and unknown events', async () => {
      const mod = await t.socket(tokens.mod ?? '');
      const before = await fingerprint();
      for (const name of COMMAND_NAMES) {
        for (const [, payload] of GARBAGE) {
          raw(mod).emit(name, payload);
          raw(mod).emit(name, payload, 'not-a-function', 42, null);
        }
        raw(mod).emit(name);
      }
      raw(mod).emit('ticket:explode', { serviceId: 'ktp-el' });
      raw(mod).emit('sync:snapshot', null, 'not-a-function');
      raw(mod).emit('__proto__', {});
      raw(mod).emit('constructor', {});
      // Events on one socket are handled in order: once this is answered, everything above was handled.
      const snapshot = await ask(mod, 'sync:snapshot', {});
      expect(snapshot.ok).toBe(true);
      expect(mod.connected).toBe(true);
      expect(await fingerprint()).toEqual(before);
    });

    it('answers a command emitted with an ack but no payload at all', async () => {
      const mod = await t.socket(tokens.mod ?? '');
      const before = await fingerprint();
      const answer = await ask(mod, 'counter:call-next');
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(await fingerprint()).toEqual(before);
    });

    it('drops only the connection that sends more than 16 KB', async () => {
      const big = await t.socket(tokens.mod ?? '');
      const bystander = await t.socket(tokens.mod ?? '');
      const before = await fingerprint();
      const dropped = new Promise<void>((resolve) => {
        big.once('disconnect', () => {
          resolve();
        });
      });
      raw(big).emit('ticket:issue', { serviceId: 'x'.repeat(20 * 1024) });
      await dropped;
      expect(big.connected).toBe(false);
      expect(bystander.connected).toBe(true);
      expect((await ask(bystander, 'sync:snapshot', {})).ok).toBe(true);
      expect(await fingerprint()).toEqual(before);
    });

    it('still takes real commands afterwards, with no ticket number lost to the garbage', async () => {
      const kiosk = await t.socket(KIOSK_TOKEN);
      const answer = await ask(kiosk, 'ticket:issue', { serviceId: 'ktp-el' });
      expect(answer.ok).toBe(true);
      if (answer.ok) expect(IssuedTicket.parse(answer.data).number).toBe('A004');
      const after = await fingerprint();
      expect(after.lastEventId).toBe(baseline.lastEventId + 2); // the ticket and the wait promised with it
      expect(after.waiting['ktp-el']).toBe(3);
    });
  });
});
