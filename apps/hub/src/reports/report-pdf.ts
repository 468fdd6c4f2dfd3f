import type { ReportView } from '@giliran/protocol';
import type { ReportFileView } from './report-region-tables.ts';
import { drawPageFooters, openPdf, type PdfPage } from '../pdf/pdf-document.ts';
import { cellText, durationText, instantText, periodText } from './report-format.ts';
import { drawArrivalsChart } from './report-pdf-chart.ts';
import { drawLetterhead, drawSignatures, type Letterhead } from './report-pdf-letterhead.ts';
import { ACCENT, drawTable, INK, MUTED } from './report-pdf-table.ts';
import { complianceTotalTable, reportTables, stepLabel, type Table } from './report-tables.ts';

const MARGIN = 36;
const FOOTER_SPACE = 14;

function drawTitle(page: PdfPage, view: ReportView): void {
  const { doc } = page;
  doc.font(page.fonts.bold).fontSize(17).fillColor(ACCENT);
  doc.text('Laporan Rekapitulasi Pelayanan', page.left, doc.y, { width: page.width });
  doc.font(page.fonts.bold).fontSize(12).fillColor(INK).text(view.site.name, { width: page.width });
  const days = view.days > 1 ? ` (${view.days} hari)` : '';
  doc
    .font(page.fonts.regular)
    .fontSize(10)
    .text(`Periode: ${periodText(view.from, view.to)}${days}`);
  const live = view.live ? ' · angka hari ini masih berjalan' : '';
  doc
    .fontSize(8)
    .fillColor(MUTED)
    .text(`Dibuat ${instantText(view.generatedAt, view.site.timeZone)}${live}`);
  doc.y += 10;
}

/** Headline figures in boxes: what a reader looks for before the tables. */
function drawKeyFigures(page: PdfPage, view: ReportView): void {
  const { doc } = page;
  const t = view.total;
  const judged = view.compliance.total.reduce((s, e) => s + e.withinStandard + e.late, 0);
  const within = view.compliance.total.reduce((s, e) => s + e.withinStandard, 0);
  const duration = (seconds: number | null) => (seconds === null ? '—' : durationText(seconds));
  const figures: readonly [string, string, string][] = [
    ['Tiket terbit', cellText('count', t.issued), `prioritas ${cellText('count', t.priority)}`],
    ['Dilayani', cellText('count', t.served), `ke instansi ${cellText('count', t.handedToAgency)}`],
    ['Tidak hadir', cellText('count', t.noShows), `batal ${cellText('count', t.cancelled)}`],
    ['Tunggu rata-rata', duration(t.wait.averageSeconds), `P90 ${duration(t.wait.p90Seconds)}`],
    ['Layanan rata-rata', duration(t.service.averageSeconds), `P90 ${duration(t.service.p90Seconds)}`],
    [
      'Kepatuhan SOP',
      cellText('share', judged === 0 ? null : within / judged),
      `${cellText('count', judged)} langkah dinilai`,
    ],
    [
      'Kompensasi',
      cellText('count', view.compensations.total.raised),
      `${cellText('count', view.compensations.total.open)} terbuka`,
    ],
  ];
  const gap = 8;
  const width = (page.width - gap * (figures.length - 1)) / figures.length;
  const y = doc.y;
  figures.forEach(([label, value, sub], i) => {
    const x = page.left + i * (width + gap);
    doc.roundedRect(x, y, width, 52, 4).lineWidth(0.8).strokeColor('#c5d0db').stroke();
    doc
      .font(page.fonts.regular)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(label, x + 7, y + 6, { width: width - 14 });
    doc
      .font(page.fonts.bold)
      .fontSize(15)
      .fillColor(INK)
      .text(value, x + 7, y + 18, { width: width - 14 });
    doc
      .font(page.fonts.regular)
      .fontSize(7)
      .fillColor(MUTED)
      .text(sub, x + 7, y + 38, { width: width - 14 });
  });
  doc.y = y + 52 + 16;
}

/** Services × steps, the share within standard in each cell: thirteen services fit one screenful of paper. */
function complianceMatrix(view: ReportView): Table {
  const entries = view.compliance.total.map((e) => e.steps);
  return {
    name: 'Kepatuhan per layanan',
    title: 'Kepatuhan SOP per layanan (sesuai standar ÷ dinilai)',
    columns: [
      { header: 'Layanan', kind: 'text', width: 3 },
      ...entries.map((steps) => ({
        header: stepLabel(steps, view.sopSteps),
        kind: 'share' as const,
        width: 1.2,
      })),
    ],
    rows: view.compliance.services.map((s) => [s.name.id, ...s.steps.map((e) => e.share)]),
    total: ['Semua layanan', ...view.compliance.total.map((e) => e.share)],
    note: '— : tidak ada langkah yang dinilai. Langkah 7 yang diserahkan ke SOP instansi tidak dinilai terlambat.',
  };
}

/** A printable A4 (landscape, for the wide tables): title, key figures, every recap table, the arrivals chart. */
/** The local day the file was made, for the signing line. */
function madeOn(view: ReportView): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: view.site.timeZone }).format(
    new Date(view.generatedAt),
  );
  return periodText(day, day);
}

export function reportPdf(view: ReportFileView, letterhead?: Letterhead): Promise<Buffer> {
  const { page, bytes } = openPdf({
    title: `Laporan ${view.site.name} ${periodText(view.from, view.to)}`,
    landscape: true,
    margin: MARGIN,
    footerSpace: FOOTER_SPACE,
  });
  // The first page is the summary (figures and the shape of the day); the tables follow, each kept on one page when
  // it fits one, in an order that fills pages: the PDF is meant to be printed and signed off (SOP steps 9–13).
  if (letterhead) drawLetterhead(page, letterhead);
  drawTitle(page, view);
  drawKeyFigures(page, view);
  drawArrivalsChart(page, view);
  const byName = new Map(reportTables(view).map((t) => [t.name, t]));
  for (const name of [
    'Situs',
    'SKM',
    'Pengaduan',
    'Pengaduan terbuka',
    'Instansi',
    'Layanan',
    'Loket',
    'Petugas',
    'Kompensasi',
    'Antrean daring',
    'Antrean daring per hari',
  ]) {
    const table = byName.get(name);
    if (table) drawTable(page, table);
  }
  drawTable(page, { ...complianceTotalTable(view), note: null });
  drawTable(page, complianceMatrix(view));
  if (letterhead) drawSignatures(page, `${letterhead.city}, ${madeOn(view)}`);
  drawPageFooters(page, {
    text: `Giliran · ${view.site.name} · ${periodText(view.from, view.to)}`,
    textShare: 1 / 2,
    color: MUTED,
    offset: 4,
  });
  page.doc.end();
  return bytes;
}
