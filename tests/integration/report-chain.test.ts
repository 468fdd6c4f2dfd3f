import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ReportChainSignResult,
  ReportChainView,
  type ApiErrorBody,
  type ReportChainSigned,
} from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../apps/hub/src/index.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 2026-11-25 in Asia/Pontianak (WIB, UTC+7). The hall keeps real hours here, 08:00–16:00, so each
// gerai's recap clock starts at 16:00 WIB (09:00Z); Paspor (Imigrasi) keeps its own 08:00–12:00 (05:00Z).
const DATE = '2026-11-25';
const HALL = [{ open: '08:00', close: '16:00' }];
const site: SiteConfig = demoSite({
  openingHours: { mon: HALL, tue: HALL, wed: HALL, thu: HALL, fri: HALL },
});

function wib(clock: string, date = DATE): number {
  return Date.parse(`${date}T${clock}+07:00`);
}
const iso = (clock: string, date = DATE): string => new Date(wib(clock, date)).toISOString();

describe('report chain, SOP steps 9–13, against a real hub', () => {
  let t: TestHub | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  async function sign(
    token: string,
    path: string,
    body: Record<string, unknown> = {},
    key?: string,
  ): Promise<{ status: number; body: ReportChainSignResult & ApiErrorBody }> {
    if (!t) throw new Error('no hub');
    return t.api('POST', `/report-chain/${DATE}/${path}`, {
      token,
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  }

  async function chain(token: string, date = DATE) {
    if (!t) throw new Error('no hub');
    return t.api<ReportChainView>('GET', `/report-chain?date=${date}`, { token, schema: ReportChainView });
  }

  /** Imigrasi, Disdukcapil and Polres each call one citizen at 08:00: those three gerai owe a recap. */
  async function serveThreeGerai(hub: TestHub): Promise<void> {
    for (const [serviceId, username, counterId] of [
      ['paspor', 'loket7', 'loket-7'],
      ['ktp-el', 'loket1', 'loket-1'],
      ['skck', 'loket8', 'loket-8'],
    ] as const) {
      const issued = await hub.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } });
      expect(issued.status).toBe(201);
      const officer = await hub.login(username);
      const called = await hub.api('POST', `/counters/${counterId}/call-next`, { token: officer });
      expect(called.status).toBe(200);
    }
  }

  it('signs the whole chain with the right accounts, timed by hand, refuses what is wrong, survives a restart', async () => {
    const clock = new ManualClock(wib('08:00:00'));
    dataDir = mkdtempSync(join(tmpdir(), 'giliran-chain-'));
    t = await startTestHub({ clock, site, dataDir });
    await serveThreeGerai(t);
    const mod = await t.login('mod');
    const watcher = await t.socket(mod);
    const signed = collect<ReportChainSigned>(watcher, 'report-chain:signed', 6, 10_000);

    // 12:01:10: Imigrasi closed at 12:00 → 70 s of its 120, on time. Its officer has one gerai: no agencyId.
    clock.advance(wib('12:01:10') - clock.now());
    const loket7 = await t.login('loket7');
    const imigrasi = await sign(loket7, 'steps/9', { note: 'Rekap 1 pemohon, SKM 1' });
    expect(imigrasi.status).toBe(201);
    ReportChainSignResult.parse(imigrasi.body);
    expect(imigrasi.body.record).toMatchObject({
      stage: 9,
      agencyId: 'imigrasi',
      signedBy: 'loket7',
      signedAt: iso('12:01:10'),
      clockStartedAt: iso('12:00:00'),
      elapsedSeconds: 70,
      standardSeconds: 120,
      late: false,
      note: 'Rekap 1 pemohon, SKM 1',
    });

    // 16:00:30: Disdukcapil, 30 s after the hall closed.
    clock.advance(wib('16:00:30') - clock.now());
    const loket1 = await t.login('loket1');
    const dukcapil = await sign(loket1, 'steps/9', {});
    expect(dukcapil.body.record).toMatchObject({ agencyId: 'disdukcapil', elapsedSeconds: 30, late: false });

    // Wrong role or wrong gerai → 403.
    const sekdis = await t.login('sekdis');
    const admin = await t.login('admin');
    expect((await sign(loket1, 'steps/9', { agencyId: 'polres' })).body.error.code).toBe(
      'REPORT_CHAIN_NOT_SIGNER',
    );
    expect((await sign(loket1, 'steps/9', { agencyId: 'polres' })).status).toBe(403);
    expect((await sign(sekdis, 'steps/10')).status).toBe(403);
    expect((await sign(admin, 'steps/11', { report: 'x' })).status).toBe(403);
    expect((await t.api('GET', `/report-chain?date=${DATE}`, { token: KIOSK_TOKEN })).status).toBe(403);

    // Out of order → 409: MOD before FO; FO while Polres has not handed in.
    const fo = await t.login('fo');
    const outOfOrder = await sign(mod, 'steps/11', { report: 'Laporan' });
    expect([outOfOrder.status, outOfOrder.body.error.code]).toEqual([409, 'REPORT_CHAIN_OUT_OF_ORDER']);
    const missing = await sign(fo, 'steps/10');
    expect([missing.status, missing.body.error.code]).toEqual([409, 'REPORT_CHAIN_GERAI_MISSING']);
    expect(missing.body.error.details).toEqual([{ path: '', message: 'missing: polres' }]);

    // 16:03:00: FO hands in Polres's recap on its behalf: 180 s after 16:00, late.
    clock.advance(wib('16:03:00') - clock.now());
    const polres = await sign(fo, 'steps/9', { agencyId: 'polres', note: 'atas nama gerai' });
    expect(polres.body.record).toMatchObject({
      agencyId: 'polres',
      signedBy: 'fo',
      signerName: expect.any(String) as string,
      elapsedSeconds: 180,
      late: true,
    });

    // 16:03:40: FO compiles, 40 s after the last recap. A retry with the same key replays; a second sign is 409.
    clock.advance(40_000);
    const compiled = await sign(fo, 'steps/10', { note: 'Semua gerai lengkap' }, 'chain-step-10-key');
    expect(compiled.status).toBe(201);
    expect(compiled.body.record).toMatchObject({
      stage: 10,
      clockStartedAt: iso('16:03:00'),
      elapsedSeconds: 40,
      standardSeconds: 60,
      late: false,
    });
    clock.advance(5_000);
    const replay = await sign(fo, 'steps/10', { note: 'Semua gerai lengkap' }, 'chain-step-10-key');
    expect(replay.status).toBe(201);
    expect(replay.body.record).toEqual(compiled.body.record);
    const twice = await sign(fo, 'steps/10', { note: 'lagi' }, 'another-key-123');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'REPORT_CHAIN_ALREADY_SIGNED']);
    const keyElsewhere = await sign(fo, 'steps/9', { agencyId: 'samsat' }, 'chain-step-10-key');
    expect([keyElsewhere.status, keyElsewhere.body.error.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);

    // 16:10:00: MOD's report, 6 min 20 s after FO: past its 5 minutes.
    clock.advance(wib('16:10:00') - clock.now());
    const noReport = await sign(mod, 'steps/11', {});
    expect([noReport.status, noReport.body.error.code]).toEqual([400, 'REPORT_CHAIN_REPORT_REQUIRED']);
    const report = await sign(mod, 'steps/11', { report: 'Laporan MPP 25 November: 3 pemohon, 3 gerai.' });
    expect(report.body.record).toMatchObject({
      stage: 11,
      clockStartedAt: iso('16:03:40'),
      elapsedSeconds: 380,
      standardSeconds: 300,
      late: true,
      report: 'Laporan MPP 25 November: 3 pemohon, 3 gerai.',
    });

    // 16:10:50: the coordinator, 50 s later.
    clock.advance(50_000);
    const coordinator = await t.login('koordinator');
    const consulted = await sign(coordinator, 'steps/12');
    expect(consulted.body.record).toMatchObject({ stage: 12, elapsedSeconds: 50, late: false });

    // Six sign-offs, each broadcast once to staff (the replay was not).
    expect((await signed).map((e) => [e.record.stage, e.record.agencyId])).toEqual([
      [9, 'imigrasi'],
      [9, 'disdukcapil'],
      [9, 'polres'],
      [10, null],
      [11, null],
      [12, null],
    ]);

    // The hub restarts on the same data folder: everything signed is still there, and the chain goes on.
    const before = (await chain(mod)).body;
    await t.stop();
    t = await startTestHub({ clock, site, dataDir });
    const mod2 = await t.login('mod');
    const after = await chain(mod2);
    expect(after.body).toEqual(before);

    // 16:12:00: the Sekdis passes it on, 70 s after the coordinator: late. Then the Kepala Dinas's receipt.
    clock.advance(wib('16:12:00') - clock.now());
    const sekdis2 = await t.login('sekdis');
    expect((await sign(sekdis2, 'receipt')).status).toBe(403);
    const passed = await sign(sekdis2, 'steps/13', { note: 'Diteruskan ke Kepala Dinas' });
    expect(passed.body.record).toMatchObject({
      stage: 13,
      clockStartedAt: iso('16:10:50'),
      elapsedSeconds: 70,
      late: true,
    });
    const kadis = await t.login('kadis');
    const early = await sign(kadis, 'steps/13');
    expect(early.status).toBe(403);
    clock.advance(wib('16:30:00') - clock.now());
    const receipt = await sign(kadis, 'receipt', { note: 'Diterima' });
    expect(receipt.body.record).toMatchObject({ stage: 'receipt', elapsedSeconds: null, late: null });

    const final = (await chain(kadis)).body;
    expect(final.complete).toBe(true);
    expect(final.signable).toEqual([]);
    expect(final.steps.map((s) => [s.step, s.status, s.elapsedSeconds, s.late, s.record?.signedBy])).toEqual([
      [9, 'signed', null, true, undefined],
      [10, 'signed', 40, false, 'fo'],
      [11, 'signed', 380, true, 'mod'],
      [12, 'signed', 50, false, 'koordinator'],
      [13, 'signed', 70, true, 'sekdis'],
    ]);
    // Gerai in the site's order: Disdukcapil, Imigrasi, Polres.
    expect(
      final.gerai.map((g) => [g.agencyId, g.status, g.elapsedSeconds, g.late, g.record?.signedBy]),
    ).toEqual([
      ['disdukcapil', 'submitted', 30, false, 'loket1'],
      ['imigrasi', 'submitted', 70, false, 'loket7'],
      ['polres', 'submitted', 180, true, 'fo'],
    ]);
    expect(final.receipt).toMatchObject({ signedBy: 'kadis', signedAt: iso('16:30:00') });
  });

  it('broadcasts each sign-off once to staff, a replay not at all', async () => {
    const clock = new ManualClock(wib('16:01:00'));
    t = await startTestHub({ clock, site });
    const mod = await t.login('mod');
    const fo = await t.login('fo');
    const socket = await t.socket(mod);
    const got = collect<ReportChainSigned>(socket, 'report-chain:signed', 2);
    await sign(fo, 'steps/10', {}, 'broadcast-key-1');
    await sign(fo, 'steps/10', {}, 'broadcast-key-1');
    await sign(mod, 'steps/11', { report: 'Nihil' });
    const events = await got;
    expect(events.map((e) => [e.date, e.record.stage, e.record.signedBy])).toEqual([
      [DATE, 10, 'fo'],
      [DATE, 11, 'mod'],
    ]);
  });

  it('keeps past days readable and signable, refuses future days and bad dates', async () => {
    const clock = new ManualClock(wib('08:00:00'));
    t = await startTestHub({ clock, site });
    await serveThreeGerai(t);
    clock.advance(wib('09:00:00', '2026-11-26') - clock.now());
    const fo = await t.login('fo');

    const yesterday = await chain(fo, DATE);
    expect(yesterday.status).toBe(200);
    expect(yesterday.body).toMatchObject({ date: DATE, today: false, signable: [9, 10] });
    expect(yesterday.body.gerai.map((g) => [g.agencyId, g.status, g.closesAt])).toEqual([
      ['disdukcapil', 'due', iso('16:00:00')],
      ['imigrasi', 'due', iso('12:00:00')],
      ['polres', 'due', iso('16:00:00')],
    ]);
    // Handed in the next morning at 09:00: 17 hours after the 16:00 close.
    const late = await sign(fo, 'steps/9', { agencyId: 'polres' });
    expect(late.body.record).toMatchObject({ elapsedSeconds: 17 * 3600, late: true });

    const today = await t.api<ReportChainView>('GET', '/report-chain', {
      token: fo,
      schema: ReportChainView,
    });
    expect(today.body).toMatchObject({ date: '2026-11-26', today: true, gerai: [] });

    const future = await chain(fo, '2026-11-27');
    expect(future.status).toBe(409);
    const futureSign = await t.api<ApiErrorBody>('POST', '/report-chain/2026-11-27/steps/10', {
      token: fo,
      body: {},
    });
    expect([futureSign.status, futureSign.body.error.code]).toEqual([409, 'REPORT_CHAIN_FUTURE_DAY']);
    expect((await chain(fo, '2026-02-30')).status).toBe(400);
    expect((await t.api('POST', `/report-chain/${DATE}/steps/8`, { token: fo, body: {} })).status).toBe(400);
    expect(
      (await t.api('POST', `/report-chain/${DATE}/steps/10`, { token: fo, body: { extra: 1 } })).status,
    ).toBe(400);
  });
});
