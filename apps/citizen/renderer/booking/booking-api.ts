import type { ApiErrorBody, BookingOptions, BookingView, SlotsView } from '@giliran/protocol';

// The page's view of the wire contract: types only, so no schema code is bundled into a citizen's phone.
export type { BookingOptions, BookingView, SessionView, SlotsView } from '@giliran/protocol';

export type Answer<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: ApiErrorBody['error'] | null };

async function call<T>(path: string, init?: RequestInit): Promise<Answer<T>> {
  try {
    const response = await fetch(path, init);
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: body as T };
    return { ok: false, error: (body as ApiErrorBody | null)?.error ?? null };
  } catch {
    return { ok: false, error: null };
  }
}

const json = (method: string, body: unknown, key?: string): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  body: JSON.stringify(body),
});

export const loadOptions = () => call<BookingOptions>('/api/booking/options');
export const loadSlots = (serviceId: string, date: string) =>
  call<SlotsView>(`/api/booking/slots?serviceId=${encodeURIComponent(serviceId)}&date=${date}`);
export const book = (request: object, key: string) =>
  call<BookingView>('/api/bookings', json('POST', request, key));
export const lookUp = (code: string) => call<BookingView>(`/api/bookings/${encodeURIComponent(code)}`);
export const cancel = (code: string) =>
  call<BookingView>(`/api/bookings/${encodeURIComponent(code)}`, { method: 'DELETE' });
export const move = (code: string, date: string, sessionId: string) =>
  call<BookingView>(`/api/bookings/${encodeURIComponent(code)}/move`, json('POST', { date, sessionId }));
