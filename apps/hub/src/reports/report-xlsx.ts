import type { ReportView } from '@giliran/protocol';
import type { ReportFileView } from './report-region-tables.ts';
import ExcelJS from 'exceljs';
import { instantText, periodText } from './report-format.ts';
import { reportTables, type CellKind, type CellValue, type Table } from './report-tables.ts';

/** First row of column headers; the title and period sit above it, data below. */
export const XLSX_HEADER_ROW = 4;
const SECONDS_PER_DAY = 86_400;

const NUMBER_FORMATS: Readonly<Record<CellKind, string | undefined>> = {
  text: undefined,
  count: '#,##0',
  decimal: '0.0',
  // Excel durations are fractions of a day: the cell is a real number a manager can sum and sort.
  duration: '[h]:mm:ss',
  share: '0.0%',
};

function cellValue(kind: CellKind, value: CellValue): string | number | null {
  if (kind === 'duration' && typeof value === 'number') return value / SECONDS_PER_DAY;
  return value;
}

function addSheet(workbook: ExcelJS.Workbook, view: ReportView, table: Table): void {
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW, xSplit: 1 }],
    // No paper size: ExcelJS types it as an ambient const enum that isolated modules cannot read, and the printer's
    // default (A4 in Indonesia) is right anyway. The printable report is the PDF.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell('A1').value = `${table.title} — ${view.site.name}`;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  const live = view.live ? ' (angka hari ini masih berjalan)' : '';
  sheet.getCell('A2').value = `Periode: ${periodText(view.from, view.to)}${live} · dibuat ${instantText(
    view.generatedAt,
    view.site.timeZone,
  )}`;
  sheet.getCell('A2').font = { color: { argb: 'FF555555' } };

  const header = sheet.getRow(XLSX_HEADER_ROW);
  header.values = table.columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    c.border = { bottom: { style: 'thin', color: { argb: 'FF8899AA' } } };
  });
  table.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = Math.round(column.width * 11);
    const format = NUMBER_FORMATS[column.kind];
    if (format !== undefined) sheetColumn.numFmt = format;
  });

  const rows = table.total ? [...table.rows, table.total] : table.rows;
  rows.forEach((values, r) => {
    const row = sheet.getRow(XLSX_HEADER_ROW + 1 + r);
    row.values = values.map((v, i) => cellValue(table.columns[i]?.kind ?? 'text', v));
    if (table.total && r === rows.length - 1) {
      row.font = { bold: true };
      row.eachCell((c) => {
        c.border = { top: { style: 'thin', color: { argb: 'FF8899AA' } } };
      });
    }
  });
  if (table.note !== null) {
    const note = sheet.getCell(XLSX_HEADER_ROW + rows.length + 2, 1);
    note.value = table.note;
    note.font = { italic: true, color: { argb: 'FF555555' } };
  }
}

/** One sheet per recap, Indonesian headers, real numbers with number formats (durations as Excel times). */
export async function reportXlsx(view: ReportFileView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Giliran';
  workbook.title = `Laporan ${view.site.name} ${periodText(view.from, view.to)}`;
  workbook.created = new Date(view.generatedAt);
  for (const table of reportTables(view)) addSheet(workbook, view, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
