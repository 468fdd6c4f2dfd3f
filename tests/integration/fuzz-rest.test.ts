import { readdirSync } from 'node:fs';
import {
  BookingOptions,
  BookingView,
  CompensationView,
  ComplaintCategoryRule,
  HealthResponse,
  IssuedTicket,
  SettingsView,
  type ComplaintView,
} from '@giliran/protocol';
import { DEFAULT_MESSAGE_TEMPLATES } from '@giliran/domain';
import fc from 'fast-check';
import { z } from 'zod';
import { PUBLIC } from '../../apps/hub/src/auth/actor.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessWorld, codedError, type ActorName } from '../support/access-world.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';
import { encodeBytes, nearlyValidText, pathParam, queryText } from '../support/hostile-json.ts';
import { fuzzSeeds } from '../support/fuzz-seeds.ts';
import { routeInventory, routeKey } from '../support/route-inventory.ts';

/**
 * Property: whatever body, path parameter, Idempotency-Key or query a caller who may use a route sends, the hub
 * answers 2xx or a 4xx with the catalogue's coded bilingual error, never 5xx; after a 4xx nothing in the database
 * changed (every table's count and top rowid, and SQLite's count of changed rows); the hub still answers its
 * health check after each route. Every POST/PUT/GET route the hub serves is listed below (checked against the
 * router), each with a valid request the fuzz bends.
 *
 * Each property runs with a fresh seed and with the fixed regression seed (see fuzz-seeds.ts). Reproduce a
 * failure with FUZZ_SEED=<fresh seed printed below>; FUZZ_RUNS multiplies the run counts.
 */
const SEEDS = fuzzSeeds('fuzz-rest', 20_250_310);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const HOSTILE = { maxHugeString: 20_000, maxNesting: 4000 } as const;

interface Standing {
  ticketId: string;
  compensationId: string;
  complaint: ComplaintView;
  settings: SettingsView;
  categories: ComplaintCategoryRule[];
  logoutToken: string;
  visitId: string;
  requestId: string;
  photoId: string;
  bookingDate: string;
  bookingCode: string;
}
const s = {} as Standing;

type Caller = ActorName | 'logout';

interface BodyRoute {
  readonly as: Caller;
  readonly params?: () => Record<string, string>;
  readonly body: () => Record<string, unknown>;
  readonly runs: number;
  /** Before each run (a rate limit to step past, a session to renew). */
  readonly beforeRun?: (w: AccessWorld) => Promise<void>;
  /** A refusal that is itself recorded (a failed sign-in counts on disk): the tables must still be untouched. */
  readonly recordsRefusals?: boolean;
}

const SURVEY = {
  answers: [4, 3, 4, 4, 2, 4, 3, 4, 4],
  respondent: { gender: 'laki_laki', ageBand: '40_49', education: 'sma', occupation: 'wirausaha' },
};
const onTicket = () => ({ ticketId: s.ticketId });
const loket2 = () => ({ counterId: 'loket-2' });
const nothing = () => ({});

