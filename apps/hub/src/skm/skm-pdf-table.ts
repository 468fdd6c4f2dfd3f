import type { PdfPage } from '../pdf/pdf-document.ts';

export const INK = '#14213d';
export const MUTED = '#5b6678';
export const ACCENT = '#0b4f8a';
const RULE = '#b8c4d2';
const HEADER_FILL = '#e8eef4';
const STRIPE = '#f5f7fa';

export interface PdfColumn {
  readonly header: string;
  /** Share of the table's width. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

export interface PdfTable {
  readonly title: string | null;
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly (readonly string[])[];
  /** Rows printed in bold after the others (the index under the NRR table). */
  readonly totals?: readonly (readonly string[])[];
  readonly fontSize?: number;
}

const PAD = 4;

function rowHeight(
  page: PdfPage,
  table: PdfTable,
  cells: readonly string[],
  widths: readonly number[],
  bold: boolean,
): number {
  const { doc } = page;
  doc.font(bold ? page.fonts.bold : page.fonts.regular).fontSize(table.fontSize ?? 9);
  return (
    Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: (widths[i] ?? 10) - 2 * PAD }))) +
    2 * PAD
  );
}

function drawRow(
  page: PdfPage,
  table: PdfTable,
  cells: readonly string[],
  widths: readonly number[],
  y: number,
  style: { bold: boolean; fill: string | null },
): number {
  const { doc } = page;
  const height = rowHeight(page, table, cells, widths, style.bold);
  if (style.fill !== null) doc.rect(page.left, y, page.width, height).fill(style.fill);
  doc
    .font(style.bold ? page.fonts.bold : page.fonts.regular)
    .fontSize(table.fontSize ?? 9)
    .fillColor(INK);
  let x = page.left;
  cells.forEach((text, i) => {
    const width = widths[i] ?? 10;
    doc.text(text, x + PAD, y + PAD, { width: width - 2 * PAD, align: table.columns[i]?.align ?? 'left' });
    x += width;
  });
  doc
    .moveTo(page.left, y + height)
    .lineTo(page.left + page.width, y + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  return height;
}

/** A table with its header repeated on every page it runs onto. */
export function drawTable(page: PdfPage, table: PdfTable): void {
  const { doc } = page;
  const share = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / share) * page.width);
  const headers = table.columns.map((c) => c.header);
  const headerHeight = rowHeight(page, table, headers, widths, true);
  const header = (y: number) => drawRow(page, table, headers, widths, y, { bold: true, fill: HEADER_FILL });
  if (doc.y + headerHeight * 3 + 20 > page.bottom) doc.addPage();
  if (table.title !== null) {
    doc
      .font(page.fonts.bold)
      .fontSize(11)
      .fillColor(ACCENT)
      .text(table.title, page.left, doc.y, { width: page.width });
    doc.y += 4;
  }
  let y = doc.y;
  y += header(y);
  const body = [
    ...table.rows.map((cells, i) => ({ cells, bold: false, fill: i % 2 === 1 ? STRIPE : null })),
    ...(table.totals ?? []).map((cells) => ({ cells, bold: true, fill: HEADER_FILL })),
  ];
  for (const row of body) {
    if (y + rowHeight(page, table, row.cells, widths, row.bold) > page.bottom) {
      doc.addPage();
      y = page.top;
      y += header(y);
    }
    y += drawRow(page, table, row.cells, widths, y, row);
  }
  doc.x = page.left;
  doc.y = y + 14;
}
