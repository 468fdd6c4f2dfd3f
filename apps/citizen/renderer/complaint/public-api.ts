import type {
  ApiErrorBody,
  PublicComplaintForm,
  PublicComplaintRequest,
  PublicComplaintStatus,
} from '@giliran/protocol';
import { newIdempotencyKey } from '@giliran/ui';
import { solveWork } from './proof-of-work.ts';

// The page's view of the wire contract: types only, so no schema code is bundled into a citizen's phone.
export type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintStatus,
  PublicComplaintForm,
  PublicComplaintRequest,
  PublicComplaintStatus,
} from '@giliran/protocol';

interface Challenge {
  readonly challenge: string;
  readonly bits: number;
}

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

const DEVICE_KEY = 'giliran-device-id';

/** This browser's own random id, kept in its storage: the hub limits filings per device, not only per address. */
function deviceId(): string {
  try {
    const stored = localStorage.getItem(DEVICE_KEY);
    if (stored) return stored;
    const id = newIdempotencyKey();
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return newIdempotencyKey(); // storage off (private mode): a new id per filing, the address limit still holds
  }
}

/**
 * One key per filled form: a second tap, or a retry after a lost answer, files the complaint once. The hub's
 * challenge is solved first (about a second on a phone; the proof-of-work module says why).
 */
export async function fileComplaint(
  request: PublicComplaintRequest,
  idempotencyKey: string,
): Promise<Answer<PublicComplaintStatus>> {
  const challenge = await call<Challenge>('/api/public/complaints/challenge');
  if (!challenge.ok) return challenge;
  const work = await solveWork(challenge.data.challenge, challenge.data.bits);
  return call('/api/public/complaints', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      'x-device-id': deviceId(),
      'x-pow-challenge': work.challenge,
      'x-pow-nonce': work.nonce,
    },
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
