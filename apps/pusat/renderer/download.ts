import { HubRequestError } from '@giliran/ui';
import type { CentralApi } from './central-api.ts';

export type FileFormat = 'csv' | 'xlsx' | 'pdf';
export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'xlsx', 'pdf'];

/**
 * A plain link cannot carry the bearer token: the file is fetched with it and handed to the browser as a blob
 * download, named as central names it (Content-Disposition) or by the fallback.
 */
export async function download(api: CentralApi, path: string, fallback: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL(path, api.session.hubUrl), {
      headers: { authorization: `Bearer ${api.session.token}` },
    });
  } catch {
    throw new HubRequestError('NETWORK', 0, null);
  }
  if (!response.ok) throw new HubRequestError('HTTP', response.status, null);
  const header = response.headers.get('content-disposition') ?? '';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = /filename="?([^";]+)"?/.exec(header)?.[1] ?? fallback;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
