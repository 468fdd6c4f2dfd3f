import type { CalendarYearsView, ComplaintView, PublicComplaintStatus } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';

const FORM = {
  name: 'Rahmat Hidayat',
  occupation: 'Petani',
  address: 'Desa Kuala Dua, Sungai Raya',
  contact: 'rahmat@example.id',
  text: 'Berkas izin usaha saya dikembalikan tanpa penjelasan.',
};
/** Wednesday 30 December 2026, 10:00 WIB. */
const DEC_30 = '2026-12-30T03:00:00.000Z';

describe('the holiday calendar across New Year', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('knows 1 January without entry, warns MOD, and counts again when 2027 is entered and confirmed', async () => {
    t = await startTestHub({ clock: new ManualClock(DEC_30) });
    const mod = await t.login('mod');
    const filed = await t.api<PublicComplaintStatus>('POST', '/public/complaints', { body: FORM });
    // Five working days from Thursday 31 Dec: 31 Dec, (1 Jan a holiday), 4, 5, 6, 7 Jan.
    expect(filed.body).toMatchObject({ deadlineDay: '2027-01-07', deadlineProvisional: true });

    const before = await t.api<CalendarYearsView>('GET', '/calendar/years', { token: mod });
    expect(before.body.missingYear).toBe(2027);
    expect(before.body.years.map((y) => [y.year, y.confirmed])).toEqual([
      [2026, true],
      [2027, false],
    ]);

    // The SKB for 2027 (a cuti bersama on Monday 4 January, for the test) is entered: counted again, still provisional.
    const put = await t.api('PUT', '/calendar/holidays', {
      token: mod,
      body: {
        year: 2027,
        holidays: [
          { date: '2027-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2027 Masehi' },
          { date: '2027-01-04', kind: 'cuti_bersama', name: 'Cuti bersama' },
        ],
      },
    });
    expect(put.status).toBe(200);
    const { body: list } = await t.api<{ complaints: ComplaintView[] }>('GET', '/complaints', { token: mod });
    expect(list.complaints[0]).toMatchObject({ deadlineDay: '2027-01-08', deadlineProvisional: true });

    const confirmed = await t.api<CalendarYearsView>('POST', '/calendar/years/2027/confirm', { token: mod });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.missingYear).toBeNull();
    expect(confirmed.body.years[1]).toMatchObject({
      year: 2027,
      confirmed: true,
      confirmedBy: 'mod',
      entered: 2,
    });
    const after = await t.api<PublicComplaintStatus>('GET', `/public/complaints/${filed.body.code}`);
    expect(after.body).toMatchObject({ deadlineDay: '2027-01-08', deadlineProvisional: false });
    // The confirmation is a command of the log like any change: db:verify rebuilds it from its event.
    const logged = t.hub.db
      .prepare("SELECT payload FROM events WHERE type = 'calendar:year-confirmed'")
      .all() as { payload: string }[];
    expect(logged.map((e) => JSON.parse(e.payload) as unknown)).toMatchObject([{ year: 2027, by: 'mod' }]);
    expectLogIsTruth(t.hub.db);

    // The Sekdis reads the calendar but does not confirm it.
    const sekdis = await t.login('sekdis');
    expect((await t.api('POST', '/calendar/years/2027/confirm', { token: sekdis })).status).toBe(403);
  });

  it('says nothing before 1 October', async () => {
    t = await startTestHub({ clock: new ManualClock('2026-09-30T03:00:00.000Z') });
    const mod = await t.login('mod');
    const { body } = await t.api<CalendarYearsView>('GET', '/calendar/years', { token: mod });
    expect(body.missingYear).toBeNull();
  });
});
