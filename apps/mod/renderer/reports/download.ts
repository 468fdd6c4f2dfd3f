import { HubRequestError } from '@giliran/ui';
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

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(header)?.[1] ?? fallback;
}

/**
 * A plain link cannot carry the bearer token, so the file is fetched with it and handed to the browser as a blob
 * download; the object URL is released once the click has started the save.
 */
export async function downloadFile(session: StaffSession, path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL(path, session.hubUrl), {
      headers: { authorization: `Bearer ${session.token}` },
    });
  } catch {
    throw new HubRequestError('NETWORK', 0, null);
  }
  if (!response.ok) throw new HubRequestError('HTTP', response.status, null);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

export function downloadReport(session: StaffSession, range: DateRange, format: FileFormat): Promise<void> {
  return downloadFile(
    session,
    `/api/reports?${reportQuery(range)}&${formatQuery(format)}`,
    fallbackName(range, format),
  );
}
