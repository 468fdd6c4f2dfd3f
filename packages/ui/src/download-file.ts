import { hubErrorFrom, HubRequestError } from './hub-client.ts';

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file the hub (or central) renders. A plain link cannot carry the bearer token, so the file is fetched
 * with it and handed to the browser as a blob, under the name the server gives (Content-Disposition) or
 * `fallbackName` when a proxy dropped it; the object URL is released once the click has started the save.
 * A refusal throws the server's coded error with its Retry-After (a busy export pool answers 429), never a file
 * holding the error's JSON.
 */
export async function downloadFile(url: URL, token: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new HubRequestError('NETWORK', 0, null);
  }
  if (!response.ok) throw await hubErrorFrom(response);
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(objectUrl);
  }, 0);
}
