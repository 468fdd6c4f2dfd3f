import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VisitRecapView, VisitReportView } from '@giliran/protocol';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { startTestHub, type TestHub } from '../support/hub-harness.ts';
import {
  clockTo,
  localInstant,
  milestone,
  mobileSite,
  scenePhoto,
  uploadPhoto,
  visitMorning,
} from '../support/mobile-world.ts';

const SCREENSHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url));

async function download(t: TestHub, token: string, path: string): Promise<{ type: string; body: Buffer }> {
  const res = await fetch(`${t.hub.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return { type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

describe('the visit report (JSON, PDF, XLSX) and the month’s recap', { timeout: 120_000 }, () => {
  const clock = new ManualClock(localInstant('10:00', '2026-03-02'));
  const dir = mkdtempSync(join(tmpdir(), 'giliran-visit-report-'));
  let t: TestHub;
  let visitId: string;
  let kadis: string;
  let report: VisitReportView;

  beforeAll(async () => {
    t = await startTestHub({ clock, site: mobileSite() });
    const day = await visitMorning(t, clock, { visitors: 12, permits: 4 });
    visitId = day.visitId;
    for (const caption of ['Pelayanan perizinan di balai desa', 'Penyuluhan NIB kepada pelaku usaha'])
      expect(
        (await uploadPhoto(t, day.officer, visitId, await scenePhoto(), 'image/png', caption)).status,
      ).toBe(201);
    clockTo(clock, '12:05');
    await milestone(t, day.coordinator, visitId, 'service-closed');
    await milestone(t, day.officer, visitId, 'packed-up');
    clockTo(clock, '13:00');
    await milestone(t, day.coordinator, visitId, 'returned');
    clockTo(clock, '13:30');
    await milestone(t, day.coordinator, visitId, 'reported');
    kadis = await t.login('kadis');
    report = (await t.api<VisitReportView>('GET', `/visits/${visitId}/report`, { token: kadis })).body;
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('JSON: counts by purpose, permits issued with their numbers, milestones judged, signed off', () => {
    expect(report.registered).toBe(12);
    expect(Object.values(report.countsByPurpose).reduce((a, b) => a + b, 0)).toBe(12);
    expect(report.countsByPurpose).toMatchObject({ complaint: 1, counselling: 2 });
    expect(report.permitsIssued).toBe(report.permits.length);
    expect(report.permitsIssued).toBeGreaterThanOrEqual(4);
    expect(report.milestones.find((m) => m.milestone === 'departed')).toMatchObject({ judgement: 'on_time' });
    expect(report.milestones.find((m) => m.milestone === 'set-up')).toMatchObject({
      judgement: 'late',
      minutesOff: 10,
    });
    expect(report.signedOff).toMatchObject({ by: 'koordinator' });
    expect(report.photos).toHaveLength(2);
    expect(JSON.stringify(report)).not.toMatch(/357901450987|0812345/);
  });

  it('PDF: Indonesian, A4, permits and photos, no NIK or phone; rendered to PNG to be looked at', async () => {
    const pdf = await download(t, kadis, `/visits/${visitId}/report?format=pdf`);
    expect(pdf.type).toBe('application/pdf');
    const file = join(dir, 'visit.pdf');
    writeFileSync(file, pdf.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Laporan Kunjungan MAMPIR BOSS');
    expect(text).toContain('Desa Pandanrejo');
    expect(text).toContain('800/45/422.110/2026');
    expect(text).toContain('Tahapan kegiatan terhadap standar');
    expect(text).toMatch(/Terlambat 10 menit/);
    for (const permit of report.permits) expect(text).toContain(permit.nib);
    expect(text).toContain('Dokumentasi (2 foto)');
    expect(text).not.toMatch(/357901450987|0812345/);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/\(A4\)/);
    // The photos are drawn: two image objects (besides their alpha masks).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(
      images.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line)),
      images,
    ).toHaveLength(2);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('mobile-visit-report-')))
      rmSync(join(SCREENSHOTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '70', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) copyFileSync(join(dir, page), join(SCREENSHOTS, `mobile-visit-report-${page}`));
  });

  it('XLSX: a summary, the milestones, both registers; the visit register without NIK or phone', async () => {
    const xlsx = await download(t, kadis, `/visits/${visitId}/report?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Tahapan',
      'Register kunjungan',
      'Register penerbitan',
    ]);
    const cells = (name: string) => {
      const values: string[] = [];
      workbook.getWorksheet(name)?.eachRow((row) => {
        row.eachCell((cell) => values.push(cell.text));
      });
      return values;
    };
    expect(cells('Register penerbitan')).toEqual(expect.arrayContaining(report.permits.map((p) => p.nib)));
    expect(cells('Register kunjungan').join(' ')).not.toMatch(/357901450987|0812345/);
    expect(cells('Ringkasan')).toEqual(expect.arrayContaining(['Jumlah terdaftar', '12']));
  });

  it('the month’s recap for the Dinas: the visit’s figures, JSON and XLSX', async () => {
    const recap = (await t.api<VisitRecapView>('GET', '/visits/recap?month=2026-03', { token: kadis })).body;
    expect(recap.visits).toHaveLength(1);
    expect(recap.totals).toMatchObject({
      visits: 1,
      registered: report.registered,
      permitsIssued: report.permitsIssued,
      complaints: 1,
      peopleReached: 15,
    });
    expect(recap.totals.countsByPurpose).toEqual(report.countsByPurpose);
    const empty = (await t.api<VisitRecapView>('GET', '/visits/recap?month=2026-04', { token: kadis })).body;
    expect(empty.totals.visits).toBe(0);
    const xlsx = await download(t, kadis, '/visits/recap?month=2026-03&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.name).toBe('Rekap');
  });
});
