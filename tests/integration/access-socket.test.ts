import { COMMAND_NAMES, Snapshot } from '@giliran/protocol';
import { io as connect } from 'socket.io-client';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessWorld,
  ACTORS,
  codedError,
  named,
  parseMatrix,
  routeOfRow,
  type ActorName,
  type Prepared,
  type QueueFixture,
} from '../support/access-world.ts';
import { command, type ClientSocket } from '../support/hub-harness.ts';

/**
 * Every Socket.IO event a client may send, against every kind of caller (columns as in access.test.ts).
 * `401`: the socket is refused at the handshake, so no event can be sent at all. `403`: the ack is
 * `{ok: false, error: FORBIDDEN}` and nothing in the database changed. `ok`: `{ok: true}` and, for a command,
 * the event log grew. Rules: COMMAND_TABLE's roles and `owns` (apps/hub/src/commands/command-table.ts).
 * `[kiosk's]`/`[mod's]`: a ticket that kiosk or MOD issued (a kiosk records the print of its own tickets only).
 * `[called]`/`[waiting]`: an officer cancels or transfers only the ticket at their own counter; waiting ones are FO's
 * and MOD's.
 */
const MATRIX = `
route                             none  kiosk display other officer fo   mod  coord admin sekdis kadis
ticket:issue                      401   ok    403     403   403     ok   ok   ok    ok    403    403
counter:call-next                 401   403   403     403   ok      403  ok   ok    ok    403    403
counter:call-ticket               401   403   403     403   ok      403  ok   ok    ok    403    403
counter:recall                    401   403   403     403   ok      403  ok   ok    ok    403    403
counter:pause                     401   403   403     403   ok      403  ok   ok    ok    403    403
counter:resume                    401   403   403     403   ok      403  ok   ok    ok    403    403
ticket:step                       401   403   403     403   ok      403  ok   ok    ok    403    403
ticket:finish                     401   403   403     403   ok      403  ok   ok    ok    403    403
ticket:no-show                    401   403   403     403   ok      403  ok   ok    ok    403    403
ticket:transfer [called]          401   403   403     403   ok      ok   ok   ok    ok    403    403
ticket:transfer [waiting]         401   403   403     403   403     ok   ok   ok    ok    403    403
ticket:reactivate                 401   403   403     403   ok      ok   ok   ok    ok    403    403
ticket:cancel [called]            401   403   403     403   ok      ok   ok   ok    ok    403    403
ticket:cancel [waiting]           401   403   403     403   403     ok   ok   ok    ok    403    403
ticket:print-result [kiosk's]     401   ok    403     403   403     ok   ok   ok    ok    403    403
ticket:print-result [mod's]       401   403   403     403   403     ok   ok   ok    ok    403    403
compensation:raise                401   403   403     403   403     403  ok   ok    ok    403    403
compensation:resolve              401   403   403     403   ok      403  ok   ok    ok    403    403
sync:snapshot                     401   ok    ok      ok    ok      ok   ok   ok    ok    ok     ok
`;

const CELLS = parseMatrix(MATRIX);

interface Probe {
  readonly fixture: QueueFixture;
  readonly payload: (p: Prepared) => Record<string, unknown>;
}

const atLoket1 = (fixture: QueueFixture, extra: (p: Prepared) => object = () => ({})): Probe => ({
  fixture,
  payload: (p) => ({ counterId: 'loket-1', ...extra(p) }),
});
const onTicket = (fixture: QueueFixture, extra: () => object = () => ({})): Probe => ({
  fixture,
  payload: (p) => ({ ticketId: p.ticketId, ...extra() }),
});

