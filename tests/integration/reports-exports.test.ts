import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import type { ReportView } from '@giliran/protocol';
import { reportPdf } from '../../apps/hub/src/reports/report-pdf.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY1, DAY2, runScript, type Script } from './reports-script.ts';

// The files of the scripted day (figures worked out by hand in reports-scripted-day.test.ts), read back as a
// spreadsheet program or a printer would see them.
const SCREENSHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url));
const SECONDS_PER_DAY = 86_400;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** ExcelJS hands a cell with a time format back as a Date counted from Excel's epoch: back to seconds. */
function excelSeconds(value: unknown): number {
  if (value instanceof Date) return Math.round((value.getTime() - EXCEL_EPOCH_MS) / 1000);
  return Math.round(Number(value) * SECONDS_PER_DAY);
}

async function download(s: Script, query: string): Promise<{ type: string; name: string; body: Buffer }> {
  const res = await fetch(`${s.t.hub.url}/api/reports${query}`, {
    headers: { authorization: `Bearer ${s.tokens.mod}` },
  });
  expect(res.status).toBe(200);
  const disposition = res.headers.get('content-disposition') ?? '';
  return {
    type: res.headers.get('content-type') ?? '',
    name: /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/** A 64×64 logo as the site file would name it: a PNG rendered from SVG with resvg. */
function logoPng(): Uint8Array {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#0b4f8a"/></svg>';
  return new Resvg(svg).render().asPng();
}

describe('report files', () => {
  let s: Script;
  const dir = mkdtempSync(join(tmpdir(), 'giliran-report-files-'));
  beforeAll(async () => {
    s = await runScript();
  });
  afterAll(async () => {
    await s.t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one CSV with a byte-order mark, sections with Indonesian headers and durations in seconds', async () => {
    const csv = await download(s, `?from=${DAY1}&format=csv`);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.name).toBe(`laporan-mpp-kubu-raya-demo-${DAY1}.csv`);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Laporan Rekapitulasi Pelayanan',
      'Mal Pelayanan Publik Kabupaten Kubu Raya',
      'Periode,25 November 2026',
    ]);
    const section = lines.indexOf('Rekap per layanan');
    expect(lines[section + 1]).toBe(
      'Nama,Terbit,Prioritas,Dilayani,Diserahkan ke instansi,Tidak hadir,Batal,Dialihkan,Belum selesai,' +
        'Terlambat,Tunggu rata-rata (detik),Tunggu P90 (detik),Layanan rata-rata (detik),Layanan P90 (detik)',
    );
    expect(lines[section + 2]).toBe('KTP-el,4,1,2,0,0,0,1,1,1,150,240,750,780');
    expect(lines).toContain('Akta Kelahiran,1,0,0,0,0,1,0,0,0,,,,');
    expect(lines[section + 15]).toBe('Total,8,1,5,1,1,1,1,1,2,400,1080,672,1440');
    expect(lines).toContain('Loket 2,1,0,1,1,450,540,300,300');
    expect(lines).toContain('SKCK,Langkah 2–3 (tunggu panggilan),120,1,0,1,0,0,1080');
    expect(lines).toContain('SKCK,Langkah 7 · Proses layanan,600,1,0,0,1,,900');
    expect(lines).toContain('Pelayanan terlambat,2,1,1');
    expect(lines).toContain('08.00–08.59,8,8');
  });

  it('writes the CSV with semicolons and decimal commas for Excel on Indonesian settings (issue 14)', async () => {
    const csv = await download(s, `?from=${DAY1}&format=csv&separator=semicolon`);
    expect(csv.name).toBe(`laporan-mpp-kubu-raya-demo-${DAY1}.csv`);
    const lines = csv.body.toString('utf8').slice(1).split('\r\n');
    expect(lines[2]).toBe('Periode;25 November 2026');
    const section = lines.indexOf('Rekap per layanan');
    expect(lines[section + 2]).toBe('KTP-el;4;1;2;0;0;0;1;1;1;150;240;750;780');
    expect(lines).toContain('Loket 2;1;0;1;1;450;540;300;300');
    const range = await download(s, `?from=${DAY1}&to=${DAY2}&format=csv&separator=semicolon`);
    // Shares keep their decimal as a comma, which Excel set to Indonesian reads as the number 33,3.
    expect(range.body.toString('utf8').split('\r\n')).toContain(
      'KTP-el;Langkah 2–3 (tunggu panggilan);120;3;1;2;0;33,3;300',
    );
  });

  it('writes an XLSX with one sheet per recap that reads back with its numbers and formats', async () => {
    const xlsx = await download(s, `?from=${DAY1}&format=xlsx`);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.name).toBe(`laporan-mpp-kubu-raya-demo-${DAY1}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Instansi',
      'Layanan',
      'Loket',
      'Petugas',
      'Kepatuhan SOP',
      'Kompensasi',
      'Kedatangan per jam',
      // The demo hall takes online bookings: booked against walk-in, per service and per day.
      'Antrean daring',
      'Antrean daring per hari',
    ]);
    const sheet = (name: string) => {
      const found = book.getWorksheet(name);
      if (!found) throw new Error(`no sheet ${name}`);
      return found;
    };
    const values = (name: string, row: number) => (sheet(name).getRow(row).values as unknown[]).slice(1);
    const services = sheet('Layanan');
    expect(services.getCell('A1').value).toBe('Rekap per layanan — Mal Pelayanan Publik Kabupaten Kubu Raya');
    expect(services.getCell('A2').text).toMatch(/^Periode: 25 November 2026 · dibuat /);
    expect(values('Layanan', 4).slice(0, 4)).toEqual(['Nama', 'Terbit', 'Prioritas', 'Dilayani']);
    // Row 5 is KTP-el; durations are Excel times (fractions of a day) shown as [h]:mm:ss.
    expect(values('Layanan', 5).slice(0, 10)).toEqual(['KTP-el', 4, 1, 2, 0, 0, 0, 1, 1, 1]);
    const wait = services.getCell('K5');
    expect(excelSeconds(wait.value)).toBe(150);
    expect(wait.numFmt).toBe('[h]:mm:ss');
    expect(excelSeconds(services.getCell('N5').value)).toBe(780);
    expect(values('Layanan', 18).slice(0, 10)).toEqual(['Total', 8, 1, 5, 1, 1, 1, 1, 1, 2]);
    expect(services.getCell('A18').font.bold).toBe(true);
    expect(values('Loket', 6).slice(0, 5)).toEqual(['Loket 2', 1, 0, 1, 1]);
    expect(values('Petugas', 8).slice(0, 5)).toEqual(['Petugas Loket 8', 1, 1, 0, 0]);
    const compliance = sheet('Kepatuhan SOP');
    const skck7 = compliance
      .getSheetValues()
      .findIndex((row) => Array.isArray(row) && row[1] === 'SKCK' && row[2] === 'Langkah 7 · Proses layanan');
    expect(values('Kepatuhan SOP', skck7).slice(3, 7)).toEqual([1, 0, 0, 1]);
    expect(compliance.getCell(skck7, 8).value).toBeNull();
    const ktpPre = values('Kepatuhan SOP', 5);
    expect(ktpPre.slice(0, 2)).toEqual(['KTP-el', 'Langkah 2–3 (tunggu panggilan)']);
    expect(ktpPre[7]).toBe(0.5); // T2 late, T8 within
    expect(compliance.getCell('H5').numFmt).toBe('0.0%');
    expect(values('Kompensasi', 5)).toEqual(['Pelayanan terlambat', 2, 1, 1]);
    expect(values('Kompensasi', 11)).toEqual(['Total', 3, 1, 2]);
    expect(values('Kedatangan per jam', 13)).toEqual(['08.00–08.59', 8, 8]);
  });

  it('prints an A4 PDF with title, period and the tables, rendered to PNG pages to be looked at', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [label, query] of [
      ['day', `?from=${DAY1}`],
      ['range', `?from=${DAY1}&to=${DAY2}`],
    ] as const) {
      const pdf = await download(s, `${query}&format=pdf`);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(dir, `${label}.pdf`);
      writeFileSync(file, pdf.body);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Laporan Rekapitulasi Pelayanan');
      expect(text).toContain('Mal Pelayanan Publik Kabupaten Kubu Raya');
      expect(text).toContain(
        label === 'day' ? 'Periode: 25 November 2026' : '25 November 2026 – 26 November 2026',
      );
      expect(text).toContain('Rekap per petugas');
      expect(text).toContain('Kedatangan per jam');
      expect(text).toMatch(/Halaman 1 dari \d/);
      // The letterhead (kop surat) and the report chain's signature block (issue 14).
      expect(text).toContain('MAL PELAYANAN PUBLIK KABUPATEN KUBU RAYA');
      expect(text).toContain('Jl. Arteri Supadio, Sungai Raya');
      expect(text).toMatch(/Sungai Raya, \d{1,2} \w+ 20\d\d/);
      for (const signer of [
        'Front Office',
        'Manager on Duty',
        'Koordinator MOD',
        'Sekretaris Dinas',
        'Kepala Dinas',
      ])
        expect(text).toContain(signer);
      // A4 landscape: 842 × 595 pt.
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
        /Page size:\s+841\.89 x 595\.28 pts \(A4\)/,
      );
      for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`report-${label}-`)))
        rmSync(join(SCREENSHOTS, old));
      execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, label)]);
      const pages = readdirSync(dir).filter((f) => f.startsWith(`${label}-`) && f.endsWith('.png'));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const page of pages) copyFileSync(join(dir, page), join(SCREENSHOTS, `report-${page}`));
    }
  });

  it('puts a configured logo in the letterhead (issue 14)', async () => {
    const res = await s.t.api<ReportView>('GET', `/reports?from=${DAY1}`, { token: s.tokens.mod });
    const pdf = await reportPdf(res.body, {
      name: res.body.site.name,
      city: 'Sungai Raya',
      lines: [],
      logo: logoPng(),
    });
    const file = join(dir, 'logo.pdf');
    writeFileSync(file, pdf);
    // One image on page 1, the logo (its transparency is listed apart, as an smask).
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' });
    expect(images.split('\n').filter((line) => /^\s*1\s+\d+\s+image\s+64\s+64\b/.test(line))).toHaveLength(1);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(SCREENSHOTS, 'report-letterhead-logo'),
    ]);
  });
});
