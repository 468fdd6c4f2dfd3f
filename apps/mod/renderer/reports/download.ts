import { downloadFile } from '@giliran/ui/download-file';
import type { StaffSession } from '../tab-props.ts';
import { reportQuery, type DateRange } from './report-range.ts';

/** `csv-semicolon`: the CSV with semicolons and decimal commas that Excel on Indonesian settings opens. */
export type FileFormat = 'csv' | 'csv-semicolon' | 'xlsx' | 'pdf';
export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'csv-semicolon', 'xlsx', 'pdf'];

/** The button's label: the file kind, "CSV (;)" for the semicolon one. */
export function formatLabel(format: FileFormat): string {
  return format === 'csv-semicolon' ? 'CSV (;)' : format.toUpperCase();
}

const formatQuery = (format: FileFormat): string =>
  format === 'csv-semicolon' ? 'format=csv&separator=semicolon' : `format=${format}`;

/** The hub names the file (Content-Disposition); this is the same name, for when a proxy drops the header. */
function fallbackName(range: DateRange, format: FileFormat): string {
  const extension = format === 'csv-semicolon' ? 'csv' : format;
  return `laporan-${range.from === range.to ? range.from : `${range.from}_${range.to}`}.${extension}`;
}

export function downloadReport(session: StaffSession, range: DateRange, format: FileFormat): Promise<void> {
  return downloadFile(
    new URL(`/api/reports?${reportQuery(range)}&${formatQuery(format)}`, session.hubUrl),
    session.token,
    fallbackName(range, format),
  );
}
