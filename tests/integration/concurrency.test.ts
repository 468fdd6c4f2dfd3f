import { HealthResponse, IssuedTicket, TicketView, type Broadcast } from '@giliran/protocol';
import type { TicketCalled } from '@giliran/domain';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, startTestHub, type ClientSocket, type TestHub } from '../support/hub-harness.ts';

/** Six counters whose services overlap in pairs: 1+2 (KTP-el, KK), 3+4 (STNK, PKB), 9+12 (NIB). */
const COUNTERS = [
  { id: 'loket-1', officer: 'loket1' },
  { id: 'loket-2', officer: 'loket2' },
  { id: 'loket-3', officer: 'loket3' },
  { id: 'loket-4', officer: 'loket4' },
  { id: 'loket-9', officer: 'loket9' },
  { id: 'loket-12', officer: 'loket12' },
] as const;
const SERVICES = ['ktp-el', 'kk', 'akta-lahir', 'stnk', 'pkb', 'nib', 'izin-keramaian'] as const;
const TICKETS = 40;

const Ack = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string() }) }),
]);
const ErrorBody = z.object({ error: z.object({ code: z.string() }) });

/** What one press of "call next" gave: a ticket, nothing waiting, or a refusal code. */
type Press = { kind: 'ticket'; ticket: TicketView } | { kind: 'none' } | { kind: 'refused'; code: string };

interface Desk {
  readonly id: string;
  readonly token: string;
  readonly socket: ClientSocket;
  readonly serves: readonly string[];
}

