import {
  COMMAND_NAMES,
  CompensationView,
  ERRORS,
  HealthResponse,
  RECORD_SOCKET_EVENTS,
  SettingsView,
  type ErrorCode,
} from '@giliran/protocol';
import { DEFAULT_MESSAGE_TEMPLATES } from '@giliran/domain';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLogIsTruth } from '../support/log-truth.ts';
import { AccessWorld, codedError } from '../support/access-world.ts';
import { approvedVisitToday } from '../support/access-fixtures.ts';
import type { ClientSocket } from '../support/hub-harness.ts';
import { fuzzSeeds } from '../support/fuzz-seeds.ts';
import { nearlyValidText } from '../support/hostile-json.ts';

/**
 * Property: whatever payload MOD's socket sends with any event the hub listens to (every command and
 * `sync:snapshot`), the ack is `{ok: true}` or `{ok: false}` with the catalogue's coded bilingual error (never
 * INTERNAL); after a refusal nothing in the database changed; the socket stays connected and the hub healthy.
 * Payloads are JSON texts parsed into values, so `__proto__` arrives as an own key. They stay under the socket's
 * 16 KB frame limit (a larger frame drops the connection, as bad-input.test.ts shows).
 *
 * Each property runs with a fresh seed and with the fixed regression seed (see fuzz-seeds.ts). Reproduce a
 * failure with FUZZ_SEED=<fresh seed printed below>; FUZZ_RUNS multiplies the run counts.
 */
const SEEDS = fuzzSeeds('fuzz-socket', 20_250_311);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = 100;
const HOSTILE = { maxHugeString: 12_000, maxNesting: 1500 } as const;

const standing = {
  ticketId: '',
  compensationId: '',
  complaintId: '',
  visitId: '',
  sopStandards: {} as Record<string, number>,
};

const PLACE = { village: 'Desa Kuala Dua', district: 'Sungai Raya' };
const SURVEY_ANSWERS = {
  answers: [4, 4, 3, 4, 3, 4, 4, 3, 4],
  respondent: { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'swasta' },
};

/**
 * The features' commands (RECORD_COMMANDS), sent by admin (who may send each but the survey's, sent by the kiosk,
 * and the mobile unit's crew and approval commands, sent by the coordinator and the Kepala Dinas).
 * Fewer runs each than the queue's: their refusals come from the same dispatcher and the bus's one parse.
 */
