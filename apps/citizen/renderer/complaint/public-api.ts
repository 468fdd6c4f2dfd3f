import type {
  ApiErrorBody,
  PublicComplaintForm,
  PublicComplaintRequest,
  PublicComplaintStatus,
} from '@giliran/protocol';

// The page's view of the wire contract: types only, so no schema code is bundled into a citizen's phone.
export type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintStatus,
  PublicComplaintForm,
  PublicComplaintRequest,
  PublicComplaintStatus,
} from '@giliran/protocol';

export type Answer<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly error: ApiErrorBody['error'] | null };

async function call<T>(path: string, init?: RequestInit): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    return { ok: false, status: 0, error: null };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  return { ok: false, status: response.status, error: (body as ApiErrorBody | null)?.error ?? null };
}

export function loadForm(): Promise<Answer<PublicComplaintForm>> {
  return call('/api/public/complaints/form');
}

/** One key per filled form: a second tap, or a retry after a lost answer, files the complaint once. */
export function fileComplaint(
  request: PublicComplaintRequest,
  idempotencyKey: string,
): Promise<Answer<PublicComplaintStatus>> {
  return call('/api/public/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(request),
  });
}

export function followComplaint(code: string): Promise<Answer<PublicComplaintStatus>> {
  return call(`/api/public/complaints/${encodeURIComponent(code)}`);
}

/** `ABCDEFGHJK` shown as `ABCDE-FGHJK`: easier to read out and copy; the hub accepts both. */
export function groupedCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}
