import { downloadFile } from '@giliran/ui/download-file';
import type { CentralApi } from './central-api.ts';

export type FileFormat = 'csv' | 'xlsx' | 'pdf';
export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'xlsx', 'pdf'];

/** A region report file from central, named as central names it; a refusal (429 when its export pool is busy) throws. */
export function download(api: CentralApi, path: string, fallback: string): Promise<void> {
  return downloadFile(new URL(path, api.session.hubUrl), api.session.token, fallback);
}
