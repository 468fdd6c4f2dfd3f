import {
  COMMAND_NAMES,
  RECORD_COMMAND_NAMES,
  RECORD_COMMANDS,
  RECORD_SOCKET_EVENTS,
  SettingsView,
  Snapshot,
} from '@giliran/protocol';
import { DEFAULT_MESSAGE_TEMPLATES } from '@giliran/domain';
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
  type ChainStage,
  type QueueFixture,
} from '../support/access-world.ts';
import {
  approvedVisitToday,
  booked,
  directVisit,
  fieldPermit,
  newId,
  nextMilestone,
  visitRequest,
} from '../support/access-fixtures.ts';
import { routeInventory } from '../support/route-inventory.ts';
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
# The features' commands (RECORD_COMMANDS): the same rules as their REST routes in access.test.ts
complaint:file                    401   403   403     403   403     ok   ok   ok    ok    403    403
complaint:change-status           401   403   403     403   403     403  ok   ok    ok    403    403
complaint:recategorise            401   403   403     403   403     403  ok   ok    ok    403    403
calendar:set-holidays             401   403   403     403   403     403  ok   ok    ok    403    403
calendar:confirm-year             401   403   403     403   403     403  ok   ok    ok    403    403
complaint:set-categories          401   403   403     403   403     403  403  403   ok    403    403
skm:answer                        401   ok    403     403   403     403  403  403   403   403    403
report-chain:sign-step [9]        401   403   403     403   ok      ok   ok   403   403   403    403
report-chain:sign-step [10]       401   403   403     403   403     ok   403  403   403   403    403
report-chain:sign-step [11]       401   403   403     403   403     403  ok   403   403   403    403
report-chain:sign-step [12]       401   403   403     403   403     403  403  ok    403   403    403
report-chain:sign-step [13]       401   403   403     403   403     403  403  403   403   ok     403
report-chain:sign-receipt         401   403   403     403   403     403  403  403   403   403    ok
setting:running-text              401   403   403     403   403     403  ok   ok    ok    403    403
display:set-running-text          401   403   403     403   403     403  ok   ok    ok    403    403
setting:counter-services          401   403   403     403   403     403  ok   ok    ok    403    403
setting:opening-hours             401   403   403     403   403     403  ok   ok    ok    403    403
setting:service-hours             401   403   403     403   403     403  ok   ok    ok    403    403
setting:message-templates         401   403   403     403   403     403  ok   ok    ok    403    403
setting:message-options           401   403   403     403   403     403  ok   ok    ok    403    403
setting:booking-capacity          401   403   403     403   403     403  ok   ok    ok    403    403
setting:booking-options           401   403   403     403   403     403  ok   ok    ok    403    403
setting:sop-standards             401   403   403     403   403     403  403  403   ok    403    403
setting:service-standards         401   403   403     403   403     403  403  403   ok    403    403
setting:late-service              401   403   403     403   403     403  403  403   ok    403    403
account:create                    401   403   403     403   403     403  403  403   ok    403    403
account:update                    401   403   403     403   403     403  403  403   ok    403    403
account:reset-pin                 401   403   403     403   403     403  403  403   ok    403    403
device:create-pairing-code        401   403   403     403   403     403  403  403   ok    403    403
hall:add-agency                   401   403   403     403   403     403  403  403   ok    403    403
hall:edit-agency                  401   403   403     403   403     403  403  403   ok    403    403
hall:add-service                  401   403   403     403   403     403  403  403   ok    403    403
hall:edit-service                 401   403   403     403   403     403  403  403   ok    403    403
hall:add-counter                  401   403   403     403   403     403  403  403   ok    403    403
hall:edit-counter                 401   403   403     403   403     403  403  403   ok    403    403
booking:check-in                  401   ok    403     403   403     ok   ok   ok    ok    403    403
visit-request:receive             401   403   403     403   403     403  403  ok    ok    403    403
visit-request:decline             401   403   403     403   403     403  403  ok    ok    403    403
visit:schedule                    401   403   403     403   403     403  403  ok    ok    403    403
visit:approve                     401   403   403     403   403     403  403  403   403   403    ok
visit:milestone                   401   403   403     ok    ok      403  403  ok    403   403    403
visit:register                    401   403   403     ok    ok      403  403  ok    403   403    403
visit:permit                      401   403   403     ok    ok      403  403  ok    403   403    403
visit:counselling                 401   403   403     ok    ok      403  403  ok    403   403    403
`;

const CELLS = parseMatrix(MATRIX);

interface Probe {
  readonly fixture: QueueFixture;
  readonly payload: (p: Prepared, w: AccessWorld, actor: ActorName) => Promise<object> | object;
  /** Refusal codes besides FORBIDDEN (the report chain's own "not your step"). */
  readonly denied?: readonly string[];
  /** Let through, the command appends to the log (a pairing code is a one-time secret, kept out of it). */
  readonly appendsEvent?: boolean;
}

const atLoket1 = (fixture: QueueFixture, extra: (p: Prepared) => object = () => ({})): Probe => ({
  fixture,
  payload: (p) => ({ counterId: 'loket-1', ...extra(p) }),
});
const onTicket = (fixture: QueueFixture, extra: () => object = () => ({})): Probe => ({
  fixture,
  payload: (p) => ({ ticketId: p.ticketId, ...extra() }),
});

/** The features' commands: each payload is its REST route's path parameters and body in one object. */
const record = (payload: Probe['payload'], more: Partial<Probe> = {}): Probe => ({
  fixture: 'none',
  payload,
  ...more,
});
const chain = (stage: ChainStage, body: object): Probe =>
  record(
    async (_p, w) => ({
      date: await w.chainDayReadyFor(stage),
      ...(stage === 'receipt' ? {} : { step: String(stage) }),
      ...body,
    }),
    { denied: ['REPORT_CHAIN_NOT_SIGNER'] },
  );
const freshComplaint = (body: object): Probe =>
  record(async (_p, w) => ({ id: (await w.complaint()).id, ...body }));
const SURVEY_ANSWERS = {
  answers: [4, 4, 3, 4, 3, 4, 4, 3, 4],
  respondent: { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'swasta' },
};
const standing = {
  settings: undefined as SettingsView | undefined,
  categories: [] as unknown[],
  visitId: '',
};
const settingsNow = (): SettingsView => {
  if (!standing.settings) throw new Error('settings not read yet');
  return standing.settings;
};

const RECORD_PROBES: Readonly<Record<string, Probe>> = {
  'complaint:file': record(() => ({ channel: 'complaint_box', name: 'Anonim', text: 'Toilet kotor.' })),
  'complaint:change-status': freshComplaint({ to: 'verified', note: 'Dicek di loket.' }),
  'complaint:recategorise': freshComplaint({ category: 'ringan' }),
  'calendar:set-holidays': record(() => ({
    year: 2026,
    holidays: [{ date: '2026-01-01', kind: 'libur_nasional', name: 'Tahun Baru' }],
  })),
  'calendar:confirm-year': record(() => ({ year: 2026 })),
  'complaint:set-categories': record(() => ({ categories: standing.categories })),
  'skm:answer': record(() => ({ serviceId: 'kk', ...SURVEY_ANSWERS })),
  'report-chain:sign-step [9]': chain(9, { agencyId: 'disdukcapil' }),
  'report-chain:sign-step [10]': chain(10, {}),
  'report-chain:sign-step [11]': chain(11, { report: 'Laporan MPP hari ini.' }),
  'report-chain:sign-step [12]': chain(12, {}),
  'report-chain:sign-step [13]': chain(13, { note: 'Diteruskan ke Kepala Dinas.' }),
  'report-chain:sign-receipt': chain('receipt', {}),
  'setting:running-text': record(() => ({ text: 'Selamat datang di MPP.' })),
  'display:set-running-text': record(() => ({ text: 'Selamat datang di MPP.' })),
  'setting:counter-services': record(() => ({ id: 'loket-12', serviceIds: ['izin-keramaian', 'nib'] })),
  'setting:opening-hours': record(() => ({ hours: settingsNow().openingHours })),
  'setting:service-hours': record(() => ({ id: 'pdam', hours: null })),
  'setting:message-templates': record(() => ({ templates: DEFAULT_MESSAGE_TEMPLATES })),
  'setting:message-options': record(() => ({ nearAhead: 3, keepContactDays: 30 })),
  'setting:booking-capacity': record(() => ({ id: 'kk', capacity: 8 })),
  'setting:booking-options': record(() => ({ walkInShare: 0.5, maxOpenPerPhone: 2, noShowBlock: null })),
  'setting:sop-standards': record(() => ({ standards: settingsNow().sopStandards })),
  'setting:service-standards': record(() => ({ id: 'pdam', standards: {} })),
  'setting:late-service': record(() => ({ tiers: settingsNow().lateService })),
  'account:create': record((_p, _w, actor) => ({
    username: `uji-socket-${actor}`,
    name: `Uji ${actor}`,
    role: 'fo',
    pin: '582913',
  })),
  'account:update': record(() => ({ username: 'loket12', name: 'Petugas Loket 12' })),
  'account:reset-pin': record(() => ({ username: 'loket12', pin: '1234' })),
  'device:create-pairing-code': record(() => ({ deviceId: 'kiosk-9', role: 'kiosk' }), {
    appendsEvent: false,
  }),
  'hall:add-agency': record((_p, _w, actor) => ({
    id: `instansi-${actor}`,
    name: { id: 'Instansi Uji', en: 'Test agency' },
  })),
  'hall:edit-agency': record(() => ({ id: 'pdam', shortName: 'PDAM' })),
  'hall:add-service': record((_p, _w, actor) => ({
    id: `layanan-${actor}`,
    agencyId: 'pdam',
    prefix: 'Q',
    name: { id: 'Layanan Uji', en: 'Test service' },
    summary: { fee: { id: 'Gratis', en: 'Free' }, duration: { id: '1 hari', en: '1 day' } },
  })),
  'hall:edit-service': record(() => ({ id: 'pdam', name: { id: 'Air Minum', en: 'Drinking water' } })),
  'hall:add-counter': record((_p, _w, actor) => ({
    id: `loket-${actor}`,
    name: 'Loket Uji',
    serviceIds: ['pdam'],
  })),
  'hall:edit-counter': record(() => ({ id: 'loket-11', name: 'Loket 11 PDAM' })),
  // A booking of today's next session, the clock moved into its check-in window.
  'booking:check-in': record(async (_p, w) => ({ code: await booked(w, true) })),
  'visit-request:receive': record((_p, w) => visitRequest(w)),
  'visit-request:decline': record(async (_p, w) => ({
    id: await newId(w, '/visit-requests', visitRequest(w)),
    reason: 'Jadwal bulan ini penuh.',
  })),
  'visit:schedule': record((_p, w) => directVisit(w)),
  'visit:approve': record(async (_p, w) => ({ id: await newId(w, '/visits', directVisit(w)) })),
  'visit:milestone': record(async (_p, w) => ({
    id: standing.visitId,
    milestone: await nextMilestone(w, standing.visitId),
  })),
  'visit:register': record(() => ({
    id: standing.visitId,
    name: 'Warga Uji',
    purpose: 'consultation',
    outsideWindowReason: 'uji akses',
  })),
  'visit:permit': record((_p, w) => ({ id: standing.visitId, ...fieldPermit(w) })),
  'visit:counselling': record(() => ({ id: standing.visitId, topic: 'Pentingnya NIB', peopleReached: 8 })),
};

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
  ...RECORD_PROBES,
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
    standing.settings = SettingsView.parse(await w.as('admin', 'GET', '/settings'));
    standing.categories = z.array(z.unknown()).parse(await w.as('admin', 'GET', '/complaints/categories'));
    standing.visitId = await approvedVisitToday(w);
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
    expect(listed).toEqual([...COMMAND_NAMES, ...RECORD_SOCKET_EVENTS, 'sync:snapshot'].sort());
    // What a connected socket really listens to, less Socket.IO's reserved events (not a client's to send).
    const reserved = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'error']);
    const heard = [...w.t.hub.io.sockets.sockets.values()]
      .flatMap((s) => s.eventNames().map(String))
      .filter((name, i, all) => !reserved.has(name) && all.indexOf(name) === i)
      .sort();
    expect(heard).toEqual(listed);
    expect(Object.keys(PROBES).sort()).toEqual([...new Set(CELLS.map((c) => c.key))].sort());
  });

  it('leaves a command off the socket only on purpose: a public one, named here', () => {
    const restOnly = RECORD_COMMAND_NAMES.filter((name) => RECORD_COMMANDS[name].socket === null);
    // A citizen's form or a device being paired has no session, which a socket always has.
    expect(restOnly.sort()).toEqual([
      'booking:cancel',
      'booking:make',
      'booking:move',
      'complaint:file-public',
      'device:pair',
    ]);
    for (const name of restOnly) expect(RECORD_COMMANDS[name].public, name).toBe(true);
    for (const name of RECORD_SOCKET_EVENTS) expect(RECORD_COMMANDS[name].socket, name).toBe(name);
  });

  it("serves every feature command at its table's REST route too", () => {
    const served = routeInventory(w.t.hub.app).map((r) => `${r.method} ${r.path}`);
    for (const def of Object.values(RECORD_COMMANDS))
      expect(served).toContain(`${def.rest.method.toUpperCase()} /api${def.rest.path}`);
  });

  it('answers a bad payload of a feature command over the socket with the coded error REST gives', async () => {
    // Syntactically wrong parameters where a command has them, a field no body schema knows otherwise.
    const wrong: Readonly<Record<string, string>> = {
      id: 'tidak-ada',
      username: 'tidak-ada',
      year: 'tahun',
      date: '2026-02-30',
      step: '99',
    };
    const admin = sockets.get('admin');
    if (!admin) throw new Error('no admin socket');
    for (const name of RECORD_SOCKET_EVENTS) {
      const def = RECORD_COMMANDS[name];
      const params = Object.fromEntries(Object.keys(def.params.shape).map((k) => [k, wrong[k] ?? 'x']));
      const path = def.rest.path.replace(/:(\w+)/g, (_m, k: string) => params[k] ?? '');
      const rest = await w.request(w.tokenOf('admin'), def.rest.method.toUpperCase(), `/api${path}`, {
        body: { bogus: 1 },
      });
      const ack = Ack.parse(await command(admin, name, { ...params, bogus: 1 }));
      expect(ack.ok, name).toBe(false);
      expect(rest.status, name).toBeGreaterThanOrEqual(400);
      const error = ack.ok ? null : ack.error;
      expect(error, name).toEqual((rest.body as { error: unknown }).error);
      // Coded, in Indonesian and in English.
      z.object({
        code: z.string(),
        message: z.object({ id: z.string().min(1), en: z.string().min(1) }),
      }).parse(error);
    }
    expect(admin.connected).toBe(true);
  });

  it.each(named(CELLS))('%s', async (_name, { key, actor, expected }) => {
    const probe = PROBES[key];
    if (!probe) throw new Error(`no probe for ${key}`);
    const event = routeOfRow(key);
    const payload = await probe.payload(await w.prepareQueue(probe.fixture), w, actor);
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
      else if (probe.appendsEvent !== false) expect(w.lastEventId()).toBeGreaterThan(lastEvent);
      return;
    }
    expect(ack.ok).toBe(false);
    const code = codedError(403, { error: ack.ok ? null : ack.error });
    expect(['FORBIDDEN', ...(probe.denied ?? [])]).toContain(code);
    await w.settle();
    expect(w.fingerprint()).toEqual(before);
    expect(socket.connected).toBe(true);
  });
});