const RECORD_VALID: Readonly<Record<string, () => Record<string, unknown>>> = {
  'complaint:file': () => ({ channel: 'phone', name: 'Budi', contact: '0812-1', text: 'Antrean lama.' }),
  'complaint:change-status': () => ({ id: standing.complaintId, to: 'verified', note: 'Dicek.' }),
  'complaint:recategorise': () => ({ id: standing.complaintId, category: 'sedang', note: 'Ulang.' }),
  'complaint:set-categories': () => ({
    categories: [
      { category: 'ringan', unit: 'working_days', amount: 5 },
      { category: 'sedang', unit: 'working_days', amount: 10 },
      { category: 'berat', unit: 'working_days', amount: 14 },
    ],
  }),
  'calendar:confirm-year': () => ({ year: 2026 }),
  'calendar:set-holidays': () => ({
    year: 2026,
    holidays: [{ date: '2026-01-01', kind: 'libur_nasional', name: 'Tahun Baru' }],
  }),
  'skm:answer': () => ({ serviceId: 'kk', ...SURVEY_ANSWERS }),
  'report-chain:sign-step': () => ({ date: '2025-03-07', step: '9', agencyId: 'disdukcapil' }),
  'report-chain:sign-receipt': () => ({ date: '2025-03-07', note: 'Diterima.' }),
  'setting:running-text': () => ({ text: 'Selamat datang.' }),
  'display:set-running-text': () => ({ text: 'Selamat datang.' }),
  'setting:late-service': () => ({ tiers: [{ minutesLate: 15, remedy: { id: 'Maaf', en: 'Sorry' } }] }),
  'setting:sop-standards': () => ({ standards: standing.sopStandards }),
  'setting:service-standards': () => ({ id: 'pdam', standards: {} }),
  'setting:counter-services': () => ({ id: 'loket-12', serviceIds: ['izin-keramaian', 'nib'] }),
  'setting:opening-hours': () => ({ hours: { mon: [{ open: '08:00', close: '15:00' }] } }),
  'setting:service-hours': () => ({ id: 'pdam', hours: null }),
  'setting:message-templates': () => ({ templates: DEFAULT_MESSAGE_TEMPLATES }),
  'setting:message-options': () => ({ nearAhead: 3, keepContactDays: 30 }),
  'setting:booking-capacity': () => ({ id: 'kk', capacity: 8 }),
  'setting:booking-options': () => ({ walkInShare: 0.5, maxOpenPerPhone: 2, noShowBlock: null }),
  'account:create': () => ({ username: 'uji-fuzz', name: 'Uji', role: 'fo', pin: '582913' }),
  'account:update': () => ({ username: 'loket12', name: 'Petugas Loket 12' }),
  'account:reset-pin': () => ({ username: 'loket12', pin: '1234' }),
  'device:create-pairing-code': () => ({ deviceId: 'kiosk-9', role: 'kiosk' }),
  'hall:add-agency': () => ({ id: 'instansi-uji', name: { id: 'Instansi Uji', en: 'Test agency' } }),
  'hall:edit-agency': () => ({ id: 'pdam', shortName: 'PDAM' }),
  'hall:add-service': () => ({
    id: 'layanan-uji',
    agencyId: 'pdam',
    prefix: 'Q',
    name: { id: 'Layanan Uji', en: 'Test service' },
    summary: { fee: { id: 'Gratis', en: 'Free' }, duration: { id: '1 hari', en: '1 day' } },
  }),
  'hall:edit-service': () => ({ id: 'pdam', name: { id: 'Air Minum', en: 'Drinking water' } }),
  'hall:add-counter': () => ({ id: 'loket-uji', name: 'Loket Uji', serviceIds: ['pdam'] }),
  'hall:edit-counter': () => ({ id: 'loket-11', name: 'Loket 11 PDAM' }),
  'booking:check-in': () => ({ code: 'ABCD2345', priority: null }),
  'visit-request:receive': () => ({
    requesterKind: 'kepala_desa',
    requesterName: 'Kepala Desa Kuala Dua',
    place: PLACE,
    wishedDate: '2030-01-15',
  }),
  'visit-request:decline': () => ({ id: standing.visitId, reason: 'Jadwal penuh.' }),
  'visit:schedule': () => ({
    date: '2030-02-11',
    place: PLACE,
    suratTugasNumber: '800/1/2030',
    crew: [{ name: 'Koordinator', role: 'coordinator' }],
  }),
  'visit:approve': () => ({ id: standing.visitId }),
  'visit:milestone': () => ({ id: standing.visitId, milestone: 'departed', note: 'Berangkat.' }),
  'visit:register': () => ({ id: standing.visitId, name: 'Warga Uji', purpose: 'consultation' }),
  'visit:permit': () => ({
    id: standing.visitId,
    nib: '9120000000001',
    businessName: 'Toko Uji',
    riskClass: 'rendah',
    issuedInOssAt: '2030-01-01T02:00:00.000Z',
    printed: true,
    handedOver: true,
    accessExplained: true,
  }),
  'visit:counselling': () => ({ id: standing.visitId, topic: 'Pentingnya NIB', peopleReached: 8 }),
};
/** The mobile unit's crew commands come from the coordinator's socket, the approval from the Kepala Dinas'. */
const CREW_EVENTS = new Set(['visit:milestone', 'visit:register', 'visit:permit', 'visit:counselling']);
const RECORD_RUNS = 20;

/** A payload each event accepts, for the fuzz to bend. */
const VALID: Readonly<Record<string, () => Record<string, unknown>>> = {
  'ticket:issue': () => ({ serviceId: 'ktp-el', priority: 'disabilitas', idempotencyKey: 'fuzz-key-0001' }),
  'counter:call-next': () => ({ counterId: 'loket-2' }),
  'counter:call-ticket': () => ({ counterId: 'loket-2', ticketId: standing.ticketId }),
  'counter:recall': () => ({ counterId: 'loket-2' }),
  'counter:pause': () => ({ counterId: 'loket-2', reason: 'lainnya' }),
  'counter:resume': () => ({ counterId: 'loket-2' }),
  'ticket:step': () => ({ ticketId: standing.ticketId }),
  'ticket:finish': () => ({ ticketId: standing.ticketId, outcome: 'completed' }),
  'ticket:no-show': () => ({ ticketId: standing.ticketId }),
  'ticket:reactivate': () => ({ ticketId: standing.ticketId }),
  'ticket:transfer': () => ({ ticketId: standing.ticketId, serviceId: 'akta-lahir' }),
  'ticket:cancel': () => ({ ticketId: standing.ticketId }),
  'ticket:print-result': () => ({ ticketId: standing.ticketId, ok: false, reason: 'paper jam' }),
  'compensation:raise': () => ({ kind: 'complaint_late', ticketId: standing.ticketId, note: 'uji' }),
  'compensation:resolve': () => ({
    compensationId: standing.compensationId,
    remedyGiven: 'Teh manis',
    officerConsequence: 'none',
  }),
  'sync:snapshot': () => ({ afterEventId: 3 }),
  ...RECORD_VALID,
};

