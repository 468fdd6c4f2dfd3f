import { createServer } from 'node:net';
import type { VisitPurpose } from '@giliran/domain';
import type { ComplaintList, VisitRegisterEntryView, VisitReportView } from '@giliran/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentral } from '../../apps/central/src/index.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { startTestCentral, type TestCentral } from '../support/central-harness.ts';
import { FAST_PUSH, untilSynced } from '../support/central-world.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';
import {
  approvedVisit,
  clockTo,
  localInstant,
  milestone,
  mobileSite,
  TINY_PNG,
  uploadPhoto,
} from '../support/mobile-world.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

/** The catalogue's service each purpose takes a number for (assets/demo-mobile/site.json). */
const SERVICE_OF: Readonly<Record<VisitPurpose, string>> = {
  permit: 'perizinan',
  non_permit: 'non-perizinan',
  consultation: 'konsultasi',
  counselling: 'konsultasi',
  complaint: 'pengaduan',
};
/** 40 citizens in the order they come: 20 permits (10 get their NIB), 7 non-permits, 7 consultations, 2 complaints, 4 counselling. */
const ARRIVALS: readonly VisitPurpose[] = Array.from({ length: 40 }, (_, i): VisitPurpose => {
  if (i === 13 || i === 31) return 'complaint';
  if (i % 10 === 9) return 'counselling';
  if (i % 5 === 1) return 'non_permit';
  if (i % 5 === 3) return 'consultation';
  return 'permit';
});

/**
 * Done-when of issue 17: a simulated visit day runs end to end with no network (request → schedule → depart →
 * set up → 40 citizens → 10 NIB → 2 complaints → counselling → pack up → report); then the network comes back and
 * central (real PostgreSQL) holds every record of it exactly once; the report's figures equal this test's count.
 */
