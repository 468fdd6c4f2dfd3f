import type { SkmFiguresView, SkmReportView } from '@giliran/protocol';
import ExcelJS from 'exceljs';
import { BAND_LEGEND, generatedText, periodText, scopeText } from './skm-format.ts';

/** Row of the NRR table's headers on the "IKM" sheet; U1 … U9 follow, then the index rows. */
export const SKM_XLSX_HEADER_ROW = 5;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8899AA' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/**
 * Printed on A4. exceljs types the paper size as a const enum, which does not exist at run time and cannot be
 * imported here: its A4 code (9) is merged in as a plain number.
 */
function onA4(sheet: ExcelJS.Worksheet): void {
  Object.assign(sheet.pageSetup, { paperSize: 9 });
}

function heading(sheet: ExcelJS.Worksheet, view: SkmReportView, title: string): void {
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = `${view.site.name} · ${scopeText(view)}`;
  sheet.getCell('A2').font = { bold: true };
  sheet.getCell('A3').value = `Periode: ${periodText(view.from, view.to)} · dibuat ${generatedText(view)}`;
  sheet.getCell('A3').font = { color: { argb: 'FF555555' } };
}

function headerRow(row: ExcelJS.Row, values: readonly string[]): void {
  row.values = [...values];
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.height = 32;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BOX;
  });
}

/** The table agencies publish: per unsur the sum, NRR, weighted NRR, then IKM, its conversion, mutu and kinerja. */
function ikmSheet(workbook: ExcelJS.Workbook, view: SkmReportView): void {
  const sheet = workbook.addWorksheet('IKM', {
    pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  onA4(sheet);
  heading(sheet, view, 'Laporan Survei Kepuasan Masyarakat (SKM)');
  const widths = [6, 44, 14, 14, 18, 18, 10];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  headerRow(sheet.getRow(SKM_XLSX_HEADER_ROW), [
    'No',
    'Unsur Pelayanan',
    'Jumlah Nilai',
    'NRR per Unsur',
    'NRR Tertimbang (× 1/9)',
    'Nilai Konversi (NRR × 25)',
    'Mutu',
  ]);
  const figures = view.figures;
  figures.unsur.forEach((unsur, i) => {
    const row = sheet.getRow(SKM_XLSX_HEADER_ROW + 1 + i);
    row.values = [
      unsur.code,
      unsur.name.id,
      unsur.total,
      unsur.nrr,
      unsur.nrr === null ? null : unsur.nrr / 9,
      unsur.converted,
      unsur.mutu,
    ];
    row.getCell(3).numFmt = '#,##0';
    row.getCell(4).numFmt = '0.00';
    row.getCell(5).numFmt = '0.000';
    row.getCell(6).numFmt = '0.00';
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BOX));
  });
  const first = SKM_XLSX_HEADER_ROW + 1 + figures.unsur.length;
  const summary: readonly [string, string | number | null, string | undefined][] = [
    ['IKM (Σ NRR tertimbang)', figures.ikm, '0.000'],
    ['IKM Unit Pelayanan (IKM × 25)', figures.converted, '0.00'],
    ['Mutu Pelayanan', figures.mutu, undefined],
    ['Kinerja Unit Pelayanan', figures.kinerja?.id ?? null, undefined],
  ];
  summary.forEach(([label, value, format], i) => {
    const row = sheet.getRow(first + i);
    row.getCell(2).value = label;
    row.getCell(5).value = value;
    if (format !== undefined) row.getCell(5).numFmt = format;
    row.font = { bold: true };
  });
  const sample = first + summary.length + 1;
  const facts: readonly [string, string | number][] = [
    ['Jumlah responden', figures.respondents],
    ['Populasi (tiket selesai dilayani dalam periode)', figures.population],
    ['Sampel minimum (Krejcie–Morgan, X² 3,841, P 0,5, d 0,05)', figures.sampleSize],
    ['Sampel tercapai', figures.sampleReached ? 'Ya' : 'Tidak'],
    ['Responden tanpa tiket (kios)', figures.withoutTicket],
    // Apart from the IKM above: answered in front of the officer who served the citizen.
    ['Jawaban di tablet loket (terpisah, tidak dihitung dalam IKM)', view.counterTablets.respondents],
    ['IKM jawaban di tablet loket', view.counterTablets.converted ?? '—'],
  ];
  facts.forEach(([label, value], i) => {
    const row = sheet.getRow(sample + i);
    row.getCell(2).value = label;
    row.getCell(5).value = value;
  });
  const legend = sheet.getCell(sample + facts.length + 1, 2);
  legend.value = BAND_LEGEND;
  legend.font = { italic: true, color: { argb: 'FF555555' } };
}