const PROBES: Readonly<Record<string, Probe>> = {
  'ticket:issue': { fixture: 'none', payload: () => ({ serviceId: 'ktp-el' }) },
  'counter:call-next': atLoket1('waiting'),
  'counter:call-ticket': atLoket1('waiting', (p) => ({ ticketId: p.ticketId })),
  'counter:recall': atLoket1('called'),
  'counter:pause': atLoket1('free', () => ({ reason: 'urusan_dinas' })),
  'counter:resume': atLoket1('paused'),
  'ticket:step': onTicket('called'),
  'ticket:finish': onTicket('serving', () => ({ outcome: 'handed_to_agency' })),
  'ticket:no-show': onTicket('recalled'),
  'ticket:transfer [called]': onTicket('called', () => ({ serviceId: 'skck' })),
  'ticket:transfer [waiting]': onTicket('waiting', () => ({ serviceId: 'skck' })),
  'ticket:reactivate': onTicket('no-show'),
  'ticket:cancel [called]': onTicket('called'),
  'ticket:cancel [waiting]': onTicket('waiting'),
  "ticket:print-result [kiosk's]": onTicket('kiosk', () => ({ ok: true })),
  "ticket:print-result [mod's]": onTicket('waiting', () => ({ ok: false, reason: 'kertas habis' })),
  'compensation:raise': {
    fixture: 'none',
    payload: () => ({ kind: 'sop_not_followed', counterId: 'loket-1', note: 'uji akses' }),
  },
  'compensation:resolve': {
    fixture: 'late',
    payload: (p) => ({ compensationId: p.compensationId, remedyGiven: 'Permohonan maaf dan kopi' }),
  },
  'sync:snapshot': { fixture: 'none', payload: () => ({}) },
};

const Ack = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: z.unknown() }),
]);

/** The handshake's refusal: the socket never connects, and says why with the catalogue's coded error. */
function refusedHandshake(url: string, auth: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = connect(url, { auth, transports: ['websocket'], reconnection: false });
    socket.once('connect', () => {
      socket.disconnect();
      reject(new Error('connected without a valid token'));
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.disconnect();
      resolve(error.data);
    });
  });
}

describe('access: every Socket.IO event against every caller', () => {
  let w: AccessWorld;
  const sockets = new Map<ActorName, ClientSocket>();

  beforeAll(async () => {
    w = await AccessWorld.start();
    for (const actor of ACTORS) {
      const token = w.tokenOf(actor);
      if (token !== undefined) sockets.set(actor, await w.t.socket(token));
    }
  });
  afterAll(async () => {
    await w.stop();
  });

  it('the matrix lists every event the hub listens to on a socket, once, and each row has its probe', () => {
    const listed = [...new Set(CELLS.map((c) => routeOfRow(c.key)))].sort();
    expect(listed).toEqual([...COMMAND_NAMES, 'sync:snapshot'].sort());
    // What a connected socket really listens to, less Socket.IO's reserved events (not a client's to send).
    const reserved = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'error']);
    const heard = [...w.t.hub.io.sockets.sockets.values()]
      .flatMap((s) => s.eventNames().map(String))
      .filter((name, i, all) => !reserved.has(name) && all.indexOf(name) === i)
      .sort();
    expect(heard).toEqual(listed);
    expect(Object.keys(PROBES).sort()).toEqual([...new Set(CELLS.map((c) => c.key))].sort());
  });

  it.each(named(CELLS))('%s', async (_name, { key, actor, expected }) => {
    const probe = PROBES[key];
    if (!probe) throw new Error(`no probe for ${key}`);
    const event = routeOfRow(key);
    const payload = probe.payload(await w.prepareQueue(probe.fixture));
    await w.settle();
    const before = w.fingerprint();
    const lastEvent = w.lastEventId();

    if (expected === '401') {
      const data = await refusedHandshake(w.t.hub.url, {});
      expect(data).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusedHandshake(w.t.hub.url, { token: 'not-a-token' })).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(w.fingerprint()).toEqual(before);
      return;
    }
    const socket = sockets.get(actor);
    if (!socket) throw new Error(`no socket for ${actor}`);
    const ack = Ack.parse(await command(socket, event, payload));
    if (expected === 'ok') {
      expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
      if (event === 'sync:snapshot') Snapshot.parse(ack.ok ? ack.data : null);
      else expect(w.lastEventId()).toBeGreaterThan(lastEvent);
      return;
    }
    expect(ack.ok).toBe(false);
    const code = codedError(403, { error: ack.ok ? null : ack.error });
    expect(code).toBe('FORBIDDEN');
    await w.settle();
    expect(w.fingerprint()).toEqual(before);
    expect(socket.connected).toBe(true);
  });
});
