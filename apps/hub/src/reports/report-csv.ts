import type { ReportFileView } from './report-region-tables.ts';
import { csvText } from './csv-cell.ts';
import { instantText, periodText } from './report-format.ts';
import { reportTables, type CellKind, type CellValue, type Column } from './report-tables.ts';

/** Excel reads a CSV without a byte-order mark as the PC's code page and garbles "–" and other non-ASCII text. */
const BOM = '\uFEFF';

/**
 * How the file separates cells and writes decimals. Excel on Indonesian (and most European) settings splits a CSV
 * on semicolons and reads "12,5" as a number, and opens a comma file as one column; the default stays RFC 4180.
 */
export type CsvSeparator = 'comma' | 'semicolon';
const STYLE = {
  comma: { between: ',', decimal: '.' },
  semicolon: { between: ';', decimal: ',' },
} as const;
type Style = (typeof STYLE)[CsvSeparator];

/** Plain numbers, so every spreadsheet reads them as numbers: seconds, and shares in %. */
function cell(kind: CellKind, value: CellValue, style: Style): string {
  if (value === null) return '';
  if (typeof value === 'string') return csvText(value);
  const number = kind === 'share' ? Math.round(value * 1000) / 10 : value;
  return number.toString().replace('.', style.decimal);
}

function header(column: Column): string {
  if (column.kind === 'duration') return `${column.header} (detik)`;
  if (column.kind === 'share') return `${column.header} (%)`;
  return column.header;
}

/**
 * One CSV file of sections (RFC 4180, CRLF; comma-separated, or semicolons with decimal commas): a title block,
 * then each table under its own title line and header row, a blank line between sections. Durations are whole
 * seconds; empty means "not applicable" (a counter issues no tickets) or "no data".
 */
export function reportCsv(view: ReportFileView, separator: CsvSeparator = 'comma'): string {
  const style = STYLE[separator];
  const row = (cells: readonly string[]) => cells.join(style.between);
  const lines: string[] = [
    csvText('Laporan Rekapitulasi Pelayanan'),
    csvText(view.site.name),
    row(['Periode', csvText(periodText(view.from, view.to))]),
    row(['Dari', view.from]),
    row(['Sampai', view.to]),
    row(['Dibuat', csvText(instantText(view.generatedAt, view.site.timeZone))]),
    ...(view.live ? [csvText('Angka hari ini masih berjalan.')] : []),
  ];
  for (const table of reportTables(view)) {
    lines.push('', csvText(table.title), row(table.columns.map((c) => csvText(header(c)))));
    const rows = table.total ? [...table.rows, table.total] : table.rows;
    for (const values of rows)
      lines.push(row(values.map((v, i) => cell(table.columns[i]?.kind ?? 'text', v, style))));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
