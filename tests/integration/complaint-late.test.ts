import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompensationRaised } from '@giliran/domain';
import type {
  Broadcast,
  CompensationView,
  ComplaintChanged,
  ComplaintView,
  PublicComplaintStatus,
} from '@giliran/protocol';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../apps/hub/src/hub.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 25 November 2026, 10:00 WIB. Normatif (the default): due by the end of Wednesday 2 December, WIB.
const WEDNESDAY_1000 = '2026-11-25T03:00:00.000Z';
const DEADLINE = '2026-12-02T17:00:00.000Z';
const UNTIL_DEADLINE = Date.parse(DEADLINE) - Date.parse(WEDNESDAY_1000);
const HOUR = 3_600_000;
/** The code as MOD reads it on the compensation's note. */
const grouped = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

const FORM = {
  name: 'Rahmat Hidayat',
  occupation: 'Petani',
  address: 'Desa Kuala Dua, Sungai Raya',
  contact: 'rahmat@example.id',
  text: 'Berkas izin usaha saya dikembalikan tanpa penjelasan.',
};

/** A filing from the public form; MOD verifies it (an unverified one may be spam and sanctions nobody). */
async function file(t: TestHub, verify = true): Promise<PublicComplaintStatus> {
  const res = await t.api<PublicComplaintStatus>('POST', '/public/complaints', { body: FORM });
  expect(res.status).toBe(201);
  if (verify) {
    const mod = await t.login('mod');
    const list = await t.api<{ complaints: ComplaintView[] }>('GET', `/complaints?q=${res.body.code}`, {
      token: mod,
    });
    const id = list.body.complaints[0]?.id ?? '';
    const verified = await t.api('POST', `/complaints/${id}/status`, {
      token: mod,
      body: { to: 'verified' },
    });
    expect(verified.status).toBe(200);
  }
  return res.body;
}

async function lateCompensations(t: TestHub): Promise<CompensationView[]> {
  const res = await t.api<CompensationView[]>('GET', '/compensations', { token: await t.login('mod') });
  return res.body.filter((c) => c.kind === 'complaint_late');
}