/** Bytes, not characters, count against the frame limit: 12,000 emoji are 48 KB. */
const FRAME_BYTES = 15 * 1024;
const payloads = (valid: Record<string, unknown>): fc.Arbitrary<string> =>
  nearlyValidText(valid, HOSTILE).filter((text) => Buffer.byteLength(text) < FRAME_BYTES);

const Ack = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: z.object({ code: z.string() }).loose() }),
]);

describe('fuzz: hostile Socket.IO payloads', () => {
  let w: AccessWorld;
  let socket: ClientSocket;
  let adminSocket: ClientSocket;
  let kioskSocket: ClientSocket;
  let coordSocket: ClientSocket;
  let kadisSocket: ClientSocket;
  /** MOD sends the queue's events; admin the features' (the kiosk the survey's). */
  const senderOf = (event: string): ClientSocket => {
    if (event === 'skm:answer') return kioskSocket;
    if (CREW_EVENTS.has(event)) return coordSocket;
    if (event === 'visit:approve') return kadisSocket;
    return event in RECORD_VALID ? adminSocket : socket;
  };

  beforeAll(async () => {
    w = await AccessWorld.start();
    standing.ticketId = (await w.issue('ktp-el')).id;
    standing.compensationId = CompensationView.parse(
      await w.as('mod', 'POST', '/compensations', { kind: 'fee_mismatch', counterId: 'loket-2' }),
    ).id;
    standing.complaintId = (await w.complaint()).id;
    standing.sopStandards = SettingsView.parse(await w.as('admin', 'GET', '/settings')).sopStandards;
    socket = await w.t.socket(w.tokenOf('mod') ?? '');
    adminSocket = await w.t.socket(w.tokenOf('admin') ?? '');
    kioskSocket = await w.t.socket(w.tokenOf('kiosk') ?? '');
    coordSocket = await w.t.socket(w.tokenOf('coord') ?? '');
    kadisSocket = await w.t.socket(w.tokenOf('kadis') ?? '');
    standing.visitId = await approvedVisitToday(w);
  });
  afterAll(async () => {
    const health = await w.request(undefined, 'GET', '/api/health');
    expect(HealthResponse.parse(health.body).status).toBe('ok');
    // Whatever was accepted went through the log: every table still rebuilds from it (db:verify).
    w.t.hub.engine.flush();
    expectLogIsTruth(w.db);
    await w.stop();
  });

  it('covers every event a socket listens to', () => {
    expect(Object.keys(VALID).sort()).toEqual(
      [...COMMAND_NAMES, ...RECORD_SOCKET_EVENTS, 'sync:snapshot'].sort(),
    );
  });

  const events = Object.keys(VALID).sort();
  it.each(events)('%s: any payload → ok, or a coded refusal that changes nothing', async (event) => {
    const valid = VALID[event];
    if (!valid) throw new Error(event);
    for (const { seed } of SEEDS) {
      await fc.assert(
        fc.asyncProperty(payloads(valid()), async (text) => {
          const socket = senderOf(event);
          if (!socket.connected) throw new Error('the socket was closed by an earlier payload');
          const payload: unknown = JSON.parse(text);
          await w.settle();
          const before = w.fingerprint();
          const raw: unknown = await (
            socket as unknown as {
              timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> };
            }
          )
            .timeout(5000)
            .emitWithAck(event, payload);
          const ack = Ack.parse(raw);
          expect(socket.connected).toBe(true);
          if (ack.ok) return;
          const code = ack.error.code;
          expect(code, text.slice(0, 200)).not.toBe('INTERNAL');
          expect(code in ERRORS, code).toBe(true);
          codedError(ERRORS[code as ErrorCode].status, { error: ack.error });
          await w.settle();
          expect(w.fingerprint(), `${event} refused ${code} but changed data`).toEqual(before);
        }),
        {
          seed: seed + events.indexOf(event),
          numRuns: Math.ceil((event in RECORD_VALID ? RECORD_RUNS : RUNS) * SCALE),
        },
      );
    }
  });
});
