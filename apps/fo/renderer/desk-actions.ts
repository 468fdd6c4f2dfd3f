import { HubRequestError, newIdempotencyKey, pick, type HubClient, type Lang } from '@giliran/ui';
import type { BookingView, IssuedTicket, PriorityCategory, TicketView } from './wire.ts';

export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

function failure(error: unknown, lang: Lang): ActionResult {
  if (error instanceof HubRequestError) {
    const message = error.body?.error.message;
    return { ok: false, message: message ? pick(message, lang) : error.code };
  }
  return { ok: false, message: String(error) };
}

/** Prints on the desk's printer (the hub picks it); the outcome is recorded at the hub either way. */
export async function reprint(hub: HubClient, ticket: TicketView, lang: Lang): Promise<ActionResult> {
  try {
    await hub.post(`/api/tickets/${ticket.id}/print`, { lang });
    return { ok: true };
  } catch (error) {
    return failure(error, lang);
  }
}

export async function cancelTicket(hub: HubClient, ticket: TicketView, lang: Lang): Promise<ActionResult> {
  try {
    await hub.command('ticket:cancel', { ticketId: ticket.id });
    return { ok: true };
  } catch (error) {
    return failure(error, lang);
  }
}

export async function reactivate(hub: HubClient, ticket: TicketView, lang: Lang): Promise<ActionResult> {
  try {
    await hub.command('ticket:reactivate', { ticketId: ticket.id });
    return { ok: true };
  } catch (error) {
    return failure(error, lang);
  }
}

export type IssueResult =
  | { readonly ok: true; readonly number: string; readonly printed: boolean }
  | { readonly ok: false; readonly message: string };

/** Issue, then print: the ticket is committed first, so a failed print loses nothing (it shows under "not printed"). */
export async function issueAndPrint(
  hub: HubClient,
  serviceId: string,
  priority: PriorityCategory | null,
  lang: Lang,
): Promise<IssueResult> {
  let issued: IssuedTicket;
  try {
    issued = await hub.command('ticket:issue', { serviceId, priority, idempotencyKey: newIdempotencyKey() });
  } catch (error) {
    const result = failure(error, lang);
    return { ok: false, message: result.ok ? '' : result.message };
  }
  try {
    await hub.post(`/api/tickets/${issued.id}/print`, { lang });
    return { ok: true, number: issued.number, printed: true };
  } catch {
    return { ok: true, number: issued.number, printed: false };
  }
}

/** Refusals after which the desk offers the citizen a normal ticket instead (wrong day, too early or too late). */
const WALK_IN_INSTEAD = new Set([
  'BOOKING_CHECK_IN_TOO_EARLY',
  'BOOKING_CHECK_IN_TOO_LATE',
  'BOOKING_TOKEN_EXPIRED',
  'BOOKING_CLOSED',
]);

export type CheckInResult =
  | { readonly ok: true; readonly number: string; readonly printed: boolean }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly walkIn: boolean };

/**
 * A booking's typed code or scanned QR token checked in at the desk: the hub issues its booked ticket, then the
 * desk's printer prints it. One idempotency key for both tries: a retry after a dropped answer gets the same ticket.
 */
export async function checkInAndPrint(hub: HubClient, reference: string, lang: Lang): Promise<CheckInResult> {
  const key = newIdempotencyKey();
  const path = `/api/bookings/${encodeURIComponent(reference.trim())}/check-in`;
  let issued: IssuedTicket;
  try {
    issued = await hub.post<IssuedTicket>(path, {}, key);
  } catch (error) {
    const code = error instanceof HubRequestError ? error.code : 'NETWORK';
    const result = failure(error, lang);
    return { ok: false, code, message: result.ok ? code : result.message, walkIn: WALK_IN_INSTEAD.has(code) };
  }
  try {
    await hub.post(`/api/tickets/${issued.id}/print`, { lang });
    return { ok: true, number: issued.number, printed: true };
  } catch {
    return { ok: true, number: issued.number, printed: false };
  }
}

/** What the desk shows of a refused booking: its service, day and session. */
export interface BookingSummary {
  readonly code: string;
  readonly serviceId: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
}

const TOKEN = /^GB1\.([A-Za-z0-9_-]+)\./;

/** A scanned QR token carries the booking (signed claims); a typed code is looked up at the hub. */
export async function bookingOf(hub: HubClient, reference: string): Promise<BookingSummary | null> {
  const token = TOKEN.exec(reference.trim());
  if (token?.[1]) return claimsOf(token[1]);
  try {
    const view = await hub.get<BookingView>(
      `/api/bookings/${encodeURIComponent(reference.trim().toUpperCase())}`,
    );
    return { code: view.code, serviceId: view.serviceId, date: view.date, ...view.session };
  } catch {
    return null;
  }
}

function claimsOf(part: string): BookingSummary | null {
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const c = JSON.parse(json) as Record<string, unknown>;
    const text = (key: string) => (typeof c[key] === 'string' ? c[key] : '');
    return { code: text('c'), serviceId: text('s'), date: text('d'), start: text('a'), end: text('b') };
  } catch {
    return null;
  }
}