describe('concurrency: many counters, one queue', () => {
  let t: TestHub;
  let desks: Desk[];
  let mod: string;
  let watcher: ClientSocket;
  let calledEvents: Broadcast<TicketCalled>[];

  beforeEach(async () => {
    t = await startTestHub();
    mod = await t.login('mod');
    desks = await Promise.all(
      COUNTERS.map(async ({ id, officer }) => {
        const token = await t.login(officer);
        const serves = t.hub.site.counters.find((c) => c.id === id)?.serviceIds ?? [];
        return { id, token, socket: await t.socket(token), serves };
      }),
    );
    watcher = await t.socket(mod);
    calledEvents = [];
    watcher.on('ticket:called', (event) => {
      calledEvents.push(event);
    });
  });
  afterEach(async () => {
    await t.stop();
  });

  const desk = (i: number): Desk => {
    const found = desks[i];
    if (!found) throw new Error(`no desk ${i}`);
    return found;
  };

  async function pressHttp(d: Desk, headers?: Record<string, string>): Promise<Press> {
    const res = await t.api('POST', `/counters/${d.id}/call-next`, {
      token: d.token,
      ...(headers ? { headers } : {}),
    });
    if (res.status === 200) return { kind: 'ticket', ticket: TicketView.parse(res.body) };
    if (res.status === 204) return { kind: 'none' };
    return { kind: 'refused', code: `${res.status} ${ErrorBody.parse(res.body).error.code}` };
  }

  async function pressSocket(d: Desk, idempotencyKey?: string): Promise<Press> {
    const ack = Ack.parse(
      await (d.socket as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(
        'counter:call-next',
        { counterId: d.id, ...(idempotencyKey ? { idempotencyKey } : {}) },
      ),
    );
    if (!ack.ok) return { kind: 'refused', code: `409 ${ack.error.code}` };
    return ack.data === null ? { kind: 'none' } : { kind: 'ticket', ticket: TicketView.parse(ack.data) };
  }

  async function serve(d: Desk, ticketId: string, transport: 'http' | 'socket'): Promise<void> {
    for (const action of ['step', 'finish'] as const) {
      if (transport === 'http') {
        const res = await t.api('POST', `/tickets/${ticketId}/${action}`, { token: d.token });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      } else {
        const ack = Ack.parse(
          await (d.socket as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(
            `ticket:${action}`,
            { ticketId },
          ),
        );
        expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
      }
    }
  }

  async function issueMany(count: number): Promise<IssuedTicket[]> {
    const issued = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const res = await t.api('POST', '/tickets', {
          token: KIOSK_TOKEN,
          body: { serviceId: SERVICES[i % SERVICES.length] },
        });
        expect(res.status).toBe(201);
        return IssuedTicket.parse(res.body);
      }),
    );
    expect(new Set(issued.map((x) => x.id)).size).toBe(count);
    return issued;
  }

  async function ticket(id: string): Promise<TicketView> {
    return TicketView.parse((await t.api('GET', `/tickets/${id}`, { token: mod })).body);
  }

  /** Every ticket called exactly once, by a counter that serves it, and finished there. */
  async function expectEachCalledOnce(
    issued: readonly IssuedTicket[],
    calls: readonly { ticket: TicketView; desk: Desk }[],
  ): Promise<void> {
    const ids = calls.map((c) => c.ticket.id);
    expect(new Set(ids).size, 'a ticket was called twice').toBe(ids.length);
    expect([...ids].sort()).toEqual(issued.map((x) => x.id).sort());
    for (const { ticket: called, desk: d } of calls) {
      expect(called.counterId).toBe(d.id);
      expect(d.serves).toContain(called.serviceId);
    }
    const finals = await Promise.all(issued.map((x) => ticket(x.id)));
    const byId = new Map(calls.map((c) => [c.ticket.id, c.desk.id]));
    for (const f of finals) {
      expect(f.status).toBe('done');
      expect(f.counterId).toBe(byId.get(f.id));
    }
    // The broadcasts tell the same story: one `ticket:called` per ticket.
    await expect.poll(() => calledEvents.length).toBe(issued.length);
    expect(new Set(calledEvents.map((e) => e.ticketId)).size).toBe(issued.length);
    expect(calledEvents.map((e) => e.ticketId).sort()).toEqual([...ids].sort());
  }

  /** All six press at the same instant; those that got a ticket serve it; repeat until none got one. */
  async function lockstep(
    press: (d: Desk, round: number) => Promise<Press>,
    transport: (round: number) => 'http' | 'socket',
  ) {
    const calls: { ticket: TicketView; desk: Desk }[] = [];
    const refusals: string[] = [];
    for (let round = 0; round < 100; round++) {
      const presses = await Promise.all(desks.map((d) => press(d, round)));
      const got: { ticket: TicketView; desk: Desk }[] = [];
      presses.forEach((p, i) => {
        if (p.kind === 'ticket') got.push({ ticket: p.ticket, desk: desk(i) });
        if (p.kind === 'refused') refusals.push(p.code);
      });
      if (got.length === 0) break;
      calls.push(...got);
      await Promise.all(got.map((g) => serve(g.desk, g.ticket.id, transport(round))));
    }
    return { calls, refusals };
  }

  it('HTTP: six counters pressing call-next together call each of 40 tickets exactly once', async () => {
    const issued = await issueMany(TICKETS);
    const { calls, refusals } = await lockstep(
      (d) => pressHttp(d),
      () => 'http',
    );
    expect(refusals).toEqual([]);
    await expectEachCalledOnce(issued, calls);
  });

  it('Socket.IO: six counters pressing call-next together call each of 40 tickets exactly once', async () => {
    const issued = await issueMany(TICKETS);
    const { calls, refusals } = await lockstep(
      (d) => pressSocket(d),
      () => 'socket',
    );
    expect(refusals).toEqual([]);
    await expectEachCalledOnce(issued, calls);
  });

  it('HTTP and Socket.IO mixed, with tickets still being issued while counters work', async () => {
    const calls: { ticket: TicketView; desk: Desk }[] = [];
    const refusals: string[] = [];
    // The kiosk keeps issuing in parallel with the counters.
    const issuing = issueMany(TICKETS);
    const deadline = Date.now() + 20_000;
    await Promise.all(
      desks.map(async (d, i) => {
        let presses = 0;
        while (calls.length < TICKETS && Date.now() < deadline) {
          const transport = (i + presses) % 2 === 0 ? 'http' : 'socket';
          presses += 1;
          const p = transport === 'http' ? await pressHttp(d) : await pressSocket(d);
          if (p.kind === 'refused') refusals.push(p.code);
          if (p.kind !== 'ticket') {
            await new Promise((resolve) => setTimeout(resolve, 2));
            continue;
          }
          calls.push({ ticket: p.ticket, desk: d });
          await serve(d, p.ticket.id, transport);
        }
      }),
    );
    const issued = await issuing;
    expect(refusals).toEqual([]);
    await expectEachCalledOnce(issued, calls);
  });

  it('each counter double-presses over both transports at once: one call, the other 409 COUNTER_BUSY', async () => {
    const issued = await issueMany(TICKETS);
    const calls: { ticket: TicketView; desk: Desk }[] = [];
    for (let round = 0; round < 100; round++) {
      const pairs = await Promise.all(desks.map((d) => Promise.all([pressHttp(d), pressSocket(d)])));
      const serving: Promise<void>[] = [];
      for (const [i, [viaHttp, viaSocket]] of pairs.entries()) {
        const d = desk(i);
        const tickets = [viaHttp, viaSocket].filter((p) => p.kind === 'ticket');
        expect(tickets.length, `${d.id} round ${round}`).toBeLessThanOrEqual(1);
        const [first] = tickets;
        if (!first) {
          // Nothing waits for this counter: both presses say so.
          expect([viaHttp.kind, viaSocket.kind]).toEqual(['none', 'none']);
          continue;
        }
        const other = first === viaHttp ? viaSocket : viaHttp;
        expect(other).toEqual({ kind: 'refused', code: '409 COUNTER_BUSY' });
        calls.push({ ticket: first.ticket, desk: d });
        serving.push(serve(d, first.ticket.id, first === viaHttp ? 'http' : 'socket'));
      }
      if (serving.length === 0) break;
      await Promise.all(serving);
    }
    await expectEachCalledOnce(issued, calls);
  });

  it('a double press on one counter calls one ticket; the other press gets 409 COUNTER_BUSY', async () => {
    const loket1 = desk(0);
    const [a1, a2] = await Promise.all([
      t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } }),
      t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } }),
    ]).then((rs) => rs.map((r) => IssuedTicket.parse(r.body)));
    if (!a1 || !a2) throw new Error('issue failed');

    const httpPair = await Promise.all([pressHttp(loket1), pressHttp(loket1)]);
    expect(httpPair.filter((p) => p.kind === 'ticket')).toHaveLength(1);
    expect(httpPair.filter((p) => p.kind === 'refused')).toEqual([
      { kind: 'refused', code: '409 COUNTER_BUSY' },
    ]);
    const first = httpPair.find((p) => p.kind === 'ticket');
    expect(first?.kind === 'ticket' && first.ticket.number).toBe('A001');
    expect((await ticket(a2.id)).status).toBe('waiting');

    await serve(loket1, a1.id, 'http');
    const socketPair = await Promise.all([pressSocket(loket1), pressSocket(loket1)]);
    expect(socketPair.filter((p) => p.kind === 'ticket')).toHaveLength(1);
    expect(socketPair.filter((p) => p.kind === 'refused')).toEqual([
      { kind: 'refused', code: '409 COUNTER_BUSY' },
    ]);
    expect((await ticket(a2.id)).status).toBe('called');
    await expect.poll(() => calledEvents.length).toBe(2);
  });

  it('a double press with the same Idempotency-Key calls once and both presses get the same ticket', async () => {
    const loket2 = desk(1);
    await issueMany(3);
    const lastEventId = async () => HealthResponse.parse((await t.api('GET', '/health')).body).lastEventId;
    const before = await lastEventId();
    const key = { 'idempotency-key': 'double-press-loket2-0001' };
    const presses = await Promise.all([
      pressHttp(loket2, key),
      pressHttp(loket2, key),
      pressSocket(loket2, 'double-press-loket2-0001'),
    ]);
    const ids = presses.map((p) => (p.kind === 'ticket' ? p.ticket.id : p.kind));
    expect(new Set(ids).size).toBe(1);
    expect(presses[0].kind).toBe('ticket');
    expect(await lastEventId()).toBe(before + 1);
  });

  it('concurrent issuing from four kiosks-worth of clients numbers each service 1..n, no gaps, no repeats', async () => {
    const fo = await t.login('fo');
    const kioskSocket = await t.socket(KIOSK_TOKEN);
    const modSocket = await t.socket(mod);
    const perStream = 25;
    const viaHttp = (token: string, serviceId: string) =>
      t.api('POST', '/tickets', { token, body: { serviceId } }).then((r) => {
        expect(r.status).toBe(201);
        return IssuedTicket.parse(r.body);
      });
    const viaSocket = (s: ClientSocket, serviceId: string) =>
      (s as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> })
        .emitWithAck('ticket:issue', { serviceId })
        .then((raw) => {
          const ack = Ack.parse(raw);
          if (!ack.ok) throw new Error(ack.error.code);
          return IssuedTicket.parse(ack.data);
        });
    const streams: ((serviceId: string) => Promise<IssuedTicket>)[] = [
      (s) => viaHttp(KIOSK_TOKEN, s),
      (s) => viaSocket(kioskSocket, s),
      (s) => viaHttp(fo, s),
      (s) => viaSocket(modSocket, s),
    ];
    // Every request of every stream is in flight at once; 4 of 5 are KTP-el, 1 of 5 is KK.
    const issued = await Promise.all(
      streams.flatMap((stream) =>
        Array.from({ length: perStream }, (_, i) => stream(i % 5 === 4 ? 'kk' : 'ktp-el')),
      ),
    );
    for (const [serviceId, prefix] of [
      ['ktp-el', 'A'],
      ['kk', 'B'],
    ] as const) {
      const mine = issued.filter((x) => x.serviceId === serviceId);
      const numbers = mine.map((x) => x.number).sort();
      const expected = Array.from(
        { length: mine.length },
        (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`,
      );
      expect(numbers).toEqual(expected);
    }
    // Nobody was called and loket-2 calls both services, so each ticket had every ticket issued before it, of
    // either service, ahead: the 100 tickets had 0, 1, … 99 ahead, each once.
    expect(issued.map((x) => x.ahead).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect(issued.filter((x) => x.serviceId === 'ktp-el')).toHaveLength(80);
    expect(new Set(issued.map((x) => x.code)).size).toBe(100);
    const services = z
      .array(z.object({ id: z.string(), waiting: z.number() }))
      .parse((await t.api('GET', '/services', { token: mod })).body);
    expect(services.find((s) => s.id === 'ktp-el')?.waiting).toBe(80);
    expect(services.find((s) => s.id === 'kk')?.waiting).toBe(20);
  });
});
