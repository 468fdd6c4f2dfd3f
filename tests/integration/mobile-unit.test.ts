import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplaintList, VisitDetailView, VisitRegisterEntryView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';
import {
  approvedVisit,
  clockTo,
  CREW,
  localInstant,
  milestone,
  mobileSite,
  PLACE,
  TINY_PNG,
  uploadPhoto,
  VISIT_DAY,
} from '../support/mobile-world.ts';

const PHOTO_LIMIT = 64 * 1024;

/** The unit's laptop: the demo MAMPIR BOSS site, planned a week ahead, then its visit day. */
describe('mobile unit: the one write path, bad input, personal data, photos', () => {
  const clock = new ManualClock(localInstant('10:00', '2026-03-02'));
  let t: TestHub;
  let visitId: string;
  let coordinator: string;
  let officer: string;
  const events = () => t.hub.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;

  /** A refusal with its code, and not one event more in the log. */
  async function refused(
    expected: { status: number; code: string },
    send: () => Promise<{ status: number; body: unknown }>,
  ): Promise<void> {
    const before = events();
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(expected.status);
    const { error } = res.body as { error: { code: string; message: { id: string; en: string } } };
    expect(error.code).toBe(expected.code);
    expect(error.message.id.length * error.message.en.length).toBeGreaterThan(0);
    expect(events()).toBe(before);
  }

  beforeAll(async () => {
    t = await startTestHub({
      clock,
      site: mobileSite({
        mobile: { photoMaxBytes: PHOTO_LIMIT, milestoneStandards: {}, keepPersonalDataDays: 30 },
      }),
    });
    coordinator = await t.login('koordinator');
    officer = await t.login('petugas1');
    visitId = await approvedVisit(t);
  });
  afterAll(async () => {
    await t.stop();
  });

  it('a fifth crew member is refused and nothing is scheduled', async () => {
    await refused({ status: 400, code: 'MOBILE_CREW_TOO_LARGE' }, () =>
      t.api('POST', '/visits', {
        token: coordinator,
        body: {
          date: '2026-03-12',
          place: PLACE,
          suratTugasNumber: '800/46/422.110/2026',
          crew: [...CREW, { name: 'Dewi Lestari', role: 'register_officer' }],
        },
      }),
    );
    await refused({ status: 409, code: 'MOBILE_DATE_TAKEN' }, () =>
      t.api('POST', '/visits', {
        token: coordinator,
        body: { date: VISIT_DAY, place: PLACE, suratTugasNumber: 'x', crew: CREW },
      }),
    );
  });

  it('a visit outside its schedule takes no milestone and no register entry', async () => {
    await refused({ status: 409, code: 'MOBILE_VISIT_NOT_TODAY' }, () =>
      t.api('POST', `/visits/${visitId}/milestones/departed`, { token: officer, body: {} }),
    );
    await refused({ status: 409, code: 'MOBILE_VISIT_NOT_TODAY' }, () =>
      t.api('POST', `/visits/${visitId}/register`, {
        token: officer,
        body: { name: 'Siti', purpose: 'consultation', outsideWindowReason: 'uji' },
      }),
    );
  });

  it('the day: a milestone twice is refused; the officer may not sign the report', async () => {
    clockTo(clock, '07:58');
    // A week later: yesterday's sessions have expired.
    coordinator = await t.login('koordinator');
    officer = await t.login('petugas1');
    await milestone(t, officer, visitId, 'departed');
    await refused({ status: 409, code: 'MOBILE_MILESTONE_RECORDED' }, () =>
      t.api('POST', `/visits/${visitId}/milestones/departed`, { token: officer, body: {} }),
    );
    await refused({ status: 409, code: 'MOBILE_MILESTONE_OUT_OF_ORDER' }, () =>
      t.api('POST', `/visits/${visitId}/milestones/service-opened`, { token: officer, body: {} }),
    );
    await refused({ status: 403, code: 'FORBIDDEN' }, () =>
      t.api('POST', `/visits/${visitId}/milestones/reported`, { token: officer, body: {} }),
    );
    clockTo(clock, '09:07');
    await milestone(t, officer, visitId, 'set-up');
    await milestone(t, officer, visitId, 'service-opened');
    const detail = await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token: coordinator });
    expect(detail.body.milestones.slice(0, 3).map((m) => [m.milestone, m.judgement, m.minutesOff])).toEqual([
      ['departed', 'on_time', 0],
      ['set-up', 'late', 7],
      ['service-opened', 'late', 7],
    ]);
    expect(detail.body.offStandard).toBe(2);
  });

  it('NIK and phone are masked in lists except for the coordinator', async () => {
    const res = await t.api<VisitRegisterEntryView>('POST', `/visits/${visitId}/register`, {
      token: officer,
      body: {
        name: 'Siti Aminah',
        nik: '3579 0145 0987 0001',
        phone: '0812-3456-7890',
        businessName: 'Keripik Apel Siti',
        riskClass: 'menengah_rendah',
        purpose: 'permit',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ orderNumber: 1, nik: '************0001', phone: '********7890' });
    const asOfficer = await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token: officer });
    expect(asOfficer.body.register[0]).toMatchObject({ nik: '************0001', phone: '********7890' });
    expect(asOfficer.body.personalData).toBe('masked');
    const asCoordinator = await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token: coordinator });
    expect(asCoordinator.body.register[0]).toMatchObject({ nik: '3579014509870001', phone: '081234567890' });
    const report = await t.api<string>('GET', `/visits/${visitId}/report`, { token: coordinator });
    expect(JSON.stringify(report.body)).not.toMatch(/3579014509870001|081234567890|0001"|7890"/);
    await refused({ status: 400, code: 'MOBILE_NIK_INVALID' }, () =>
      t.api('POST', `/visits/${visitId}/register`, {
        token: officer,
        body: { name: 'Budi', nik: '12345', purpose: 'consultation' },
      }),
    );
  });

  it('an NIB that is not 13 digits, or a password, is refused; a good one is registered once', async () => {
    const permit = {
      nib: '9120001234567',
      businessName: 'Keripik Apel Siti',
      riskClass: 'menengah_rendah',
      document: 'nib',
      issuedInOssAt: localInstant('09:20'),
      printed: true,
      handedOver: true,
      accessExplained: true,
    };
    for (const nib of ['912000123456', '91200012345678', 'NIB9120001234'])
      await refused({ status: 400, code: 'MOBILE_NIB_INVALID' }, () =>
        t.api('POST', `/visits/${visitId}/permits`, { token: officer, body: { ...permit, nib } }),
      );
    await refused({ status: 400, code: 'VALIDATION_FAILED' }, () =>
      t.api('POST', `/visits/${visitId}/permits`, {
        token: officer,
        body: { ...permit, password: 'rahasia123' },
      }),
    );
    expect((await t.api('POST', `/visits/${visitId}/permits`, { token: officer, body: permit })).status).toBe(
      201,
    );
    await refused({ status: 409, code: 'MOBILE_PERMIT_DUPLICATE' }, () =>
      t.api('POST', `/visits/${visitId}/permits`, { token: officer, body: permit }),
    );
    const stored = t.hub.db
      .prepare("SELECT payload FROM events WHERE type = 'visit:permit-issued'")
      .pluck()
      .all();
    expect(JSON.stringify(stored)).not.toMatch(/password|rahasia/i);
  });

  it('a field complaint goes into the complaint register with channel mobile unit and its deadline', async () => {
    const res = await t.api<VisitRegisterEntryView>('POST', `/visits/${visitId}/register`, {
      token: officer,
      body: {
        name: 'Pak Slamet',
        purpose: 'complaint',
        outcome: 'informed',
        complaint: { text: 'Jalan ke kantor kecamatan rusak, izin lama belum jadi.' },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const list = await t.api<ComplaintList>('GET', '/complaints', { token: coordinator });
    const filed = list.body.complaints.find((c) => c.id === res.body.complaintId);
    expect(filed).toMatchObject({ channel: 'mobile_unit', category: 'normatif', status: 'received' });
    await refused({ status: 400, code: 'VALIDATION_FAILED' }, () =>
      t.api('POST', `/visits/${visitId}/register`, {
        token: officer,
        body: { name: 'X', purpose: 'complaint' },
      }),
    );
  });

  it('photos: too large or not an image is refused; an image is kept 0600 in a 0700 folder', async () => {
    const large = new Uint8Array(PHOTO_LIMIT + 10);
    large.set(TINY_PNG.subarray(0, 8));
    await refused({ status: 413, code: 'MOBILE_PHOTO_TOO_LARGE' }, () =>
      uploadPhoto(t, officer, visitId, large),
    );
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
    await refused({ status: 415, code: 'MOBILE_PHOTO_NOT_IMAGE' }, () =>
      uploadPhoto(t, officer, visitId, svg, 'image/svg+xml'),
    );
    const ok = await uploadPhoto(t, officer, visitId, TINY_PNG);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const folder = join(t.dataDir, 'mobile-photos', visitId);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, `${ok.body.id ?? ''}.png`)).mode & 0o777).toBe(0o600);
    const back = await fetch(`${t.hub.url}/api/visits/${visitId}/photos/${ok.body.id ?? ''}`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(TINY_PNG);
  });

  it('every table of the unit is its log folded', () => {
    expectLogIsTruth(t.hub.db);
  });

  it('NIK and phone are kept 30 days after the visit, then erased from rows, events and the coordinator’s view', async () => {
    const WHOLE = /3579014509870001|081234567890/;
    const inEvents = () =>
      t.hub.db
        .prepare("SELECT COUNT(*) FROM events WHERE type = 'visit:registered' AND payload LIKE ?")
        .pluck()
        .get('%3579014509870001%') as number;
    const inRows = () =>
      t.hub.db
        .prepare('SELECT COUNT(*) FROM visit_register WHERE nik IS NOT NULL OR phone IS NOT NULL')
        .pluck()
        .get() as number;
    const seen = async () => {
      const token = await t.login('koordinator');
      const detail = await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token });
      const report = await t.api('GET', `/visits/${visitId}/report`, { token });
      expect(JSON.stringify(report.body)).not.toMatch(WHOLE);
      return JSON.stringify(detail.body.register);
    };
    // The thirtieth day after the visit: still kept, for the coordinator to reach a citizen about a permit.
    clockTo(clock, '23:00', '2026-04-09');
    t.hub.messages.eraser.eraseNow();
    expect({ events: inEvents(), rows: inRows() }).toEqual({ events: 1, rows: 1 });
    expect(await seen()).toMatch(WHOLE);
    // The next day the eraser's own hourly round has blanked them everywhere; the name and purpose stay.
    clockTo(clock, '02:00', '2026-04-10');
    expect({ events: inEvents(), rows: inRows() }).toEqual({ events: 0, rows: 0 });
    const after = await seen();
    expect(after).not.toMatch(WHOLE);
    expect(after).toContain('Siti Aminah');
    // `db:verify`'s check: the log still rebuilds exactly these rows.
    expectLogIsTruth(t.hub.db);
  });
});