const BODY_ROUTES: Readonly<Record<string, BodyRoute>> = {
  'POST /api/auth/login': {
    as: 'none',
    body: () => ({ username: 'fuzz-login', pin: '0000' }),
    runs: 30,
    recordsRefusals: true,
  },
  'POST /api/devices/pairing-codes': {
    as: 'admin',
    body: () => ({ deviceId: 'kiosk-fuzz', role: 'kiosk' }),
    runs: 30,
  },
  'POST /api/devices/pair': { as: 'none', body: () => ({ code: 'ABCD-EFGH' }), runs: 30 },
  'POST /api/auth/logout': {
    as: 'logout',
    body: nothing,
    runs: 15,
    // A body does not matter to sign-out: most runs end the session, so each run gets one that works.
    beforeRun: async (w) => {
      const probe = await w.request(s.logoutToken, 'GET', '/api/counters');
      if (probe.status !== 200) s.logoutToken = (await w.freshToken('fo')) ?? '';
    },
  },
  'POST /api/tickets': { as: 'mod', body: () => ({ serviceId: 'ktp-el', priority: 'lansia' }), runs: 60 },
  'POST /api/tickets/:ticketId/step': { as: 'mod', params: onTicket, body: nothing, runs: 40 },
  'POST /api/tickets/:ticketId/finish': {
    as: 'mod',
    params: onTicket,
    body: () => ({ outcome: 'handed_to_agency' }),
    runs: 40,
  },
  'POST /api/tickets/:ticketId/no-show': { as: 'mod', params: onTicket, body: nothing, runs: 40 },
  'POST /api/tickets/:ticketId/reactivate': { as: 'mod', params: onTicket, body: nothing, runs: 40 },
  'POST /api/tickets/:ticketId/transfer': {
    as: 'mod',
    params: onTicket,
    body: () => ({ serviceId: 'kk' }),
    runs: 40,
  },
  'POST /api/tickets/:ticketId/cancel': { as: 'mod', params: onTicket, body: nothing, runs: 40 },
  'POST /api/tickets/:id/print': {
    as: 'mod',
    params: () => ({ id: s.ticketId }),
    body: () => ({ paperWidth: 58, lang: 'en', printerId: 'printer-1' }),
    runs: 40,
  },
  'POST /api/counters/:counterId/call-next': { as: 'mod', params: loket2, body: nothing, runs: 40 },
  'POST /api/counters/:counterId/call-ticket': {
    as: 'mod',
    params: loket2,
    body: () => ({ ticketId: s.ticketId }),
    runs: 40,
  },
  'POST /api/counters/:counterId/recall': { as: 'mod', params: loket2, body: nothing, runs: 40 },
  'POST /api/counters/:counterId/pause': {
    as: 'mod',
    params: loket2,
    body: () => ({ reason: 'sholat_jumat' }),
    runs: 40,
  },
  'POST /api/counters/:counterId/resume': { as: 'mod', params: loket2, body: nothing, runs: 40 },
  'POST /api/calendar/years/:year/confirm': {
    as: 'mod',
    params: () => ({ year: '2027' }),
    body: nothing,
    runs: 10,
  },
  'POST /api/compensations': {
    as: 'mod',
    body: () => ({ kind: 'fee_mismatch', counterId: 'loket-2', ticketId: s.ticketId, note: 'tarif salah' }),
    runs: 60,
  },
  'POST /api/compensations/:compensationId/resolve': {
    as: 'mod',
    params: () => ({ compensationId: s.compensationId }),
    body: () => ({ remedyGiven: 'Permohonan maaf', officerConsequence: 'teguran_lisan', note: 'selesai' }),
    runs: 60,
  },
  'POST /api/public/complaints': {
    as: 'none',
    body: () => ({
      name: 'Rina',
      occupation: 'Guru',
      address: 'Jl. Arteri Supadio',
      contact: 'rina@example.org',
      agencyId: 'samsat',
      ticket: 'A001',
      text: 'Pelayanan STNK lambat.',
    }),
    runs: 60,
    // Ten filings per address per ten minutes: a minute apart, runs stay under it and reach validation.
    beforeRun: async (w) => {
      await w.tick(61_000);
    },
  },
  'POST /api/bookings': {
    as: 'none',
    body: () => ({
      serviceId: 'ktp-el',
      date: s.bookingDate,
      sessionId: 's2',
      name: 'Rina',
      phone: '0812 7777 0001',
    }),
    runs: 40,
    // Sixty writes per address per ten minutes: eleven seconds apart, runs stay under it and reach validation.
    beforeRun: async (w) => {
      await w.tick(11_000);
    },
  },
  'POST /api/bookings/:code/move': {
    as: 'none',
    params: () => ({ code: s.bookingCode }),
    body: () => ({ date: s.bookingDate, sessionId: 's3' }),
    runs: 30,
    beforeRun: async (w) => {
      await w.tick(11_000);
    },
  },
  'POST /api/bookings/:code/check-in': {
    as: 'fo',
    params: () => ({ code: s.bookingCode }),
    body: () => ({ priority: null }),
    runs: 30,
  },
  'PUT /api/settings/booking/:id': {
    as: 'mod',
    params: () => ({ id: 'kk' }),
    body: () => ({ capacity: 6 }),
    runs: 30,
  },
  'PUT /api/settings/booking-options': {
    as: 'mod',
    body: () => ({
      walkInShare: 0.5,
      maxOpenPerPhone: 2,
      noShowBlock: { noShows: 2, withinDays: 30, blockDays: 14 },
    }),
    runs: 30,
  },
  'POST /api/complaints': {
    as: 'fo',
    body: () => ({
      channel: 'sp4n_lapor',
      channelRef: 'LAPOR-2025-001',
      name: 'Anton',
      occupation: 'Petani',
      address: 'Desa Kuala Dua',
      contact: '0813-1111-2222',
      agencyId: 'polres',
      ticket: 'J001',
      text: 'SKCK belum jadi.',
      category: 'normatif',
    }),
    runs: 60,
  },
  'POST /api/complaints/:id/status': {
    as: 'mod',
    params: () => ({ id: s.complaint.id }),
    body: () => ({ to: 'answered', answer: 'Sudah ditindaklanjuti.', answerChannel: 'phone', note: 'ok' }),
    runs: 60,
  },
  'POST /api/complaints/:id/category': {
    as: 'mod',
    params: () => ({ id: s.complaint.id }),
    body: () => ({ category: 'tidak_berkadar_pengawasan', note: 'perlu kajian' }),
    runs: 60,
  },
  'PUT /api/complaints/categories': { as: 'admin', body: () => ({ categories: s.categories }), runs: 50 },
  'PUT /api/calendar/holidays': {
    as: 'mod',
    body: () => ({
      year: 2027,
      holidays: [
        { date: '2027-01-01', kind: 'libur_nasional', name: 'Tahun Baru' },
        { date: '2027-12-24', kind: 'cuti_bersama', name: 'Cuti Natal' },
      ],
    }),
    runs: 60,
  },
  'POST /api/report-chain/:date/steps/:step': {
    as: 'mod',
    params: () => ({ date: '2025-03-01', step: '9' }),
    body: () => ({ agencyId: 'disdukcapil', note: 'rekap' }),
    runs: 60,
  },
  'POST /api/report-chain/:date/receipt': {
    as: 'kadis',
    params: () => ({ date: '2025-03-01' }),
    body: () => ({ note: 'diterima' }),
    runs: 40,
  },
  'POST /api/survey/responses': {
    as: 'kiosk',
    body: () => ({ serviceId: 'kk', suggestion: 'Bagus', ...SURVEY }),
    runs: 60,
  },
  'PUT /api/settings/running-text': { as: 'mod', body: () => ({ text: 'Selamat datang' }), runs: 40 },
  'POST /api/messages/contacts': {
    as: 'mod',
    body: () => ({ ticketId: s.ticketId, phone: '081234567890', locale: 'id' }),
    runs: 40,
  },
  'POST /api/messages/:id/retry': { as: 'mod', params: () => ({ id: '1' }), body: nothing, runs: 20 },
  'PUT /api/settings/message-templates': {
    as: 'mod',
    body: () => ({ templates: DEFAULT_MESSAGE_TEMPLATES }),
    runs: 40,
  },
  'PUT /api/settings/message-options': {
    as: 'mod',
    body: () => ({ nearAhead: 3, keepContactDays: 30 }),
    runs: 30,
  },
  'PUT /api/display/running-text': { as: 'mod', body: () => ({ text: 'Selamat datang' }), runs: 40 },
  'PUT /api/settings/counters/:id': {
    as: 'mod',
    params: () => ({ id: 'loket-12' }),
    body: () => ({ serviceIds: ['izin-keramaian', 'nib'] }),
    runs: 60,
  },
  'PUT /api/settings/opening-hours': {
    as: 'mod',
    body: () => ({ hours: s.settings.openingHours }),
    runs: 60,
  },
  'PUT /api/settings/opening-hours/:id': {
    as: 'mod',
    params: () => ({ id: 'pdam' }),
    body: () => ({
      hours: {
        mon: [
          { open: '08:00', close: '12:00' },
          { open: '13:00', close: '24:00' },
        ],
      },
    }),
    runs: 60,
  },
  'PUT /api/settings/sop-standards': {
    as: 'admin',
    body: () => ({ standards: s.settings.sopStandards }),
    runs: 60,
  },
  'PUT /api/settings/sop-standards/:id': {
    as: 'admin',
    params: () => ({ id: 'pdam' }),
    body: () => ({ standards: { '4': 10, '5': 20 } }),
    runs: 60,
  },
  'PUT /api/settings/late-service': {
    as: 'admin',
    body: () => ({ tiers: s.settings.lateService }),
    runs: 60,
  },
  'POST /api/accounts': {
    as: 'admin',
    body: () => ({
      username: 'fuzz-new',
      name: 'Fuzz Baru',
      role: 'officer',
      counterIds: ['loket-12'],
      pin: '583920',
    }),
    runs: 50,
  },
  'PUT /api/accounts/:username': {
    as: 'admin',
    params: () => ({ username: 'fuzzacct' }),
    body: () => ({ name: 'Fuzz', counterIds: [], disabled: false }),
    runs: 50,
  },
  'POST /api/accounts/:username/pin': {
    as: 'admin',
    params: () => ({ username: 'fuzzacct' }),
    body: () => ({ pin: '583920' }),
    runs: 30,
  },
  'POST /api/settings/agencies': {
    as: 'admin',
    body: () => ({ id: 'fuzz-agency', name: { id: 'Instansi', en: 'Agency' }, shortName: 'FZ' }),
    runs: 40,
  },
  'PUT /api/settings/agencies/:id': {
    as: 'admin',
    params: () => ({ id: 'pdam' }),
    body: () => ({ name: { id: 'PDAM', en: 'Water utility' }, retired: false }),
    runs: 40,
  },
  'POST /api/settings/services': {
    as: 'admin',
    body: () => ({
      id: 'fuzz-service',
      agencyId: 'pdam',
      prefix: 'W',
      name: { id: 'Layanan', en: 'Service' },
      summary: {
        requirements: [],
        fee: { id: 'Gratis', en: 'Free' },
        duration: { id: '1 hari', en: '1 day' },
      },
      standardMinutes: 30,
    }),
    runs: 50,
  },
  'PUT /api/settings/services/:id': {
    as: 'admin',
    params: () => ({ id: 'pdam' }),
    body: () => ({ name: { id: 'Air', en: 'Water' }, standardMinutes: null, retired: false }),
    runs: 50,
  },
  'POST /api/settings/counters': {
    as: 'admin',
    body: () => ({ id: 'loket-fuzz', name: 'Loket Fuzz', serviceIds: ['pdam'] }),
    runs: 40,
  },
  'PUT /api/settings/counters/:id/details': {
    as: 'admin',
    params: () => ({ id: 'loket-11' }),
    body: () => ({ name: 'Loket 11', retired: false }),
    runs: 40,
  },
  // Ignores its body: each run that passes the parser takes a backup.
  'POST /api/admin/backup': { as: 'admin', body: nothing, runs: 10 },
  'POST /api/visit-requests': {
    as: 'coord',
    body: () => ({
      requesterKind: 'organisation',
      requesterName: 'Koperasi Tani Makmur',
      letterNumber: '12/KTM/2025',
      letterDate: '2025-03-01',
      place: { village: 'Desa Kuala Dua', district: 'Sungai Raya', latitude: -0.05, longitude: 109.4 },
      wishedDate: '2025-04-02',
      agencies: ['Dinas Perdagangan'],
      note: 'Pasar tani',
    }),
    runs: 40,
  },
  'POST /api/visit-requests/:id/decline': {
    as: 'coord',
    params: () => ({ id: s.requestId }),
    body: () => ({ reason: 'Jadwal penuh' }),
    runs: 30,
  },
  'POST /api/visits': {
    as: 'coord',
    body: () => ({
      date: '2025-05-02',
      place: { village: 'Desa Kuala Dua', district: 'Sungai Raya' },
      suratTugasNumber: '800/12/2025',
      crew: [
        { name: 'Sri', role: 'coordinator' },
        { name: 'Budi', role: 'driver' },
      ],
      notice: { letterNumber: '005/1/2025', letterDate: '2025-03-05', addressedTo: 'Kepala Desa' },
    }),
    runs: 40,
  },
  'POST /api/visits/:id/approve': { as: 'kadis', params: () => ({ id: s.visitId }), body: nothing, runs: 15 },
  'POST /api/visits/:id/milestones/:milestone': {
    as: 'coord',
    params: () => ({ id: s.visitId, milestone: 'departed' }),
    body: () => ({ note: 'berangkat' }),
    runs: 30,
  },
  'POST /api/visits/:id/register': {
    as: 'officer',
    params: () => ({ id: s.visitId }),
    body: () => ({
      name: 'Siti',
      nik: '6112014509870001',
      phone: '081234567890',
      businessName: 'Warung Siti',
      riskClass: 'menengah_rendah',
      purpose: 'complaint',
      outcome: 'informed',
      outsideWindowReason: 'datang lebih awal',
      complaint: { text: 'Izin belum jadi', category: 'ringan' },
    }),
    runs: 50,
  },
  'POST /api/visits/:id/permits': {
    as: 'officer',
    params: () => ({ id: s.visitId }),
    body: () => ({
      nib: '9120001234567',
      businessName: 'Warung Siti',
      riskClass: 'menengah_tinggi',
      document: 'sertifikat_standar',
      issuedInOssAt: '2025-03-10T02:00:00.000Z',
      printed: true,
      handedOver: true,
      accessExplained: true,
    }),
    runs: 50,
  },
  'POST /api/visits/:id/counselling': {
    as: 'officer',
    params: () => ({ id: s.visitId }),
    body: () => ({ topic: 'Pentingnya NIB', peopleReached: 12 }),
    runs: 30,
  },
  // A JSON body is no image: every run is a coded refusal (MOBILE_PHOTO_NOT_IMAGE) or a validation error.
  'POST /api/visits/:id/photos': {
    as: 'officer',
    params: () => ({ id: s.visitId }),
    body: nothing,
    runs: 20,
  },
};

