import type {
  ApiErrorBody,
  BookingOptions,
  BookingSiteView,
  BookingView,
  SlotsView,
} from '@giliran/protocol';

// The page's view of the wire contract: types only, so no schema code is bundled into a citizen's phone.
export type { BookingOptions, BookingSiteView, BookingView, SessionView, SlotsView } from '@giliran/protocol';

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

/**
 * Where the booking routes are: `/api` at a hall's hub; `/api/sites/<site>` at the central server, which takes the
 * bookings of many sites (the page asks for the site first).
 */
let base = '/api';
export function useSite(site: string): void {
  base = `/api/sites/${encodeURIComponent(site)}`;
}

/** The sites central takes bookings for; a hub answers 404, and the page then books at the hub itself. */
export const loadSites = () => call<BookingSiteView[]>('/api/booking/sites');
export const loadOptions = () => call<BookingOptions>(`${base}/booking/options`);
export const loadSlots = (serviceId: string, date: string) =>
  call<SlotsView>(`${base}/booking/slots?serviceId=${encodeURIComponent(serviceId)}&date=${date}`);
export const book = (request: object, key: string) =>
  call<BookingView>(`${base}/bookings`, json('POST', request, key));
export const lookUp = (code: string) => call<BookingView>(`${base}/bookings/${encodeURIComponent(code)}`);
export const cancel = (code: string) =>
  call<BookingView>(`${base}/bookings/${encodeURIComponent(code)}`, { method: 'DELETE' });
export const move = (code: string, date: string, sessionId: string) =>
  call<BookingView>(`${base}/bookings/${encodeURIComponent(code)}/move`, json('POST', { date, sessionId }));
