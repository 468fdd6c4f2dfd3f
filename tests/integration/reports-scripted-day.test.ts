import type { ReportRow, ReportView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN } from '../support/hub-harness.ts';
import { DAY1, DAY2, getReport, runScript, type Script } from './reports-script.ts';

// Every number below is worked out by hand from the script in reports-script.ts (its comment lists each ticket's
// times). Standards: steps 2–3 = 120 s, 4 = 120, 5 = 120, 6 = 300, 7 = 300 (SKCK 600), 8 = 60.
//   T1 KTP-el→KK wait 360 service 300 (first step 4 at m7 → finish m12)   T2 KTP-el lansia wait 240 service 780
//   T3 SKCK wait 1080 service 1440, handed over                           T4 STNK wait 120 service 120
//   T5 KK wait 540, no-show       T6 Akta cancelled     T7 KTP-el open    T8 KTP-el wait 60 service 720
//   DAY2: T9 KTP-el wait 600 service 120, T10 STNK wait 60 service 60

const d = (count: number, averageSeconds: number, p90Seconds: number, maxSeconds: number) => ({
  count,
  averageSeconds,
  p90Seconds,
  maxSeconds,
});
const NONE = { count: 0, averageSeconds: null, p90Seconds: null, maxSeconds: null };

function counts(
  row: ReportRow | undefined,
): [
  number | null,
  number | null,
  number,
  number,
  number,
  number | null,
  number,
  number | null,
  number | null,
] {
  if (!row) throw new Error('row missing');
  return [
    row.issued,
    row.priority,
    row.served,
    row.handedToAgency,
    row.noShows,
    row.cancelled,
    row.transferred,
    row.open,
    row.lateService,
  ];
}

const byKey = (rows: readonly ReportRow[], key: string) => rows.find((r) => r.key === key);

