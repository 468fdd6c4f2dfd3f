import {
  ComplaintList,
  ComplaintView,
  HolidayView,
  PublicComplaintStatus,
  type ApiErrorBody,
  type ComplaintChanged,
  type IssuedTicket,
} from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PUBLIC_FILINGS_PER_DEVICE_10_MIN } from '../../apps/hub/src/complaints/complaint-routes.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 25 November 2026, 10:00 WIB (Asia/Pontianak, UTC+7).
const WEDNESDAY_1000 = '2026-11-25T03:00:00.000Z';
const HOUR = 3_600_000;

const FORM = {
  name: 'Siti Aminah',
  occupation: 'Wiraswasta',
  address: 'Jl. Adisucipto No. 7, Sungai Raya',
  contact: '0812-5555-0101',
  agencyId: 'disdukcapil',
  text: 'KTP-el saya belum jadi setelah dua minggu, padahal dijanjikan satu minggu.',
};

describe('complaints through the hub', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('takes a public complaint without sign-in and shows it by code without personal data', async () => {
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock });
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    const mod = await t.login('mod');
    const staff = await t.socket(mod);
    const changed = collect<ComplaintChanged>(staff, 'complaint:changed', 1);

    const filed = await t.api<PublicComplaintStatus>('POST', '/public/complaints', {
      body: { ...FORM, ticket: issued.body.number.toLowerCase() },
      headers: { 'idempotency-key': 'form-fill-0001' },
      schema: PublicComplaintStatus,
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      registerNo: '2026/0001',
      status: 'received',
      category: 'normatif',
      agencyName: { id: 'Dinas Kependudukan dan Pencatatan Sipil' },
      receivedAt: WEDNESDAY_1000,
      // Normatif: 5 working days after Wednesday is the next Wednesday; it ends at midnight WIB.
      deadlineDay: '2026-12-02',
      deadlineAt: '2026-12-02T17:00:00.000Z',
      late: false,
      answer: null,
    });
    expect(filed.body.code).toMatch(/^[A-Z0-9]{10}$/);
    const [event] = await changed;
    expect(event).toEqual({
      id: expect.any(String) as string,
      code: filed.body.code,
      registerNo: '2026/0001',
      status: 'received',
      lateCompensationId: null,
      at: WEDNESDAY_1000,
    });

    // The same form sent twice (a double tap on a phone) files one complaint.
    const again = await t.api<PublicComplaintStatus>('POST', '/public/complaints', {
      body: { ...FORM, ticket: issued.body.number },
      headers: { 'idempotency-key': 'form-fill-0001' },
    });
    expect(again.body.code).toBe(filed.body.code);

    // Followed by its code, in any case and with the dash the page shows.
    const code = filed.body.code;
    const followed = await t.api<PublicComplaintStatus>(
      'GET',
      `/public/complaints/${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`,
      { schema: PublicComplaintStatus },
    );
    expect(followed.status).toBe(200);
    const text = JSON.stringify(followed.body);
    for (const personal of [FORM.name, FORM.contact, FORM.address, FORM.occupation, FORM.text]) {
      expect(text).not.toContain(personal);
    }
    expect(followed.body.history).toEqual([{ status: 'received', at: WEDNESDAY_1000 }]);

    const list = await t.api<ComplaintList>('GET', '/complaints', { token: mod, schema: ComplaintList });
    expect(list.body.complaints).toHaveLength(1);
    expect(list.body.complaints[0]).toMatchObject({
      channel: 'website',
      name: FORM.name,
      receivedBy: 'public',
      ticket: { ref: issued.body.number, ticketId: issued.body.id, number: issued.body.number },
    });

    const missing = await t.api<ApiErrorBody>('GET', '/public/complaints/ZZZZZZZZZZ');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'COMPLAINT_NOT_FOUND',
      message: { id: expect.stringContaining('Pengaduan') as string, en: expect.any(String) as string },
    });
  });

  it('refuses an incomplete form with a bilingual coded error, and floods from one address', async () => {
    t = await startTestHub({ clock: new ManualClock(WEDNESDAY_1000) });
    const bad = await t.api<ApiErrorBody>('POST', '/public/complaints', { body: { ...FORM, name: ' ' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details?.[0]?.path).toBe('name');
    const extra = await t.api<ApiErrorBody>('POST', '/public/complaints', {
      body: { ...FORM, channel: 'email' },
    });
    expect(extra.status).toBe(400);
    const agency = await t.api<ApiErrorBody>('POST', '/public/complaints', {
      body: { ...FORM, agencyId: 'nowhere' },
    });
    expect(agency.body.error.details).toEqual([{ path: 'agencyId', message: 'unknown agency' }]);

    // Three went through the device's limiter above (refused by validation after it): the rest of its 5 are filed.
    for (let i = 3; i < PUBLIC_FILINGS_PER_DEVICE_10_MIN; i++) {
      expect((await t.api('POST', '/public/complaints', { body: FORM })).status).toBe(201);
    }
    const limited = await t.api<ApiErrorBody>('POST', '/public/complaints', { body: FORM });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('COMPLAINT_RATE_LIMITED');
    expect(limited.body.error.message.en).toContain('Too many complaints');
  });

  it('lets FO enter a complaint from another channel and MOD take it to an answer, with who and when', async () => {
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock });
    const fo = await t.login('fo');
    const mod = await t.login('mod');

    const noRef = await t.api<ApiErrorBody>('POST', '/complaints', {
      token: fo,
      body: { channel: 'sp4n_lapor', name: 'Budi', text: 'Antrean SAMSAT terlalu lama.' },
    });
    expect(noRef.body.error.details?.[0]?.path).toBe('channelRef');
    const entered = await t.api<ComplaintView>('POST', '/complaints', {
      token: fo,
      body: {
        channel: 'sp4n_lapor',
        channelRef: 'LAPOR-7412345',
        name: 'Budi',
        text: 'Antrean SAMSAT terlalu lama.',
        agencyId: 'samsat',
        category: 'ringan',
      },
      schema: ComplaintView,
    });
    expect(entered.status).toBe(201);
    // Ringan: 3 hours on the clock.
    expect(entered.body).toMatchObject({
      channel: 'sp4n_lapor',
      channelRef: 'LAPOR-7412345',
      receivedBy: 'fo',
      category: 'ringan',
      deadlineAt: '2026-11-25T06:00:00.000Z',
      deadlineDay: null,
    });
    const id = entered.body.id;

    // FO enters and reads; handling is MOD's.
    const foVerify = await t.api('POST', `/complaints/${id}/status`, { token: fo, body: { to: 'verified' } });
    expect(foVerify.status).toBe(403);
    const skip = await t.api<ApiErrorBody>('POST', `/complaints/${id}/status`, {
      token: mod,
      body: { to: 'closed' },
    });
    expect(skip.body.error.code).toBe('COMPLAINT_REASON_REQUIRED');
    const early = await t.api<ApiErrorBody>('POST', `/complaints/${id}/status`, {
      token: mod,
      body: { to: 'answered', answer: 'Maaf' },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('COMPLAINT_INVALID_TRANSITION');

    clock.advance(HOUR);
    const recategorised = await t.api<ComplaintView>('POST', `/complaints/${id}/category`, {
      token: mod,
      body: { category: 'tidak_berkadar_pengawasan', note: 'Perlu data dari SAMSAT' },
    });
    // 14 working days from Wednesday 25 November: 26–27 Nov, 30 Nov–4 Dec, 7–11 Dec, 14–15 Dec.
    expect(recategorised.body).toMatchObject({
      deadlineDay: '2026-12-15',
      deadlineAt: '2026-12-15T17:00:00.000Z',
    });
    clock.advance(HOUR);
    await t.api('POST', `/complaints/${id}/status`, { token: mod, body: { to: 'verified', note: 'Benar' } });
    await t.api('POST', `/complaints/${id}/status`, {
      token: mod,
      body: { to: 'in_follow_up', note: 'Diteruskan ke SAMSAT' },
      headers: { 'idempotency-key': 'follow-up-0001' },
    });
    // The same press again is the same change, not a refused second one.
    const replayed = await t.api<ComplaintView>('POST', `/complaints/${id}/status`, {
      token: mod,
      body: { to: 'in_follow_up', note: 'Diteruskan ke SAMSAT' },
      headers: { 'idempotency-key': 'follow-up-0001' },
    });
    expect(replayed.status).toBe(200);
    clock.advance(HOUR);
    const answered = await t.api<ComplaintView>('POST', `/complaints/${id}/status`, {
      token: mod,
      body: { to: 'answered', answer: 'Loket SAMSAT ditambah satu mulai Senin.' },
      schema: ComplaintView,
    });
    expect(answered.body).toMatchObject({
      status: 'answered',
      answer: 'Loket SAMSAT ditambah satu mulai Senin.',
      // The answer goes back through the channel the complaint came by.
      answerChannel: 'sp4n_lapor',
      answeredBy: 'mod',
      answeredAt: '2026-11-25T06:00:00.000Z',
      late: false,
    });
    const tooLate = await t.api<ApiErrorBody>('POST', `/complaints/${id}/category`, {
      token: mod,
      body: { category: 'ringan' },
    });
    expect(tooLate.body.error.code).toBe('COMPLAINT_ALREADY_ANSWERED');
    await t.api('POST', `/complaints/${id}/status`, { token: mod, body: { to: 'closed' } });

    const detail = await t.api<ComplaintView>('GET', `/complaints/${id}`, { token: fo });
    expect(detail.body.history.map((h) => [h.kind, h.status, h.category, h.by, h.at, h.note])).toEqual([
      ['received', 'received', 'ringan', 'fo', '2026-11-25T03:00:00.000Z', null],
      [
        'category',
        'received',
        'tidak_berkadar_pengawasan',
        'mod',
        '2026-11-25T04:00:00.000Z',
        'Perlu data dari SAMSAT',
      ],
      ['status', 'verified', null, 'mod', '2026-11-25T05:00:00.000Z', 'Benar'],
      ['status', 'in_follow_up', null, 'mod', '2026-11-25T05:00:00.000Z', 'Diteruskan ke SAMSAT'],
      ['status', 'answered', null, 'mod', '2026-11-25T06:00:00.000Z', null],
      ['status', 'closed', null, 'mod', '2026-11-25T06:00:00.000Z', null],
    ]);

    const open = await t.api<ComplaintList>('GET', '/complaints?status=open', { token: mod });
    expect(open.body.complaints).toEqual([]);
    const found = await t.api<ComplaintList>('GET', '/complaints?q=samsat&channel=sp4n_lapor', {
      token: mod,
    });
    expect(found.body.complaints.map((c) => c.id)).toEqual([id]);
    const officer = await t.login('loket1');
    expect((await t.api('GET', '/complaints', { token: officer })).status).toBe(403);
    expect((await t.api('GET', '/complaints?status=nonsense', { token: mod })).status).toBe(400);
  });

  it('keeps an editable holiday calendar that moves the deadlines of open complaints', async () => {
    t = await startTestHub({ clock: new ManualClock(WEDNESDAY_1000) });
    const mod = await t.login('mod');
    const fo = await t.login('fo');
    const seeded = await t.api<HolidayView[]>('GET', '/calendar/holidays?year=2026', {
      token: fo,
      schema: z.array(HolidayView),
    });
    // SKB 3 Menteri 2026: 17 national holidays and 8 days of cuti bersama.
    expect(seeded.body.filter((h) => h.kind === 'libur_nasional')).toHaveLength(17);
    expect(seeded.body.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);

    const filed = await t.api<PublicComplaintStatus>('POST', '/public/complaints', { body: FORM });
    expect(filed.body.deadlineDay).toBe('2026-12-02');

    // A regional holiday on Monday 30 November and a cuti bersama on Tuesday 1 December push it two days.
    const year = [
      ...seeded.body,
      { date: '2026-11-30', kind: 'libur_nasional', name: 'Hari Jadi Kabupaten' },
      { date: '2026-12-01', kind: 'cuti_bersama', name: 'Cuti bersama tambahan' },
    ];
    const foPut = await t.api('PUT', '/calendar/holidays', {
      token: fo,
      body: { year: 2026, holidays: year },
    });
    expect(foPut.status).toBe(403);
    const wrongYear = await t.api<ApiErrorBody>('PUT', '/calendar/holidays', {
      token: mod,
      body: { year: 2027, holidays: year },
    });
    expect(wrongYear.status).toBe(400);
    const saved = await t.api<HolidayView[]>('PUT', '/calendar/holidays', {
      token: mod,
      body: { year: 2026, holidays: year },
    });
    expect(saved.body).toHaveLength(27);
    const moved = await t.api<PublicComplaintStatus>('GET', `/public/complaints/${filed.body.code}`);
    expect(moved.body).toMatchObject({ deadlineDay: '2026-12-04', deadlineAt: '2026-12-04T17:00:00.000Z' });

    const categories = await t.api<{ category: string; unit: string; amount: number }[]>(
      'GET',
      '/complaints/categories',
      { token: mod },
    );
    expect(categories.body).toContainEqual({
      category: 'berkadar_pengawasan',
      unit: 'working_days',
      amount: 60,
    });
    const admin = await t.login('admin');
    const rules = categories.body.map((c) => (c.category === 'normatif' ? { ...c, amount: 3 } : c));
    expect(
      (await t.api('PUT', '/complaints/categories', { token: mod, body: { categories: rules } })).status,
    ).toBe(403);
    const ruled = await t.api('PUT', '/complaints/categories', { token: admin, body: { categories: rules } });
    expect(ruled.status).toBe(200);
    const shorter = await t.api<PublicComplaintStatus>('GET', `/public/complaints/${filed.body.code}`);
    // Three working days: Thu 26, Fri 27, (Mon 30 and Tue 1 off) Wed 2 December.
    expect(shorter.body.deadlineDay).toBe('2026-12-02');
  });
});
