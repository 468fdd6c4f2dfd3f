import { HubRequestError, newIdempotencyKey, pick, type HubClient, type Lang } from '@giliran/ui';
import type { IssuedTicket, PriorityCategory, TicketView } from './wire.ts';

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