interface GetRoute {
  readonly as: ActorName;
  readonly params?: () => Record<string, string>;
  /** The query parameters the route reads. */
  readonly query: readonly string[];
  readonly runs: number;
}

const ticketParam = () => ({ id: s.ticketId });
const GET_ROUTES: Readonly<Record<string, GetRoute>> = {
  'GET /api/health': { as: 'none', query: [], runs: 8 },
  'GET /api/openapi.json': { as: 'none', query: [], runs: 4 },
  'GET /api/site': { as: 'kiosk', query: [], runs: 8 },
  'GET /api/services': { as: 'kiosk', query: [], runs: 8 },
  'GET /api/counters': { as: 'display', query: [], runs: 8 },
  'GET /api/counters/presence': { as: 'mod', query: [], runs: 8 },
  'GET /api/live': { as: 'mod', query: [], runs: 8 },
  'GET /api/hub/warnings': { as: 'mod', query: [], runs: 4 },
  'GET /api/counters/:counterId/figures': {
    as: 'mod',
    params: () => ({ counterId: 'loket-2' }),
    query: [],
    runs: 15,
  },
  'GET /api/timings': { as: 'display', query: [], runs: 8 },
  'GET /api/compensations': { as: 'mod', query: ['open'], runs: 15 },
  'GET /api/tickets/:id': { as: 'mod', params: ticketParam, query: [], runs: 15 },
  'GET /api/tickets/:id/printable': { as: 'mod', params: ticketParam, query: ['lang', 'width'], runs: 15 },
  'GET /api/tickets/:id/preview.png': { as: 'mod', params: ticketParam, query: ['lang', 'width'], runs: 10 },
  'GET /api/tickets/:id/announcement.json': {
    as: 'display',
    params: ticketParam,
    query: ['counter', 'lang'],
    runs: 15,
  },
  'GET /api/tickets/:id/announcement.wav': {
    as: 'display',
    params: ticketParam,
    query: ['counter', 'lang'],
    runs: 5,
  },
  'GET /api/announcements/chime.wav': { as: 'display', query: [], runs: 4 },
  'GET /api/public/tickets/:code': {
    as: 'none',
    params: () => ({ code: 'ZZZZZZZZZZ' }),
    query: [],
    runs: 15,
  },
  'GET /api/public/complaints/form': { as: 'none', query: [], runs: 4 },
  'GET /api/booking/options': { as: 'none', query: [], runs: 4 },
  'GET /api/booking/slots': { as: 'none', query: ['serviceId', 'date'], runs: 15 },
  'GET /api/bookings/:code': { as: 'none', params: () => ({ code: s.bookingCode }), query: [], runs: 15 },
  'GET /api/public/complaints/challenge': { as: 'none', query: [], runs: 4 },
  'GET /api/public/complaints/:code': {
    as: 'none',
    params: () => ({ code: s.complaint.code }),
    query: [],
    runs: 15,
  },
  'GET /api/complaints': {
    as: 'mod',
    query: ['status', 'category', 'channel', 'agencyId', 'late', 'q'],
    runs: 30,
  },
  'GET /api/complaints/:id': { as: 'mod', params: () => ({ id: s.complaint.id }), query: [], runs: 15 },
  'GET /api/complaints/categories': { as: 'mod', query: [], runs: 4 },
  'GET /api/calendar/holidays': { as: 'mod', query: ['year'], runs: 20 },
  'GET /api/calendar/years': { as: 'mod', query: [], runs: 4 },
  'GET /api/report-chain': { as: 'mod', query: ['date'], runs: 20 },
  'GET /api/reports': { as: 'mod', query: ['from', 'to', 'format'], runs: 20 },
  'GET /api/reports/today': { as: 'mod', query: ['format'], runs: 10 },
  'GET /api/reports/wait-accuracy': {
    as: 'mod',
    query: ['from', 'to', 'serviceId', 'channel', 'format'],
    runs: 20,
  },
  'GET /api/skm': { as: 'mod', query: ['from', 'to', 'agencyId', 'serviceId', 'format'], runs: 20 },
  'GET /api/survey/tickets/:ref': { as: 'kiosk', params: () => ({ ref: 'A001' }), query: [], runs: 15 },
  'GET /api/settings': { as: 'mod', query: [], runs: 4 },
  'GET /api/accounts': { as: 'mod', query: [], runs: 4 },
  'GET /api/central/status': { as: 'mod', query: [], runs: 4 },
  'GET /api/messages': { as: 'mod', query: ['status', 'limit'], runs: 20 },
  'GET /api/messages/settings': { as: 'mod', query: [], runs: 4 },
  'GET /api/central/feed/status': { as: 'mod', query: [], runs: 4 },
  'GET /api/audit': { as: 'mod', query: ['from', 'to', 'area', 'limit'], runs: 30 },
  'GET /kiosk': { as: 'none', query: ['token', 'lang', 'paper'], runs: 4 },
  'GET /t/:code': { as: 'none', params: () => ({ code: 'ZZZZZZZZZZ' }), query: [], runs: 4 },
  'GET /t/sw.js': { as: 'none', query: [], runs: 4 },
  'GET /pengaduan': { as: 'none', query: ['lang'], runs: 4 },
  'GET /pengaduan/:code': { as: 'none', params: () => ({ code: 'ZZZZZZZZZZ' }), query: [], runs: 4 },
  'GET /survey': { as: 'none', query: ['ticket', 'token', 'lang'], runs: 4 },
  'GET /display': { as: 'none', query: ['token', 'agencies', 'counters'], runs: 4 },
  'GET /counter': { as: 'none', query: [], runs: 4 },
  'GET /mod': { as: 'none', query: [], runs: 4 },
  'GET /fo': { as: 'none', query: ['lang'], runs: 4 },
  'GET /mobile': { as: 'none', query: ['lang'], runs: 4 },
  'GET /booking': { as: 'none', query: ['lang'], runs: 4 },
  'GET /booking/:code': { as: 'none', params: () => ({ code: 'ZZZZZZZZ' }), query: ['lang'], runs: 4 },
  'GET /': { as: 'none', query: [], runs: 4 },
  'GET /api/visit-requests': { as: 'coord', query: [], runs: 4 },
  'GET /api/visits': { as: 'coord', query: ['from', 'to'], runs: 20 },
  'GET /api/visits/today': { as: 'officer', query: [], runs: 4 },
  'GET /api/visits/recap': { as: 'kadis', query: ['month', 'format'], runs: 20 },
  'GET /api/visits/:id': { as: 'coord', params: () => ({ id: s.visitId }), query: [], runs: 10 },
  'GET /api/visits/:id/report': {
    as: 'kadis',
    params: () => ({ id: s.visitId }),
    query: ['format'],
    runs: 15,
  },
  'GET /api/visits/:id/photos/:photoId': {
    as: 'officer',
    params: () => ({ id: s.visitId, photoId: s.photoId }),
    query: [],
    runs: 10,
  },
};