describe('a complaint past its deadline raises the complaint_late compensation', () => {
  let t: TestHub | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await t?.stop();
    t = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('exactly at the deadline, once, broadcast to MOD, and the late answer is marked late', async () => {
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock });
    const complaint = await file(t);
    expect(complaint.deadlineAt).toBe(DEADLINE);
    clock.advance(UNTIL_DEADLINE - 1);
    expect(await lateCompensations(t)).toEqual([]);
    // A week on, the MOD on duty signs in for the shift (a session lasts 12 hours and its socket hears no more).
    let mod = await t.login('mod');
    const staff = await t.socket(mod);
    const raised = collect<Broadcast<CompensationRaised>>(staff, 'compensation:raised', 1);
    const changed = collect<ComplaintChanged>(staff, 'complaint:changed', 1);
    clock.advance(1);
    const [event] = await raised;
    expect(event).toMatchObject({ kind: 'complaint_late', at: DEADLINE, by: 'system', ticketId: null });
    expect(event?.remedy.id).toBe('Permohonan maaf');
    expect(event?.note).toBe(
      `Pengaduan 2026/0001 (kode ${grouped(complaint.code)}) belum dijawab sampai tenggat akhir hari 2026-12-02.`,
    );
    const [update] = await changed;
    expect(update).toMatchObject({
      code: complaint.code,
      lateCompensationId: event?.compensationId,
      at: DEADLINE,
    });

    // A day later, and after the late answer, still the one compensation.
    clock.advance(24 * HOUR);
    // Sessions last a shift: the next morning MOD signs in again.
    mod = await t.login('mod');
    const list = await t.api<{ complaints: ComplaintView[] }>('GET', '/complaints?late=true', { token: mod });
    const id = list.body.complaints[0]?.id ?? '';
    const answered = await t.api<ComplaintView>('POST', `/complaints/${id}/status`, {
      token: mod,
      body: {
        to: 'answered',
        answer: 'Berkas dikembalikan karena NIB belum aktif; mohon maaf atas keterlambatan.',
      },
    });
    expect(answered.body).toMatchObject({ late: true, lateCompensationId: event?.compensationId });
    expect(answered.body.history.map((h) => [h.kind, h.status, h.by, h.at])).toEqual([
      ['received', 'received', 'public', WEDNESDAY_1000],
      ['status', 'verified', 'mod', WEDNESDAY_1000],
      ['late', 'verified', 'system', DEADLINE],
      ['status', 'answered', 'mod', '2026-12-03T17:00:00.000Z'],
    ]);
    clock.advance(30 * 24 * HOUR);
    expect(await lateCompensations(t)).toHaveLength(1);
    const followed = await t.api<PublicComplaintStatus>('GET', `/public/complaints/${complaint.code}`);
    expect(followed.body).toMatchObject({ status: 'answered', late: true, answerChannel: 'website' });
  });

  it('raises nothing for a complaint answered in time, or closed as not a complaint', async () => {
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock });
    await file(t, false);
    await file(t, false);
    const { body } = await t.api<{ complaints: ComplaintView[] }>('GET', '/complaints', {
      token: await t.login('mod'),
    });
    const [second, first] = body.complaints;
    clock.advance(UNTIL_DEADLINE - HOUR);
    const mod = await t.login('mod');
    await t.api('POST', `/complaints/${first?.id ?? ''}/status`, { token: mod, body: { to: 'verified' } });
    const answered = await t.api<ComplaintView>('POST', `/complaints/${first?.id ?? ''}/status`, {
      token: mod,
      body: { to: 'answered', answer: 'Sudah diproses.', answerChannel: 'email' },
    });
    expect(answered.body).toMatchObject({ late: false, answerChannel: 'email' });
    const closed = await t.api<ComplaintView>('POST', `/complaints/${second?.id ?? ''}/status`, {
      token: mod,
      body: { to: 'closed', note: 'Pengaduan ganda' },
    });
    expect(closed.body.status).toBe('closed');
    clock.advance(10 * 24 * HOUR);
    expect(await lateCompensations(t)).toEqual([]);
  });

  it('never raises it for a flood of unverified public filings; one verified after its deadline is raised then', async () => {
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock });
    const flood = [];
    for (let i = 0; i < 5; i++) flood.push(await file(t, false));
    clock.advance(UNTIL_DEADLINE + 10 * 24 * HOUR);
    expect(await lateCompensations(t)).toEqual([]);
    // MOD marks four as spam: their clocks stop.
    const mod = await t.login('mod');
    const { body } = await t.api<{ complaints: ComplaintView[] }>('GET', '/complaints', { token: mod });
    const [genuine, ...spam] = body.complaints;
    for (const row of spam) {
      const marked = await t.api<ComplaintView>('POST', `/complaints/${row.id}/status`, {
        token: mod,
        body: { to: 'spam' },
      });
      expect(marked.body).toMatchObject({ status: 'spam', late: false });
    }
    // The genuine one, verified late, is owed its compensation now.
    await t.api('POST', `/complaints/${genuine?.id ?? ''}/status`, { token: mod, body: { to: 'verified' } });
    await expect.poll(async () => (await lateCompensations(t as TestHub)).length).toBe(1);
    clock.advance(30 * 24 * HOUR);
    expect(await lateCompensations(t)).toHaveLength(1);
  });

  it('spam has a status of its own: no deadline, no sanction, out of the register’s counts unless asked for', async () => {
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock });
    const mod = await t.login('mod');
    // Entered by FO from a phone call: a staff filing runs on its deadline from receipt, verified or not.
    const entered = await t.api<ComplaintView>('POST', '/complaints', {
      token: await t.login('fo'),
      body: { channel: 'phone', name: 'Anonim', text: 'asdf asdf asdf', category: 'ringan' },
    });
    expect(entered.status).toBe(201);
    const genuine = await file(t);
    const marked = await t.api<ComplaintView>('POST', `/complaints/${entered.body.id}/status`, {
      token: mod,
      body: { to: 'spam', note: 'Isi tidak bermakna' },
    });
    expect(marked.body).toMatchObject({ status: 'spam', late: false });
    clock.advance(UNTIL_DEADLINE + 10 * 24 * HOUR);
    // Its 3-hour deadline passed long ago: no complaint_late, no officer sanctioned.
    expect(await lateCompensations(t)).toHaveLength(1); // the genuine one's
    const reader = await t.login('mod'); // a new shift: the morning's session has ended
    const ids = async (query: string) =>
      (
        await t?.api<{ complaints: ComplaintView[] }>('GET', `/complaints${query}`, { token: reader })
      )?.body.complaints.map((c) => c.id);
    const genuineId = (
      await t.api<{ complaints: ComplaintView[] }>('GET', `/complaints?q=${genuine.code}`, { token: reader })
    ).body.complaints[0]?.id;
    expect(await ids('')).toEqual([genuineId]);
    expect(await ids('?status=open')).toEqual([genuineId]);
    expect(await ids('?status=spam')).toEqual([entered.body.id]);
    const publicView = await t.api<PublicComplaintStatus>('GET', `/public/complaints/${entered.body.code}`);
    expect(publicView.body.status).toBe('spam');
    // A mark made in error is undone by verifying: the deadline it always had is long past, so it is raised now.
    await t.api('POST', `/complaints/${entered.body.id}/status`, { token: reader, body: { to: 'verified' } });
    await expect.poll(async () => (await lateCompensations(t as TestHub)).length).toBe(2);
  });

  it('raises a ringan complaint at once when its new category puts the deadline in the past', async () => {
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock });
    const mod = await t.login('mod');
    await file(t);
    const { body } = await t.api<{ complaints: ComplaintView[] }>('GET', '/complaints', { token: mod });
    clock.advance(4 * HOUR);
    const staff = await t.socket(mod);
    const raised = collect<Broadcast<CompensationRaised>>(staff, 'compensation:raised', 1);
    await t.api('POST', `/complaints/${body.complaints[0]?.id ?? ''}/category`, {
      token: mod,
      body: { category: 'ringan' },
    });
    const [event] = await raised;
    expect(event).toMatchObject({ kind: 'complaint_late', at: '2026-11-25T07:00:00.000Z' });
  });

  it('after a restart: raises what fell due while the hub was down, once, and keeps the alarm of the rest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'giliran-complaints-'));
    dirs.push(dataDir);
    const clock = new ManualClock(WEDNESDAY_1000);
    t = await startTestHub({ clock, dataDir });
    const first = await file(t);
    clock.advance(2 * 24 * HOUR);
    // Friday 27 November: five working days run to Friday 4 December.
    const second = await file(t);
    expect(second.deadlineDay).toBe('2026-12-04');
    await t.stop();

    // Down from Friday until Thursday 3 December, 08:00 WIB: the first deadline passed meanwhile.
    const restartAt = '2026-12-03T01:00:00.000Z';
    const later = new ManualClock(restartAt);
    t = await startTestHub({ clock: later, dataDir });
    const raised = await lateCompensations(t);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ raisedAt: restartAt });
    expect(raised[0]?.note).toContain(grouped(first.code));
    await t.stop();

    // A crash between raising and marking the complaint: the next start finds the compensation by its key.
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('UPDATE complaints SET late_compensation_id = NULL WHERE code = ?').run(first.code);
    db.close();
    const again = new ManualClock('2026-12-03T02:00:00.000Z');
    t = await startTestHub({ clock: again, dataDir });
    expect(await lateCompensations(t)).toHaveLength(1);
    const mod = await t.login('mod');
    const { body } = await t.api<{ complaints: ComplaintView[] }>('GET', '/complaints', { token: mod });
    expect(body.complaints.find((c) => c.code === first.code)?.lateCompensationId).toBe(raised[0]?.id);

    // The second complaint's alarm was set again at start: it fires at the end of Friday 4 December, WIB.
    again.advance(Date.parse('2026-12-04T17:00:00.000Z') - again.now() - 1);
    expect(await lateCompensations(t)).toHaveLength(1);
    again.advance(1);
    await expect.poll(async () => (await lateCompensations(t as TestHub)).length).toBe(2);
    const newest = (await lateCompensations(t)).find((c) => c.note?.includes(grouped(second.code)));
    expect(newest?.raisedAt).toBe('2026-12-04T17:00:00.000Z');
  });
});
