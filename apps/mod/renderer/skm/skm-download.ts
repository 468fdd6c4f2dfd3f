import { HubRequestError } from '@giliran/ui';
import type { StaffSession } from '../tab-props.ts';
import { skmQuery, type SkmPeriod, type SkmScopeChoice } from './skm-period.ts';

/**
 * A plain link cannot carry the bearer token, so the file is fetched with it and handed to the browser as a blob
 * download, under the name the hub gives it; the object URL is released once the click has started the save.
 */
export async function downloadSkm(
  session: StaffSession,
  period: SkmPeriod,
  scope: SkmScopeChoice,
  format: 'xlsx' | 'pdf',
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/skm?${skmQuery(period, scope, format)}`, session.hubUrl), {
      headers: { authorization: `Bearer ${session.token}` },
    });
  } catch {
    throw new HubRequestError('NETWORK', 0, null);
  }
  if (!response.ok) throw new HubRequestError('HTTP', response.status, null);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `skm-${period.from}_${period.to}.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
