import type { SkmFiguresView, SkmReportView } from '@giliran/protocol';
import { drawPageFooters, openPdf, type PdfPage } from '../pdf/pdf-document.ts';
import { BAND_LEGEND, count, decimal, generatedText, periodText, scopeText } from './skm-format.ts';
import { ACCENT, drawTable, INK, MUTED } from './skm-pdf-table.ts';

const MARGIN = 40;
const FOOTER_SPACE = 18;

function drawTitle(page: PdfPage, view: SkmReportView): void {
  const { doc } = page;
  doc.font(page.fonts.bold).fontSize(16).fillColor(ACCENT);
  doc.text('Laporan Survei Kepuasan Masyarakat (SKM)', page.left, page.top, { width: page.width });
  doc.font(page.fonts.bold).fontSize(11).fillColor(INK).text(view.site.name, { width: page.width });
  doc.font(page.fonts.regular).fontSize(10).text(scopeText(view), { width: page.width });
  doc.text(`Periode: ${periodText(view.from, view.to)}`, { width: page.width });
  doc
    .fontSize(8)
    .fillColor(MUTED)
    .text(`Dibuat ${generatedText(view)} · PermenPAN-RB Nomor 14 Tahun 2017`);
  doc.y += 10;
}

/** The published table: per unsur the sum of scores, NRR, weighted NRR and conversion, then the index rows. */
function drawNrrTable(page: PdfPage, figures: SkmFiguresView): void {
  const dash = '—';
  drawTable(page, {
    title: 'Nilai rata-rata (NRR) per unsur pelayanan',
    columns: [
      { header: 'No', width: 0.6, align: 'center' },
      { header: 'Unsur Pelayanan', width: 4.2 },
      { header: 'Jumlah Nilai', width: 1.2, align: 'right' },
      { header: 'NRR per Unsur', width: 1.2, align: 'right' },
      { header: 'NRR Tertimbang (× 1/9)', width: 1.5, align: 'right' },
      { header: 'Nilai Konversi (NRR × 25)', width: 1.6, align: 'right' },
      { header: 'Mutu', width: 0.8, align: 'center' },
    ],
    rows: figures.unsur.map((u) => [
      u.code,
      u.name.id,
      count(u.total),
      decimal(u.nrr, 2),
      u.nrr === null ? dash : decimal(u.nrr / 9, 3),
      decimal(u.converted, 2),
      u.mutu ?? dash,
    ]),
    totals: [
      ['', 'IKM (jumlah NRR tertimbang)', '', '', decimal(figures.ikm, 3), '', ''],
      ['', 'IKM Unit Pelayanan (IKM × 25)', '', '', '', decimal(figures.converted, 2), figures.mutu ?? dash],
    ],
  });
}

/** Mutu and kinerja in boxes beside the sample: what the Kepala Dinas reads first. */
function drawVerdict(page: PdfPage, figures: SkmFiguresView): void {
  const { doc } = page;
  const boxes: readonly [string, string, string][] = [
    ['IKM Unit Pelayanan', decimal(figures.converted, 2), `IKM ${decimal(figures.ikm, 3)} (skala 1–4)`],
    ['Mutu Pelayanan', figures.mutu ?? '—', 'A · B · C · D'],
    ['Kinerja Unit Pelayanan', figures.kinerja?.id ?? '—', ''],
    [
      'Responden',
      count(figures.respondents),
      `sampel minimum ${count(figures.sampleSize)} dari populasi ${count(figures.population)}`,
    ],
    [
      'Sampel',
      figures.sampleReached ? 'Tercapai' : 'Belum tercapai',
      'Krejcie–Morgan (X² 3,841; P 0,5; d 0,05)',
    ],
  ];
  const gap = 8;
  const width = (page.width - gap * (boxes.length - 1)) / boxes.length;
  if (doc.y + 64 > page.bottom) doc.addPage();
  const y = doc.y;
  boxes.forEach(([label, value, sub], i) => {
    const x = page.left + i * (width + gap);
    doc.roundedRect(x, y, width, 60, 4).lineWidth(0.8).strokeColor('#c5d0db').stroke();
    doc
      .font(page.fonts.regular)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(label, x + 6, y + 6, { width: width - 12 });
    const color = i === 4 && !figures.sampleReached ? '#b3261e' : INK;
    doc
      .font(page.fonts.bold)
      .fontSize(value.length > 9 ? 11 : 16)
      .fillColor(color);
    doc.text(value, x + 6, y + 18, { width: width - 12 });
    doc
      .font(page.fonts.regular)
      .fontSize(6.5)
      .fillColor(MUTED)
      .text(sub, x + 6, y + 40, { width: width - 12 });
  });
  doc.x = page.left;
  doc.y = y + 60 + 16;
}

