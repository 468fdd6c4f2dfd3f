import type { VisitRecapView, VisitReportView } from '@giliran/protocol';
import ExcelJS from 'exceljs';
import { instantText } from '../reports/report-format.ts';
import {
  documentName,
  milestoneLine,
  outcomeName,
  purposeName,
  riskName,
  skmLine,
  visitHeading,
} from './mobile-report-text.ts';

type Cell = string | number;

/** A sheet: title lines, a bold header row, then rows; text stays text (no formula is ever written). */
function sheetOf(
  workbook: ExcelJS.Workbook,
  name: string,
  title: readonly string[],
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): void {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  title.forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = line;
    if (i === 0) sheet.getCell(1, 1).font = { bold: true, size: 13 };
  });
  const headerRow = sheet.getRow(title.length + 2);
  headerRow.values = [...header];
  headerRow.font = { bold: true };
  headerRow.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  rows.forEach((values, r) => {
    sheet.getRow(title.length + 3 + r).values = [...values];
  });
  header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, Math.min(40, h.length + 6));
  });
}

/** The visit report as a workbook: summary, milestones, register (no NIK or phone), permits. */
export async function visitReportXlsx(report: VisitReportView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Giliran';
  const heading = visitHeading(report);
  const tz = report.timeZone;
  sheetOf(
    workbook,
    'Ringkasan',
    [heading.title, ...heading.lines, skmLine(report)],
    ['Uraian', 'Jumlah'],
    [
      ...Object.entries(report.countsByPurpose).map(([p, n]): Cell[] => [`Dilayani: ${purposeName(p)}`, n]),
      ['Jumlah terdaftar', report.registered],
      ['Didaftar di luar jam layanan', report.outsideWindow],
      ['Izin terbit (NIB / sertifikat standar)', report.permitsIssued],
      ['Pengaduan', report.complaints.length],
      ['Sesi penyuluhan', report.counselling.sessions],
      ['Peserta penyuluhan', report.counselling.peopleReached],
      ['Foto dokumentasi', report.photos.length],
    ],
  );
  sheetOf(
    workbook,
    'Tahapan',
    [heading.title],
    ['Tahap', 'Standar', 'Dicatat', 'Hasil', 'Oleh'],
    report.milestones.map((m) => milestoneLine(m, tz)),
  );
  sheetOf(
    workbook,
    'Register kunjungan',
    [heading.title, 'NIK dan nomor HP tidak dicantumkan (UU 27/2022).'],
    ['No. urut', 'Nama', 'Usaha', 'Risiko', 'Keperluan', 'Hasil', 'Alasan di luar jam', 'Waktu'],
    report.register.map((e) => [
      e.orderNumber,
      e.name,
      e.businessName ?? '—',
      riskName(e.riskClass),
      purposeName(e.purpose),
      outcomeName(e.outcome),
      e.outsideWindowReason ?? '',
      instantText(e.at, tz),
    ]),
  );
  sheetOf(
    workbook,
    'Register penerbitan',
    [heading.title],
    [
      'No.',
      'NIB',
      'Nama usaha',
      'Risiko',
      'Dokumen',
      'Terbit di OSS',
      'Dicetak',
      'Diserahkan',
      'Akses dijelaskan',
    ],
    report.permits.map((p, i) => [
      i + 1,
      p.nib,
      p.businessName,
      riskName(p.riskClass),
      documentName(p.document),
      instantText(p.issuedInOssAt, tz),
      p.printed ? 'Ya' : 'Tidak',
      p.handedOver ? 'Ya' : 'Tidak',
      p.accessExplained ? 'Ya' : 'Tidak',
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The month's recap for the Dinas: one row per visit, and the totals. */
export async function visitRecapXlsx(recap: VisitRecapView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Giliran';
  const { totals } = recap;
  sheetOf(
    workbook,
    'Rekap',
    [`Rekap Layanan Keliling ${recap.unitName} — ${recap.month}`],
    [
      'Tanggal',
      'Desa/Kelurahan',
      'Kecamatan',
      'Terdaftar',
      'Izin terbit',
      'Pengaduan',
      'Peserta penyuluhan',
      'Tahap tidak sesuai standar',
    ],
    [
      ...recap.visits.map((v): Cell[] => [
        v.date,
        v.village,
        v.district,
        v.registered,
        v.permitsIssued,
        v.complaints,
        v.peopleReached,
        v.offStandard,
      ]),
      [
        `Jumlah (${String(totals.visits)} kunjungan)`,
        '',
        '',
        totals.registered,
        totals.permitsIssued,
        totals.complaints,
        totals.peopleReached,
        '',
      ],
    ],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
