import type { VisitReportView } from '@giliran/protocol';
import { openPdf, type PdfPage } from '../pdf/pdf-document.ts';
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

export interface ReportPhoto {
  readonly id: string;
  readonly mime: string;
  readonly caption: string | null;
  readonly bytes: Uint8Array;
}

const MARGIN = 40;
const FOOTER = 20;
const ROW = 15;

/** Starts a new page when fewer than `needed` points are left. */
function room(page: PdfPage, needed: number): void {
  if (page.doc.y + needed > page.bottom) page.doc.addPage();
}

function heading(page: PdfPage, text: string): void {
  room(page, 3 * ROW);
  page.doc
    .moveDown(0.6)
    .font(page.fonts.bold)
    .fontSize(11)
    .fillColor('#1a3550')
    .text(text, page.left, page.doc.y);
  page.doc.moveDown(0.2);
}

/** A plain table: columns as shares of the width, a shaded header, rows that wrap to the next page. */
function table(
  page: PdfPage,
  columns: readonly { title: string; share: number }[],
  rows: readonly (readonly string[])[],
): void {
  const { doc } = page;
  const widths = columns.map((c) => c.share * page.width);
  const line = (cells: readonly string[], bold: boolean) => {
    room(page, ROW + 2);
    const y = doc.y;
    if (bold) doc.rect(page.left, y - 2, page.width, ROW).fill('#e8eef4');
    let x = page.left;
    doc
      .font(bold ? page.fonts.bold : page.fonts.regular)
      .fontSize(8.5)
      .fillColor('#111111');
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      doc.text(cell, x + 2, y, { width: w - 4, height: ROW, ellipsis: true, lineBreak: false });
      x += w;
    });
    doc.y = y + ROW;
  };
  line(
    columns.map((c) => c.title),
    true,
  );
  if (rows.length === 0) line(['—'], false);
  for (const row of rows) line(row, false);
}

/** The photos two to a row, each with its caption. */
function photos(page: PdfPage, list: readonly ReportPhoto[]): void {
  const { doc } = page;
  const gap = 12;
  const w = (page.width - gap) / 2;
  const h = w * 0.7;
  list.forEach((photo, i) => {
    if (i % 2 === 0) room(page, h + 2 * ROW);
    const x = page.left + (i % 2) * (w + gap);
    const y = doc.y;
    try {
      doc.image(Buffer.from(photo.bytes), x, y, { fit: [w, h], align: 'center', valign: 'center' });
    } catch {
      // pdfkit draws JPEG and PNG only: a WebP is named instead of drawn.
      doc.rect(x, y, w, h).stroke('#cccccc');
      doc
        .font(page.fonts.regular)
        .fontSize(8)
        .text('(foto WebP: lihat berkas aslinya)', x + 4, y + h / 2, { width: w - 8 });
    }
    doc
      .font(page.fonts.regular)
      .fontSize(8)
      .fillColor('#333333')
      .text(photo.caption ?? '', x, y + h + 2, { width: w });
    doc.y = i % 2 === 0 && i < list.length - 1 ? y : y + h + 2 * ROW;
  });
}

/** The visit report as the Dinas files it (Indonesian, A4): where, when, crew, milestones, registers, SKM, photos. */
export function visitReportPdf(report: VisitReportView, photoFiles: readonly ReportPhoto[]): Promise<Buffer> {
  const head = visitHeading(report);
  const { page, bytes } = openPdf({ title: head.title, margin: MARGIN, footerSpace: FOOTER });
  const { doc } = page;
  const tz = report.timeZone;
  doc.font(page.fonts.bold).fontSize(15).fillColor('#1a3550').text(head.title, page.left, page.top);
  doc.font(page.fonts.regular).fontSize(9).fillColor('#444444').text(report.siteName);
  doc.moveDown(0.4).fontSize(9.5).fillColor('#111111');
  for (const line of head.lines) doc.text(line, { width: page.width });

  heading(page, 'Tahapan kegiatan terhadap standar');
  table(
    page,
    [
      { title: 'Tahap', share: 0.3 },
      { title: 'Standar', share: 0.2 },
      { title: 'Dicatat', share: 0.12 },
      { title: 'Hasil', share: 0.22 },
      { title: 'Oleh', share: 0.16 },
    ],
    report.milestones.map((m) => milestoneLine(m, tz)),
  );

  heading(page, 'Masyarakat yang dilayani');
  table(
    page,
    [
      { title: 'Keperluan', share: 0.6 },
      { title: 'Jumlah', share: 0.4 },
    ],
    [
      ...Object.entries(report.countsByPurpose).map(([p, n]) => [purposeName(p), String(n)]),
      ['Jumlah terdaftar', String(report.registered)],
      ['Didaftar di luar jam layanan (dengan alasan)', String(report.outsideWindow)],
    ],
  );

  heading(page, `Register penerbitan izin (${String(report.permitsIssued)} terbit)`);
  table(
    page,
    [
      { title: 'No.', share: 0.06 },
      { title: 'NIB', share: 0.2 },
      { title: 'Nama usaha', share: 0.3 },
      { title: 'Risiko', share: 0.2 },
      { title: 'Dokumen', share: 0.24 },
    ],
    report.permits.map((p, i) => [
      String(i + 1),
      p.nib,
      p.businessName,
      riskName(p.riskClass),
      documentName(p.document),
    ]),
  );

  heading(page, `Pengaduan (${String(report.complaints.length)})`);
  table(
    page,
    [
      { title: 'No. register', share: 0.2 },
      { title: 'Kode', share: 0.2 },
      { title: 'Kategori', share: 0.25 },
      { title: 'Batas jawab', share: 0.35 },
    ],
    report.complaints.map((c) => [c.registerNumber, c.code, c.category, instantText(c.deadlineAt, tz)]),
  );

  heading(page, 'Penyuluhan dan survei');
  doc.font(page.fonts.regular).fontSize(9.5).fillColor('#111111');
  doc.text(
    `Penyuluhan: ${String(report.counselling.sessions)} sesi, ${String(report.counselling.peopleReached)} peserta` +
      (report.counselling.topics.length > 0 ? ` (${report.counselling.topics.join('; ')})` : ''),
    page.left,
    doc.y,
    { width: page.width },
  );
  doc.text(skmLine(report), { width: page.width });

  heading(page, 'Register kunjungan (tanpa NIK dan nomor HP)');
  table(
    page,
    [
      { title: 'No.', share: 0.06 },
      { title: 'Nama', share: 0.24 },
      { title: 'Usaha', share: 0.24 },
      { title: 'Keperluan', share: 0.16 },
      { title: 'Hasil', share: 0.2 },
      { title: 'Jam', share: 0.1 },
    ],
    report.register.map((e) => [
      String(e.orderNumber),
      e.name,
      e.businessName ?? '—',
      purposeName(e.purpose),
      outcomeName(e.outcome),
      instantText(e.at, tz).split(' ').at(-1) ?? '',
    ]),
  );

  if (photoFiles.length > 0) {
    heading(page, `Dokumentasi (${String(photoFiles.length)} foto)`);
    photos(page, photoFiles);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit open a new page: lift the margin while writing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(page.fonts.regular)
      .fontSize(7.5)
      .fillColor('#777777')
      .text(
        `${head.title} · dibuat ${instantText(report.generatedAt, tz)} · halaman ${String(i + 1)} dari ${String(range.count)}`,
        page.left,
        doc.page.height - MARGIN + 4,
        { width: page.width, lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return bytes;
}
