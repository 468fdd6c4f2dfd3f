import {
  HubRequestError,
  newIdempotencyKey,
  type HubClient,
  type KioskBridge,
  type KioskConfig,
} from '@giliran/ui';
import type { IssuedTicket, PriorityCategory, TicketContent } from './wire.ts';

export type IssueOutcome =
  | { readonly kind: 'printed'; readonly ticket: IssuedTicket }
  | { readonly kind: 'print-failed'; readonly ticket: IssuedTicket }
  | { readonly kind: 'offline' }
  | { readonly kind: 'too-many' }
  | { readonly kind: 'refused' };

/** Electron prints on the kiosk's own printer and reports back; a browser kiosk asks the hub to print. */
export async function print(
  client: HubClient,
  config: KioskConfig,
  bridge: KioskBridge | undefined,
  ticket: IssuedTicket,
): Promise<boolean> {
  if (!bridge) {
    try {
      await client.post(`/api/tickets/${ticket.id}/print`, { paperWidth: config.paperWidth });
      return true;
    } catch {
      return false;
    }
  }
  let outcome: { ok: boolean; reason?: string };
  try {
    const content = await client.get<TicketContent>(
      `/api/tickets/${ticket.id}/printable?lang=${config.language}`,
    );
    outcome = await bridge.printTicket(content, config.paperWidth);
  } catch (error) {
    outcome = { ok: false, reason: error instanceof Error ? error.message : 'print error' };
  }
  const reason = outcome.ok ? null : (outcome.reason ?? 'print error');
  // Best effort: if this report is lost the ticket stays `pending`, which MOD sees as unprinted too.
  await client
    .command('ticket:print-result', { ticketId: ticket.id, ok: outcome.ok, reason })
    .catch(() => undefined);
  return outcome.ok;
}

/**
 * Issue, then print: the ticket is committed at the hub before any paper moves. One idempotency key per tap,
 * so a retry after a dropped answer gets the same number instead of a second ticket.
 */
export async function issueTicket(
  client: HubClient,
  config: KioskConfig,
  bridge: KioskBridge | undefined,
  serviceId: string,
  priority: PriorityCategory | null,
): Promise<IssueOutcome> {
  const idempotencyKey = newIdempotencyKey();
  let ticket: IssuedTicket | undefined;
  for (let attempt = 0; attempt < 2 && !ticket; attempt++) {
    try {
      ticket = await client.command('ticket:issue', { serviceId, priority, idempotencyKey });
    } catch (error) {
      const code = error instanceof HubRequestError ? error.code : 'NETWORK';
      if (code === 'RATE_LIMITED') return { kind: 'too-many' };
      if (code !== 'NETWORK') return { kind: 'refused' };
      if (attempt === 1) return { kind: 'offline' };
    }
  }
  if (!ticket) return { kind: 'offline' };
  return (await print(client, config, bridge, ticket))
    ? { kind: 'printed', ticket }
    : { kind: 'print-failed', ticket };
}