function breakdownRows(rows: readonly { name: string; figures: SkmFiguresView }[]): string[][] {
  return rows.map(({ name, figures }) => [
    name,
    count(figures.respondents),
    `${count(figures.sampleSize)} / ${count(figures.population)}`,
    figures.population === 0 ? '—' : figures.sampleReached ? 'Ya' : 'Tidak',
    decimal(figures.converted, 2),
    figures.mutu ?? '—',
    figures.kinerja?.id ?? '—',
  ]);
}

const BREAKDOWN_COLUMNS = [
  { header: '', width: 3.8 },
  { header: 'Responden', width: 1.3, align: 'right' },
  { header: 'Sampel / populasi', width: 1.5, align: 'right' },
  { header: 'Tercapai', width: 1, align: 'center' },
  { header: 'IKM Unit Pelayanan', width: 1.3, align: 'right' },
  { header: 'Mutu', width: 0.8, align: 'center' },
  { header: 'Kinerja', width: 1.3 },
] as const;

function drawRespondents(page: PdfPage, view: SkmReportView): void {
  const total = view.figures.respondents;
  const share = (n: number) => (total === 0 ? '—' : `${decimal((n / total) * 100, 1)}%`);
  const groups: readonly [string, SkmReportView['demographics']['gender']][] = [
    ['Jenis kelamin', view.demographics.gender],
    ['Usia', view.demographics.ageBand],
    ['Pendidikan', view.demographics.education],
    ['Pekerjaan', view.demographics.occupation],
  ];
  drawTable(page, {
    title: 'Profil responden',
    fontSize: 8.5,
    columns: [
      { header: 'Karakteristik', width: 1.6 },
      { header: 'Kategori', width: 2.4 },
      { header: 'Jumlah', width: 1, align: 'right' },
      { header: 'Persentase', width: 1.1, align: 'right' },
    ],
    rows: groups.flatMap(([title, entries]) =>
      entries.map((e, i) => [i === 0 ? title : '', e.label.id, count(e.count), share(e.count)]),
    ),
  });
}

/** A4 portrait in the layout of a published "Laporan SKM": NRR table, IKM, mutu, kinerja, sample, breakdowns, profile. */
export function skmPdf(view: SkmReportView): Promise<Buffer> {
  const { page, bytes } = openPdf({
    title: `Laporan SKM ${view.site.name} ${periodText(view.from, view.to)}`,
    margin: MARGIN,
    footerSpace: FOOTER_SPACE,
  });
  const { doc } = page;
  drawTitle(page, view);
  drawNrrTable(page, view.figures);
  drawVerdict(page, view.figures);
  doc
    .font(page.fonts.regular)
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(BAND_LEGEND, page.left, doc.y, { width: page.width });
  // Answered in front of the officer who served the citizen: stated apart, never part of the IKM above.
  if (view.counterTablets.respondents > 0)
    doc.text(
      `Jawaban di tablet loket (terpisah, tidak dihitung dalam IKM): ${count(view.counterTablets.respondents)} ` +
        `responden, IKM unit pelayanan ${decimal(view.counterTablets.converted, 2)}.`,
      page.left,
      doc.y + 4,
      { width: page.width },
    );
  doc.y += 14;
  if (view.scope.kind !== 'service') {
    if (view.scope.kind === 'site') {
      drawTable(page, {
        title: 'IKM per instansi',
        fontSize: 8.5,
        columns: [{ ...BREAKDOWN_COLUMNS[0], header: 'Instansi' }, ...BREAKDOWN_COLUMNS.slice(1)],
        rows: breakdownRows(view.agencies.map((a) => ({ name: a.name.id, figures: a.figures }))),
      });
    }
    drawTable(page, {
      title: 'IKM per layanan',
      fontSize: 8.5,
      columns: [{ ...BREAKDOWN_COLUMNS[0], header: 'Layanan' }, ...BREAKDOWN_COLUMNS.slice(1)],
      rows: breakdownRows(view.services.map((s) => ({ name: s.name.id, figures: s.figures }))),
    });
  }
  drawRespondents(page, view);
  drawPageFooters(page, {
    text: `Giliran · SKM ${view.site.name} · ${periodText(view.from, view.to)}`,
    textShare: 3 / 4,
    color: MUTED,
    offset: 6,
  });
  doc.end();
  return bytes;
}
