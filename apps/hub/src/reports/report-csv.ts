import type { ReportFileView } from './report-region-tables.ts';
import { csvText } from './csv-cell.ts';
import { instantText, periodText } from './report-format.ts';
import { reportTables, type CellKind, type CellValue, type Column } from './report-tables.ts';

/** Excel reads a CSV without a byte-order mark as the PC's code page and garbles "–" and other non-ASCII text. */
const BOM = '\uFEFF';

/** Plain numbers with a decimal point, so every spreadsheet reads them as numbers: seconds, and shares in %. */
function cell(kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return csvText(value);
  if (kind === 'share') return (Math.round(value * 1000) / 10).toString();
  return value.toString();
}

function header(column: Column): string {
  if (column.kind === 'duration') return `${column.header} (detik)`;
  if (column.kind === 'share') return `${column.header} (%)`;
  return column.header;
}

/**
 * One CSV file of sections (RFC 4180, comma-separated, CRLF): a title block, then each table under its own
 * title line and header row, a blank line between sections. Durations are whole seconds; empty means "not
 * applicable" (a counter issues no tickets) or "no data".
 */
export function reportCsv(view: ReportFileView): string {
  const lines: string[] = [
    csvText('Laporan Rekapitulasi Pelayanan'),
    csvText(view.site.name),
    `Periode,${csvText(periodText(view.from, view.to))}`,
    `Dari,${view.from}`,
    `Sampai,${view.to}`,
    `Dibuat,${csvText(instantText(view.generatedAt, view.site.timeZone))}`,
    ...(view.live ? [csvText('Angka hari ini masih berjalan.')] : []),
  ];
  for (const table of reportTables(view)) {
    lines.push('', csvText(table.title), table.columns.map((c) => csvText(header(c))).join(','));
    const rows = table.total ? [...table.rows, table.total] : table.rows;
    for (const row of rows)
      lines.push(row.map((v, i) => cell(table.columns[i]?.kind ?? 'text', v)).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