describe('reports of a scripted day', () => {
  let s: Script;
  let day1: ReportView;
  beforeAll(async () => {
    s = await runScript();
    day1 = await getReport(s.t, s.tokens.mod, `?from=${DAY1}`);
  });
  afterAll(async () => {
    await s.t.stop();
  });

  it('counts a closed day per service, issued where the ticket started and the rest where it ended', () => {
    expect(day1).toMatchObject({ from: DAY1, to: DAY1, days: 1, live: false });
    //                 issued prio served handed noShow cancel transf open late
    expect(counts(byKey(day1.services, 'ktp-el'))).toEqual([4, 1, 2, 0, 0, 0, 1, 1, 1]);
    expect(counts(byKey(day1.services, 'kk'))).toEqual([1, 0, 1, 0, 1, 0, 0, 0, 0]);
    expect(counts(byKey(day1.services, 'akta-lahir'))).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(counts(byKey(day1.services, 'stnk'))).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(counts(byKey(day1.services, 'skck'))).toEqual([1, 0, 1, 1, 0, 0, 0, 0, 1]);
    expect(counts(byKey(day1.services, 'jkn'))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(day1.services).toHaveLength(13);
    // KTP-el waits 240, 60; services 780, 720. KK waits 360, 540; service 300.
    expect(byKey(day1.services, 'ktp-el')).toMatchObject({
      name: { id: 'KTP-el' },
      wait: d(2, 150, 240, 240),
      service: d(2, 750, 780, 780),
    });
    expect(byKey(day1.services, 'kk')).toMatchObject({
      wait: d(2, 450, 540, 540),
      service: d(1, 300, 300, 300),
    });
    expect(byKey(day1.services, 'akta-lahir')).toMatchObject({ wait: NONE, service: NONE });
    expect(byKey(day1.services, 'skck')).toMatchObject({
      wait: d(1, 1080, 1080, 1080),
      service: d(1, 1440, 1440, 1440),
    });
  });

  it('adds agencies and the total from the tickets’ durations (nearest-rank p90)', () => {
    expect(day1.agencies.map((a) => a.key)).toEqual([
      'disdukcapil',
      'samsat',
      'bpjs-kesehatan',
      'bpjs-tk',
      'imigrasi',
      'polres',
      'dpmptsp',
      'pajak',
      'pdam',
      'kecamatan',
    ]);
    expect(counts(byKey(day1.agencies, 'disdukcapil'))).toEqual([6, 1, 3, 0, 1, 1, 1, 1, 1]);
    // Waits 240, 60, 360, 540: mean 300, ⌈0.9 × 4⌉ = 4th → 540. Services 780, 720, 300: 600, 3rd → 780.
    expect(byKey(day1.agencies, 'disdukcapil')).toMatchObject({
      name: { id: 'Dinas Kependudukan dan Pencatatan Sipil' },
      wait: d(4, 300, 540, 540),
      service: d(3, 600, 780, 780),
    });
    expect(counts(day1.total)).toEqual([8, 1, 5, 1, 1, 1, 1, 1, 2]);
    // Waits 60 120 240 360 540 1080: mean 400, ⌈5.4⌉ = 6th → 1080. Services 120 300 720 780 1440: 672, 5th → 1440.
    expect(day1.total.wait).toEqual(d(6, 400, 1080, 1080));
    expect(day1.total.service).toEqual(d(5, 672, 1440, 1440));
  });

  it('gives each counter and officer the tickets it held or closed, and the transfers it made', () => {
    expect(day1.counters.map((c) => c.key)).toHaveLength(12);
    expect(counts(byKey(day1.counters, 'loket-1'))).toEqual([null, null, 2, 0, 0, null, 0, null, null]);
    expect(counts(byKey(day1.counters, 'loket-2'))).toEqual([null, null, 1, 0, 1, null, 1, null, null]);
    expect(counts(byKey(day1.counters, 'loket-8'))).toEqual([null, null, 1, 1, 0, null, 0, null, null]);
    expect(byKey(day1.counters, 'loket-2')).toMatchObject({
      name: { id: 'Loket 2' },
      wait: d(2, 450, 540, 540),
      service: d(1, 300, 300, 300),
    });
    expect(byKey(day1.counters, 'loket-5')).toMatchObject({ served: 0, wait: NONE });
    expect(day1.officers.map((o) => [o.key, o.name.id, o.served, o.noShows, o.transferred])).toEqual([
      ['loket1', 'Petugas Loket 1', 2, 0, 0],
      ['loket2', 'Petugas Loket 2', 1, 1, 1],
      ['loket3', 'Petugas Loket 3', 1, 0, 0],
      ['loket8', 'Petugas Loket 8', 1, 0, 0],
    ]);
    expect(byKey(day1.officers, 'loket1')).toMatchObject({
      wait: d(2, 150, 240, 240),
      service: d(2, 750, 780, 780),
    });
  });

  it('judges SOP steps per entry: exactly on standard is within, SKCK’s handed-over step 7 is not late', () => {
    const entry = (
      steps: number[],
      measured: number,
      within: number,
      late: number,
      handed: number,
      sec: number,
    ) => ({
      steps,
      measured,
      withinStandard: within,
      late,
      handedOver: handed,
      seconds: sec,
    });
    // 2–3: T2 240 late, T8 60, T1 360 late, T5 540 late, T4 120 (exactly), T3 1080 late.
    // 4: T2 120, T8 720 late, T1 60 + 120, T4 120, T3 120. 5: T2 180 late, T3 120. 6: T2 180, T3 300.
    // 7: T2 240, T3 900 handed over. 8: T2 60.
    expect(day1.compliance.total).toMatchObject([
      { ...entry([2, 3], 6, 2, 4, 0, 2400), share: 1 / 3, averageSeconds: 400 },
      { ...entry([4], 6, 5, 1, 0, 1260), share: 5 / 6, averageSeconds: 210 },
      { ...entry([5], 2, 1, 1, 0, 300), share: 0.5, averageSeconds: 150 },
      { ...entry([6], 2, 2, 0, 0, 480), share: 1, averageSeconds: 240 },
      { ...entry([7], 2, 1, 0, 1, 1140), share: 1, averageSeconds: 570 },
      { ...entry([8], 1, 1, 0, 0, 60), share: 1, averageSeconds: 60 },
    ]);
    const skck = day1.compliance.services.find((x) => x.key === 'skck');
    expect(skck?.steps).toMatchObject([
      { ...entry([2, 3], 1, 0, 1, 0, 1080), share: 0, standardSeconds: 120 },
      { ...entry([4], 1, 1, 0, 0, 120), share: 1, standardSeconds: 120 },
      { ...entry([5], 1, 1, 0, 0, 120), standardSeconds: 120 },
      { ...entry([6], 1, 1, 0, 0, 300), standardSeconds: 300 },
      { ...entry([7], 1, 0, 0, 1, 900), share: null, standardSeconds: 600 },
      { ...entry([8], 0, 0, 0, 0, 0), share: null, averageSeconds: null, standardSeconds: 60 },
    ]);
  });

  it('counts compensations by kind with their state now, and arrivals per local hour', () => {
    // Late service for T3 (resolved by loket8) and T7 (open); MOD's fee_mismatch on T4 (open).
    expect(day1.compensations.total).toEqual({ raised: 3, resolved: 1, open: 2 });
    expect(day1.compensations.kinds.slice(0, 2)).toEqual([
      {
        kind: 'late_service',
        name: { id: 'Pelayanan terlambat', en: 'Late service' },
        raised: 2,
        resolved: 1,
        open: 1,
      },
      {
        kind: 'fee_mismatch',
        name: { id: 'Biaya tidak sesuai ketentuan', en: 'Fee not as published' },
        raised: 1,
        resolved: 0,
        open: 1,
      },
    ]);
    const arrivals = Array.from({ length: 24 }, () => 0);
    arrivals[8] = 8; // every DAY1 ticket was issued between 08:00 and 08:41 WIB
    expect(day1.arrivals).toEqual(arrivals);
  });

  it('shows today live: 08:50 with T8 at the desk, 08:55 right after it was finished', () => {
    const [early, later] = [s.todayAt0850, s.todayAt0855];
    expect(early).toMatchObject({ from: DAY1, to: DAY1, live: true });
    expect(counts(early.total)).toEqual([8, 1, 4, 1, 1, 1, 1, 2, 1]);
    expect(early.total.wait).toEqual(d(6, 400, 1080, 1080));
    // Services 120 300 780 1440: mean 660, ⌈3.6⌉ = 4th → 1440.
    expect(early.total.service).toEqual(d(4, 660, 1440, 1440));
    expect(early.compliance.total[1]).toMatchObject({ measured: 5, withinStandard: 5, late: 0 });
    expect(early.compensations.total).toEqual({ raised: 2, resolved: 1, open: 1 });
    expect(counts(later.total)).toEqual([8, 1, 5, 1, 1, 1, 1, 1, 1]);
    expect(later.total.service).toEqual(d(5, 672, 1440, 1440));
    expect(later.compliance.total[1]).toMatchObject({ measured: 6, withinStandard: 5, late: 1 });
  });

  it('reports the new day as today, and a range across both days from all their durations', async () => {
    const today = await getReport(s.t, s.tokens.mod, '/today');
    expect(today).toMatchObject({ from: DAY2, to: DAY2, live: true });
    expect(counts(today.total)).toEqual([2, 0, 2, 0, 0, 0, 0, 0, 0]);
    expect(today.total.wait).toEqual(d(2, 330, 600, 600));
    expect(today.total.service).toEqual(d(2, 90, 120, 120));
    expect(today.compensations.total).toEqual({ raised: 0, resolved: 0, open: 0 });

    const range = await getReport(s.t, s.tokens.mod, `?from=${DAY1}&to=${DAY2}`);
    expect(range).toMatchObject({ days: 2, live: true });
    expect(counts(range.total)).toEqual([10, 1, 7, 1, 1, 1, 1, 1, 2]);
    // Waits 60 60 120 240 360 540 600 1080: 3060 / 8 = 382.5 → 383, ⌈7.2⌉ = 8th → 1080.
    expect(range.total.wait).toEqual(d(8, 383, 1080, 1080));
    // Services 60 120 120 300 720 780 1440: 3540 / 7 = 505.7 → 506, ⌈6.3⌉ = 7th → 1440.
    expect(range.total.service).toEqual(d(7, 506, 1440, 1440));
    // KTP-el: waits 240 60 600 → 300, 3rd → 600 (DAY1 alone said 240); services 780 720 120 → 540, 780.
    expect(byKey(range.services, 'ktp-el')).toMatchObject({
      issued: 5,
      served: 3,
      wait: d(3, 300, 600, 600),
      service: d(3, 540, 780, 780),
    });
    expect(byKey(range.officers, 'loket3')).toMatchObject({
      served: 2,
      wait: d(2, 90, 120, 120),
      service: d(2, 90, 120, 120),
    });
    expect(range.arrivals[8]).toBe(10);
    expect(range.compensations.total).toEqual({ raised: 3, resolved: 1, open: 2 });
  });

  it('keeps a closed day’s summary and reads it back instead of the tickets; today is never stored', async () => {
    const stored = s.t.hub.db.prepare('SELECT service_day FROM report_days ORDER BY service_day').all();
    expect(stored).toEqual([{ service_day: DAY1 }]);
    // Past days never change: tampering with a DAY1 ticket row does not reach the report, which reads the summary.
    s.t.hub.db.prepare("UPDATE tickets SET status = 'cancelled' WHERE service_day = ?").run(DAY1);
    const again = await getReport(s.t, s.tokens.mod, `?from=${DAY1}`);
    // The online-booking section is not part of the stored summary: it is read from the tickets and bookings
    // tables for any range, so this check leaves it out.
    expect({ ...again, generatedAt: '', bookings: null }).toEqual({
      ...day1,
      generatedAt: '',
      bookings: null,
    });
  });

  it('lets every reader in and nobody else, and refuses bad dates and ranges with coded errors', async () => {
    const { t, tokens } = s;
    const status = async (query: string, token?: string) =>
      (await t.api('GET', `/reports${query}`, token === undefined ? {} : { token })).status;
    expect(await status('/today')).toBe(401);
    expect(await status('/today', KIOSK_TOKEN)).toBe(403);
    expect(await status('/today', await t.login('sekdis'))).toBe(200);
    expect(await status('/today', await t.login('kadis'))).toBe(200);
    expect(await status('/today', tokens.loket1)).toBe(200);
    const bad = await t.api('GET', '/reports?from=2026-02-30', { token: tokens.mod });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: { id: 'Data yang dikirim tidak valid.' } } },
    });
    expect(await status(`?from=${DAY2}&to=${DAY1}`, tokens.mod)).toBe(400);
    expect(await status('?from=2025-01-01&to=2026-01-02', tokens.mod)).toBe(400);
    expect(await status('?from=2025-01-01&to=2026-01-01', tokens.mod)).toBe(200);
    expect(await status('?format=doc', tokens.mod)).toBe(400);
    expect(await status(`/today?from=${DAY1}`, tokens.mod)).toBe(400);
    const openapi = await t.api<{ paths: Record<string, unknown> }>('GET', '/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/reports', '/api/reports/today']),
    );
  });
});
