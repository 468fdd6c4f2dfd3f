import { hubErrorFrom, HubRequestError } from '@giliran/ui';
import { downloadFile } from '@giliran/ui/download-file';
import type { StaffSession } from '@giliran/ui/staff-session';

/** REST calls of the page with the signed-in token; a body may be JSON or a photo's bytes. */
export function api(session: StaffSession) {
  const call = async <T>(method: string, path: string, body?: unknown, type?: string): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${session.token}` };
    let payload: BodyInit | undefined;
    if (body instanceof Blob) {
      headers['content-type'] = type ?? body.type;
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(new URL(`/api${path}`, session.hubUrl), {
        method,
        headers,
        body: payload ?? null,
      });
    } catch {
      throw new HubRequestError('NETWORK', 0, null);
    }
    if (!response.ok) throw await hubErrorFrom(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    upload: <T>(path: string, file: Blob) => call<T>('POST', path, file),
    blob: async (path: string): Promise<Blob> => {
      const response = await fetch(new URL(`/api${path}`, session.hubUrl), {
        headers: { authorization: `Bearer ${session.token}` },
      });
      return response.blob();
    },
    /** A report file the browser downloads with the token; a refusal (429 when exports are busy) throws. */
    download: (path: string, name: string) =>
      downloadFile(new URL(`/api${path}`, session.hubUrl), session.token, name),
  };
}

export type Api = ReturnType<typeof api>;