function breakdownSheet(
  workbook: ExcelJS.Workbook,
  view: SkmReportView,
  name: string,
  rows: readonly { readonly label: readonly string[]; readonly figures: SkmFiguresView }[],
  labelHeaders: readonly string[],
): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: SKM_XLSX_HEADER_ROW, xSplit: labelHeaders.length }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  onA4(sheet);
  heading(sheet, view, `IKM per ${name.toLowerCase()}`);
  const unsurHeaders = view.figures.unsur.map((u) => `NRR ${u.code}`);
  headerRow(sheet.getRow(SKM_XLSX_HEADER_ROW), [
    ...labelHeaders,
    'Responden',
    'Populasi',
    'Sampel minimum',
    'Sampel tercapai',
    ...unsurHeaders,
    'IKM',
    'IKM Unit Pelayanan',
    'Mutu',
    'Kinerja',
  ]);
  labelHeaders.forEach((_, i) => (sheet.getColumn(i + 1).width = 34));
  rows.forEach(({ label, figures }, r) => {
    const row = sheet.getRow(SKM_XLSX_HEADER_ROW + 1 + r);
    row.values = [
      ...label,
      figures.respondents,
      figures.population,
      figures.sampleSize,
      figures.sampleReached ? 'Ya' : 'Tidak',
      ...figures.unsur.map((u) => u.nrr),
      figures.ikm,
      figures.converted,
      figures.mutu,
      figures.kinerja?.id ?? null,
    ];
    const nrrFrom = label.length + 5;
    figures.unsur.forEach((_, i) => (row.getCell(nrrFrom + i).numFmt = '0.00'));
    row.getCell(nrrFrom + figures.unsur.length).numFmt = '0.000';
    row.getCell(nrrFrom + figures.unsur.length + 1).numFmt = '0.00';
  });
}

function respondentSheet(workbook: ExcelJS.Workbook, view: SkmReportView): void {
  const sheet = workbook.addWorksheet('Responden');
  heading(sheet, view, 'Profil responden');
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 12;
  const groups: readonly [string, SkmReportView['demographics']['gender']][] = [
    ['Jenis kelamin', view.demographics.gender],
    ['Usia', view.demographics.ageBand],
    ['Pendidikan', view.demographics.education],
    ['Pekerjaan', view.demographics.occupation],
  ];
  let r = SKM_XLSX_HEADER_ROW;
  const total = view.figures.respondents;
  for (const [title, entries] of groups) {
    headerRow(sheet.getRow(r), [title, 'Jumlah', 'Persentase']);
    for (const entry of entries) {
      r += 1;
      const row = sheet.getRow(r);
      row.values = [entry.label.id, entry.count, total === 0 ? null : entry.count / total];
      row.getCell(3).numFmt = '0.0%';
    }
    r += 2;
  }
}

/** Sheets "IKM" (the published table), "Per instansi", "Per layanan" and "Responden"; numbers stay numbers. */
export async function skmXlsx(view: SkmReportView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Giliran';
  workbook.title = `SKM ${view.site.name} ${periodText(view.from, view.to)}`;
  workbook.created = new Date(view.generatedAt);
  ikmSheet(workbook, view);
  breakdownSheet(
    workbook,
    view,
    'Per instansi',
    view.agencies.map((a) => ({ label: [a.name.id], figures: a.figures })),
    ['Instansi'],
  );
  const agencyName = new Map(view.agencies.map((a) => [a.id, a.name.id]));
  breakdownSheet(
    workbook,
    view,
    'Per layanan',
    view.services.map((s) => ({
      label: [agencyName.get(s.agencyId) ?? s.agencyId, s.name.id],
      figures: s.figures,
    })),
    ['Instansi', 'Layanan'],
  );
  respondentSheet(workbook, view);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
