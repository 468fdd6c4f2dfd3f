import type { ApiErrorBody } from '@giliran/protocol';
import { pick, type Lang } from '@giliran/ui';
import type { StaffSession } from '@giliran/ui/staff-session';

/** What went wrong, as the hub said it (its coded bilingual message), ready to show. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    readonly body: ApiErrorBody | null,
  ) {
    super(code);
  }

  text(lang: Lang): string {
    return this.body ? pick(this.body.error.message, lang) : this.code;
  }
}

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
      throw new ApiFailure('NETWORK', null);
    }
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = parsed as ApiErrorBody | null;
      throw new ApiFailure(error?.error.code ?? 'HTTP', error);
    }
    return parsed as T;
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
    /** A file link the browser downloads with the token (reports). */
    download: async (path: string, name: string) => {
      const response = await fetch(new URL(`/api${path}`, session.hubUrl), {
        headers: { authorization: `Bearer ${session.token}` },
      });
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
    },
  };
}

export type Api = ReturnType<typeof api>;
