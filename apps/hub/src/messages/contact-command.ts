import type { MessageContactGiven, TicketContact } from '@giliran/domain';
import { ContactRequest, internationalPhone, maskPhone, type Role } from '@giliran/protocol';
import type { RecordCommand } from '../commands/record-command.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import { HubError } from '../hub-error.ts';
import type { OutboxStore } from './outbox-store.ts';

/** The kiosk (for the ticket it just printed) and the front office and floor (for any ticket of today). */
export const CONTACT_ROLES: readonly Role[] = ['kiosk', 'fo', 'mod', 'coordinator', 'admin'];

export interface ContactAnswer {
  readonly ticketId: string;
  readonly to: string;
}

/**
 * A citizen's WhatsApp number for their ticket's messages: the event names the ticket, the number goes into
 * `message_contacts` in the same transaction, and the policy (running there too) writes the ticket link.
 */
export function contactCommand(deps: {
  readonly engine: QueueEngine;
  readonly outbox: OutboxStore;
  readonly phoneChannelOn: () => boolean;
  readonly remember: (contact: TicketContact) => void;
}): RecordCommand<ContactRequest, ContactAnswer> {
  let given: TicketContact | null = null;
  return {
    name: 'message:contact',
    allowed: (actor) => CONTACT_ROLES.includes(actor.role),
    schema: ContactRequest,
    decide: (payload, ctx) => {
      const ticket = deps.engine.state.tickets.get(payload.ticketId);
      if (!ticket) throw new HubError('TICKET_NOT_FOUND');
      // A kiosk speaks for the ticket it printed, not for anybody else's.
      if (ctx.actor.role === 'kiosk' && ticket.issuedBy !== ctx.actor.id) throw new HubError('FORBIDDEN');
      if (ticket.status === 'done' || ticket.status === 'cancelled' || ticket.status === 'no_show')
        throw new HubError('TICKET_NOT_FOUND');
      if (!deps.phoneChannelOn()) throw new HubError('MESSAGES_OFF');
      const address = internationalPhone(payload.phone);
      if (address === null) throw new HubError('PHONE_INVALID');
      const contact: TicketContact = { ticketId: ticket.id, address, locale: payload.locale };
      given = contact;
      const event: MessageContactGiven = {
        type: 'message:contact-given',
        ticketId: ticket.id,
        channel: 'phone',
        locale: payload.locale,
        ...ctx.by,
      };
      return {
        events: [event],
        ref: ticket.id,
        alongside: () => {
          deps.outbox.saveContact(contact, ctx.serviceDay, ctx.now);
        },
      };
    },
    applied: () => {
      if (given) deps.remember(given);
    },
    answer: (ref) => {
      const address = deps.outbox.contactsOf(deps.engine.serviceDay).find((c) => c.ticketId === ref)?.address;
      return { ticketId: ref, to: maskPhone(address ?? null) };
    },
    sameTarget: (payload, ref) => payload.ticketId === ref,
  };
}