describe('a visit day of the mobile unit, offline, then joined to the region', { timeout: 180_000 }, () => {
  let cluster: PostgresCluster;
  let c: TestCentral;
  let t: TestHub;
  let port: number;
  let siteId: string;
  const clock = new ManualClock(localInstant('10:00', '2026-03-02'));

  beforeAll(async () => {
    cluster = await startPostgres();
    c = await startTestCentral(cluster);
    const site = await c.enrol('mampir-boss-batu', 'mobile');
    siteId = site.id;
    // The region's server is at this address, but nothing answers there: the unit is in a village.
    port = await freePort();
    t = await startTestHub({
      clock,
      site: mobileSite({
        id: site.id,
        central: { url: `http://127.0.0.1:${port}`, siteId: site.id, key: site.key },
      }),
      centralTiming: FAST_PUSH,
    });
  });
  afterAll(async () => {
    await t.stop();
    await c.stop();
    await cluster.stop();
  });

  const counted: Record<VisitPurpose, number> = {
    permit: 0,
    non_permit: 0,
    consultation: 0,
    complaint: 0,
    counselling: 0,
  };
  const nibs: string[] = [];
  let visitId = '';
  let surveys = 0;

  it('runs the day with no network at all', async () => {
    visitId = await approvedVisit(t);
    clockTo(clock, '07:55');
    const coordinator = await t.login('koordinator');
    const permitOfficer = await t.login('petugas1');
    const registerOfficer = await t.login('petugas2');
    await milestone(t, coordinator, visitId, 'departed');
    clockTo(clock, '08:50');
    await milestone(t, registerOfficer, visitId, 'set-up');
    clockTo(clock, '09:00');
    await milestone(t, coordinator, visitId, 'service-opened');

    for (const [i, purpose] of ARRIVALS.entries()) {
      clockTo(
        clock,
        `${String(9 + Math.floor((i * 4) / 60)).padStart(2, '0')}:${String((i * 4) % 60).padStart(2, '0')}`,
      );
      // The number from the kiosk, called at meja-1, and the register filled from the counter while serving.
      const ticket = await t.api<{ id: string }>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: SERVICE_OF[purpose] },
      });
      expect(ticket.status).toBe(201);
      const called = await t.api('POST', '/counters/meja-1/call-ticket', {
        token: permitOfficer,
        body: { ticketId: ticket.body.id },
      });
      expect(called.status, JSON.stringify(called.body)).toBe(200);
      const entry = await t.api<VisitRegisterEntryView>('POST', `/visits/${visitId}/register`, {
        token: permitOfficer,
        body: {
          name: `Warga ${String(i + 1)}`,
          nik: i % 3 === 0 ? `35790145098700${String(i).padStart(2, '0')}` : null,
          phone: i % 2 === 0 ? `08123456${String(1000 + i)}` : null,
          businessName: purpose === 'permit' ? `Usaha ${String(i + 1)}` : null,
          riskClass: purpose === 'permit' ? (i % 2 === 0 ? 'menengah_rendah' : 'menengah_tinggi') : null,
          purpose,
          outcome: purpose === 'permit' && nibs.length >= 10 ? 'requirements_incomplete' : 'completed',
          ticketId: ticket.body.id,
          ...(purpose === 'complaint'
            ? { complaint: { text: `Keluhan warga ${String(i + 1)}: izin usaha lama belum terbit.` } }
            : {}),
        },
      });
      expect(entry.status, JSON.stringify(entry.body)).toBe(201);
      expect(entry.body.orderNumber).toBe(i + 1);
      counted[purpose] += 1;
      if (purpose === 'permit' && nibs.length < 10) {
        const nib = `91203${String(10_000_000 + i).slice(-8)}`;
        const permit = await t.api('POST', `/visits/${visitId}/permits`, {
          token: registerOfficer,
          body: {
            entryId: entry.body.id,
            nib,
            businessName: `Usaha ${String(i + 1)}`,
            riskClass: i % 2 === 0 ? 'menengah_rendah' : 'menengah_tinggi',
            document: 'nib',
            issuedInOssAt: new Date(clock.now()).toISOString(),
            printed: true,
            handedOver: true,
            accessExplained: true,
          },
        });
        expect(permit.status, JSON.stringify(permit.body)).toBe(201);
        nibs.push(nib);
      }
      const started = await t.api('POST', `/tickets/${ticket.body.id}/step`, { token: permitOfficer });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const finished = await t.api('POST', `/tickets/${ticket.body.id}/finish`, { token: permitOfficer });
      expect(finished.status, JSON.stringify(finished.body)).toBe(200);
      // Every third citizen fills in the SKM at the unit's tablet.
      if (i % 3 === 0) {
        const answered = await t.api('POST', '/survey/responses', {
          token: KIOSK_TOKEN,
          body: {
            serviceId: SERVICE_OF[purpose],
            answers: [4, 3, 4, 4, 4, 3, 4, 3, 4],
            respondent: { gender: 'perempuan', ageBand: '30_39', education: 'sma', occupation: 'wirausaha' },
          },
        });
        expect(answered.status, JSON.stringify(answered.body)).toBe(201);
        surveys += 1;
      }
    }
    // Counselling in the quiet moments.
    for (const [topic, people] of [
      ['Pentingnya legalitas usaha (NIB)', 14],
      ['Perizinan berusaha berbasis risiko di OSS RBA', 9],
    ] as const) {
      const session = await t.api('POST', `/visits/${visitId}/counselling`, {
        token: coordinator,
        body: { topic, peopleReached: people },
      });
      expect(session.status).toBe(201);
    }
    expect((await uploadPhoto(t, coordinator, visitId, TINY_PNG)).status).toBe(201);

    clockTo(clock, '12:00');
    await milestone(t, coordinator, visitId, 'service-closed');
    clockTo(clock, '12:40');
    await milestone(t, registerOfficer, visitId, 'packed-up');
    clockTo(clock, '13:05');
    await milestone(t, coordinator, visitId, 'returned');
    clockTo(clock, '14:00');
    await milestone(t, coordinator, visitId, 'reported');

    const status = t.hub.pusher.status();
    expect(status.lastAckedSeq).toBe(0);
    expect(status.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    expectLogIsTruth(t.hub.db);
  });

  it("the visit report's figures are this test's own count", async () => {
    const coordinator = await t.login('koordinator');
    const report = await t.api<VisitReportView>('GET', `/visits/${visitId}/report?format=json`, {
      token: coordinator,
    });
    expect(report.status).toBe(200);
    expect(counted).toEqual({ permit: 20, non_permit: 7, consultation: 7, complaint: 2, counselling: 4 });
    expect(report.body.countsByPurpose).toEqual(counted);
    expect(report.body.registered).toBe(40);
    expect(report.body.permitsIssued).toBe(10);
    expect(report.body.permits.map((p) => p.nib)).toEqual(nibs);
    expect(report.body.complaints).toHaveLength(2);
    expect(report.body.counselling).toMatchObject({ sessions: 2, peopleReached: 23 });
    expect(report.body.skm.respondents).toBe(surveys);
    expect(report.body.skm.ikm).toBeGreaterThan(88.3);
    expect(report.body.signedOff?.by).toBe('koordinator');
    expect(report.body.milestones.map((m) => [m.milestone, m.judgement])).toEqual([
      ['departed', 'on_time'],
      ['set-up', 'on_time'],
      ['service-opened', 'on_time'],
      ['service-closed', 'on_time'],
      ['packed-up', 'on_time'],
      ['returned', 'late'],
      ['reported', 'on_time'],
    ]);
    const complaints = await t.api<ComplaintList>('GET', '/complaints', { token: coordinator });
    expect(complaints.body.complaints.filter((x) => x.channel === 'mobile_unit')).toHaveLength(2);
  });

  it('the network comes back: central holds every record of the day exactly once, without NIK, phone or names', async () => {
    const central = await createCentral({
      databaseUrl: c.databaseUrl,
      port,
      logger: pino({ level: 'silent' }),
    });
    try {
      await untilSynced(t);
      const hubEvents = t.hub.db.prepare('SELECT id, type FROM events ORDER BY id').all() as {
        id: number;
        type: string;
      }[];
      const { rows } = await central.pool.query<{ seq: string; type: string; payload: unknown }>(
        'SELECT seq, type, payload FROM events WHERE site_id = $1 ORDER BY seq',
        [siteId],
      );
      expect(rows.map((r) => [Number(r.seq), r.type])).toEqual(hubEvents.map((e) => [e.id, e.type]));
      const ofType = (type: string) => rows.filter((r) => r.type === type);
      expect(ofType('visit:registered')).toHaveLength(40);
      expect(ofType('visit:permit-issued')).toHaveLength(10);
      expect(ofType('complaint:filed')).toHaveLength(2);
      expect(ofType('visit:counselling-held')).toHaveLength(2);
      expect(ofType('visit:milestone-recorded')).toHaveLength(7);
      const byPurpose: Record<string, number> = {};
      for (const r of ofType('visit:registered')) {
        const { purpose } = r.payload as { purpose: string };
        byPurpose[purpose] = (byPurpose[purpose] ?? 0) + 1;
      }
      expect(byPurpose).toEqual(counted);
      const sent = JSON.stringify(rows.map((r) => r.payload));
      expect(sent).not.toMatch(/357901450987|081234561|Warga \d/);
    } finally {
      await central.close();
    }
  });
});