const paramsArbitrary = (valid: Record<string, string>): fc.Arbitrary<Record<string, string>> =>
  fc.record(Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, pathParam(v)])));

const fill = (template: string, params: Record<string, string>): string =>
  template.replace(/:(\w+)/g, (_m, name: string) => encodeBytes(params[name] ?? ''));

describe('fuzz: hostile REST input', () => {
  let w: AccessWorld;

  const tokenOf = (caller: Caller): string | undefined =>
    caller === 'logout' ? s.logoutToken : caller === 'none' ? undefined : w.tokenOf(caller);

  /** The property's one check after each request. */
  async function judge(key: string, before: Record<string, number>, res: { status: number; body: unknown }) {
    const shown = res.body instanceof ArrayBuffer ? `${res.body.byteLength} bytes` : JSON.stringify(res.body);
    // An unbuilt page's 503 fails here too: npm test builds the pages before the tests.
    expect(res.status, `${key}: ${shown}`).toBeLessThan(500);
    if (res.status < 400) return;
    codedError(res.status, res.body);
    await w.settle();
    // Failed sign-ins are counted on disk (login_failures): that table and the change count may move, nothing else.
    const recorded = BODY_ROUTES[key]?.recordsRefusals === true;
    const kept = (print: Record<string, number>) =>
      recorded
        ? Object.fromEntries(
            Object.entries(print).filter(([k]) => k !== 'totalChanges' && !k.startsWith('login_failures.')),
          )
        : print;
    expect(kept(w.fingerprint()), `${key} changed data and answered ${res.status} ${shown}`).toEqual(
      kept(before),
    );
  }

  async function healthy(): Promise<void> {
    const res = await w.request(undefined, 'GET', '/api/health');
    expect(HealthResponse.parse(res.body).status).toBe('ok');
  }

  beforeAll(async () => {
    w = await AccessWorld.start();
    s.ticketId = (await w.issue('ktp-el')).id;
    IssuedTicket.parse(await w.as('mod', 'POST', '/tickets', { serviceId: 'kk' }));
    s.compensationId = CompensationView.parse(
      await w.as('mod', 'POST', '/compensations', { kind: 'wrong_product', counterId: 'loket-2' }),
    ).id;
    s.complaint = await w.complaint();
    s.settings = SettingsView.parse(await w.as('admin', 'GET', '/settings'));
    s.categories = z.array(ComplaintCategoryRule).parse(await w.as('admin', 'GET', '/complaints/categories'));
    await w.as('admin', 'POST', '/accounts', {
      username: 'fuzzacct',
      name: 'Fuzz',
      role: 'fo',
      pin: '583920',
    });
    s.logoutToken = (await w.freshToken('fo')) ?? '';
    s.requestId = z.object({ id: z.string() }).parse(
      await w.as('coord', 'POST', '/visit-requests', {
        requesterKind: 'camat',
        requesterName: 'Camat Sungai Raya',
        place: { village: 'Desa Kuala Dua', district: 'Sungai Raya' },
        wishedDate: '2025-04-01',
      }),
    ).id;
    // Today's approved visit, with a photo: what the crew's routes act on.
    s.visitId = z.object({ id: z.string() }).parse(
      await w.as('coord', 'POST', '/visits', {
        date: w.t.hub.engine.serviceDay,
        place: { village: 'Desa Kuala Dua', district: 'Sungai Raya' },
        suratTugasNumber: '800/1/2025',
        crew: [{ name: 'Sri', role: 'coordinator' }],
      }),
    ).id;
    await w.as('kadis', 'POST', `/visits/${s.visitId}/approve`);
    const photo = await w.request(w.tokenOf('officer'), 'POST', `/api/visits/${s.visitId}/photos`, {
      body: 'RIFF\u0010\u0000\u0000\u0000WEBPVP8 ',
      headers: { 'content-type': 'image/webp' },
    });
    s.photoId = z.object({ id: z.string() }).parse(photo.body).id;
    s.bookingDate =
      BookingOptions.parse(await w.as('mod', 'GET', '/booking/options')).services[0]?.dates[1] ?? '';
    s.bookingCode = BookingView.parse(
      await w.t.hub.booking.make(
        { serviceId: 'kk', date: s.bookingDate, sessionId: 's1', name: 'Budi', phone: '081277770099' },
        undefined,
        'fuzz',
        PUBLIC,
      ),
    ).code;
  });
  afterAll(async () => {
    await healthy();
    // Whatever was accepted went through the log: every table still rebuilds from it (db:verify).
    w.t.hub.engine.flush();
    expectLogIsTruth(w.db);
    await w.stop();
  });

  it('lists every route that takes a body, and every GET route, the hub serves', () => {
    const served = routeInventory(w.t.hub.app).map(routeKey);
    expect(Object.keys(BODY_ROUTES).sort()).toEqual(served.filter((r) => /^(POST|PUT) /.test(r)));
    expect(Object.keys(GET_ROUTES).sort()).toEqual(served.filter((r) => r.startsWith('GET ')));
  });

  const bodyKeys = Object.keys(BODY_ROUTES).sort();
  it.each(bodyKeys)('%s: any body → 2xx or coded 4xx, and a 4xx changes nothing', async (key) => {
    const route = BODY_ROUTES[key];
    if (!route) throw new Error(key);
    const [method = '', template = ''] = key.split(' ');
    const input = fc.record({
      body: nearlyValidText(route.body(), HOSTILE),
      params: paramsArbitrary(route.params?.() ?? {}),
      idempotencyKey: fc.option(fc.stringMatching(/^[\x21-\x7e]{0,140}$/), { nil: undefined }),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=latin1',
            'application/vnd.api+json',
            'multipart/form-data; boundary=x',
          ),
        },
      ),
    });
    for (const { seed } of SEEDS) {
      await fc.assert(
        fc.asyncProperty(input, async ({ body, params, idempotencyKey, contentType }) => {
          await route.beforeRun?.(w);
          await w.settle();
          const before = w.fingerprint();
          const headers: Record<string, string> = { 'content-type': contentType };
          if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
          const res = await w.request(tokenOf(route.as), method, fill(template, params), { body, headers });
          await judge(key, before, res);
        }),
        { seed: seed + bodyKeys.indexOf(key), numRuns: Math.ceil(route.runs * SCALE) },
      );
    }
    await healthy();
  });

  it('a method a path does not serve gets 404 NOT_FOUND, coded, on every path', async () => {
    const served = routeInventory(w.t.hub.app).filter((r) => r.method !== 'USE');
    const paths = [...new Set(served.map((r) => r.path))];
    let asked = 0;
    for (const path of paths) {
      const methods = new Set(served.filter((r) => r.path === path).map((r) => r.method));
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.has(m))) {
        const before = w.fingerprint();
        const res = await w.request(w.tokenOf('admin'), method, path.replace(/:\w+/g, 'x1'), {
          ...(method === 'GET' ? {} : { body: '{}' }),
        });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(codedError(res.status, res.body)).toBe('NOT_FOUND');
        expect(w.fingerprint()).toEqual(before);
        asked += 1;
      }
    }
    expect(asked).toBeGreaterThan(200);
  });

  // Found by this fuzz: on-demand backups faster than the clock (or after it went back) got names older than the
  // newest kept, so pruning deleted the backup just written and the answer was 500.
  it('POST /api/admin/backup pressed again and again at one instant: every answer is a backup that exists', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await w.request(w.tokenOf('admin'), 'POST', '/api/admin/backup');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { file } = z.object({ file: z.string() }).parse(res.body);
      expect(readdirSync(w.t.hub.backups.folder)).toContain(file);
    }
    expect(readdirSync(w.t.hub.backups.folder).filter((f) => f.endsWith('.sqlite'))).toHaveLength(14);
  });

  const getKeys = Object.keys(GET_ROUTES).sort();
  it.each(getKeys)('%s: any query and path → 2xx or coded 4xx, and a 4xx changes nothing', async (key) => {
    const route = GET_ROUTES[key];
    if (!route) throw new Error(key);
    const template = key.split(' ')[1] ?? '';
    const input = fc.record({
      query: queryText(route.query),
      params: paramsArbitrary(route.params?.() ?? {}),
    });
    for (const { seed } of SEEDS) {
      await fc.assert(
        fc.asyncProperty(input, async ({ query, params }) => {
          await w.settle();
          const before = w.fingerprint();
          const res = await w.request(tokenOf(route.as), 'GET', fill(template, params) + query);
          await judge(key, before, res);
        }),
        { seed: seed + 1000 + getKeys.indexOf(key), numRuns: Math.ceil(route.runs * SCALE) },
      );
    }
    await healthy();
  });
});
