// The hall's report engine, shared rather than copied: central's region reports are built, named and printed by
// the very code the hub uses for its own (recap view, CSV, and XLSX and PDF rendered in worker threads), and closed
// days are kept in the hub's summary codec.
export { reportView, type ReportSite } from '../../hub/src/reports/report-view.ts';
export { reportCsv } from '../../hub/src/reports/report-csv.ts';
export { reportFileName } from '../../hub/src/reports/report-format.ts';
export { decodeDay, encodeDay } from '../../hub/src/reports/report-codec.ts';
export type { ReportFileView } from '../../hub/src/reports/report-region-tables.ts';
export { ReportExports as ExportPool } from '../../hub/src/reports/report-exports.ts';
export { bookingSectionView } from '../../hub/src/reports/report-booking-view.ts';
