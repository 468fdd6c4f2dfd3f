import type { PdfPage } from '../pdf/pdf-document.ts';
import { cellText } from './report-format.ts';
import type { CellValue, Column, Table } from './report-tables.ts';

export const INK = '#1a1a1a';
export const MUTED = '#5a6470';
export const ACCENT = '#1f4e79';
const RULE = '#8899aa';
const HEADER_FILL = '#e8eef4';
const ZEBRA_FILL = '#f5f7f9';

const ROW_HEIGHT = 13;
const HEADER_HEIGHT = 24;
const FONT_SIZE = 8;
const HEADER_FONT_SIZE = 7;
const PAD = 3;
const NOTE_FONT_SIZE = 6.8;
/** Section title (11 pt) and the space under it. */
const TITLE_HEIGHT = 20;

/** Starts a new page when `height` does not fit below the current position. */
export function ensureSpace(page: PdfPage, height: number): boolean {
  if (page.doc.y + height <= page.bottom) return false;
  page.doc.addPage();
  page.doc.y = page.top;
  return true;
}

/** Cuts text to the width with an ellipsis: a cell never wraps into the next row. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function columnWidths(page: PdfPage, columns: readonly Column[]): number[] {
  const units = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.width / units) * page.width);
}

function drawHeader(page: PdfPage, columns: readonly Column[], widths: readonly number[]): void {
  const { doc } = page;
  const y = doc.y;
  doc.rect(page.left, y, page.width, HEADER_HEIGHT).fill(HEADER_FILL);
  doc.font(page.fonts.bold).fontSize(HEADER_FONT_SIZE).fillColor(INK);
  let x = page.left;
  columns.forEach((column, i) => {
    const width = widths[i] ?? 0;
    doc.text(column.header, x + PAD, y + 3, {
      width: width - 2 * PAD,
      height: HEADER_HEIGHT - 4,
      align: column.kind === 'text' ? 'left' : 'right',
      lineGap: -1,
    });
    x += width;
  });
  doc
    .moveTo(page.left, y + HEADER_HEIGHT)
    .lineTo(page.left + page.width, y + HEADER_HEIGHT)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.y = y + HEADER_HEIGHT;
}

function drawRow(
  page: PdfPage,
  columns: readonly Column[],
  widths: readonly number[],
  values: readonly CellValue[],
  style: { bold: boolean; zebra: boolean },
): void {
  const { doc } = page;
  const y = doc.y;
  if (style.zebra) doc.rect(page.left, y, page.width, ROW_HEIGHT).fill(ZEBRA_FILL);
  if (style.bold)
    doc
      .moveTo(page.left, y)
      .lineTo(page.left + page.width, y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
  doc
    .font(style.bold ? page.fonts.bold : page.fonts.regular)
    .fontSize(FONT_SIZE)
    .fillColor(INK);
  let x = page.left;
  columns.forEach((column, i) => {
    const width = widths[i] ?? 0;
    const text = fit(doc, cellText(column.kind, values[i] ?? null), width - 2 * PAD);
    doc.text(text, x + PAD, y + 3, {
      width: width - 2 * PAD,
      align: column.kind === 'text' ? 'left' : 'right',
      lineBreak: false,
    });
    x += width;
  });
  doc.y = y + ROW_HEIGHT;
}

export function drawSectionTitle(page: PdfPage, title: string): void {
  page.doc.font(page.fonts.bold).fontSize(11).fillColor(ACCENT);
  page.doc.text(title, page.left, page.doc.y, { width: page.width });
  page.doc.y += 3;
}

/** A table with its title, header repeated on each page it runs onto, zebra rows, a bold total and its note. */
export function drawTable(page: PdfPage, table: Table): void {
  const { doc } = page;
  const widths = columnWidths(page, table.columns);
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  doc.font(page.fonts.regular).fontSize(NOTE_FONT_SIZE);
  const noteHeight = table.note === null ? 0 : doc.heightOfString(table.note, { width: page.width }) + 4;
  const whole = TITLE_HEIGHT + HEADER_HEIGHT + rows.length * ROW_HEIGHT + noteHeight;
  // A table that fits on one page is kept on one page; a longer one starts with its title, header and two rows
  // together, so a title never sits alone at the foot of a page.
  ensureSpace(page, whole <= page.bottom - page.top ? whole : TITLE_HEIGHT + HEADER_HEIGHT + 2 * ROW_HEIGHT);
  drawSectionTitle(page, table.title);
  drawHeader(page, table.columns, widths);
  rows.forEach((values, i) => {
    // The last row keeps its note with it.
    const needed = i === rows.length - 1 ? ROW_HEIGHT + noteHeight : ROW_HEIGHT;
    if (ensureSpace(page, needed)) {
      drawSectionTitle(page, `${table.title} (lanjutan)`);
      drawHeader(page, table.columns, widths);
    }
    const isTotal = table.total !== null && i === rows.length - 1;
    drawRow(page, table.columns, widths, values, { bold: isTotal, zebra: !isTotal && i % 2 === 1 });
  });
  if (table.note !== null) {
    doc.font(page.fonts.regular).fontSize(NOTE_FONT_SIZE).fillColor(MUTED);
    doc.text(table.note, page.left, doc.y + 3, { width: page.width });
  }
  doc.y += 12;
}
