import {
  estimateTicketWait,
  ticketsAhead,
  type QueueConfig,
  type QueueState,
  type TicketState,
} from '@giliran/domain';
import { composeTicketContent, type TicketContent, type TicketLanguage } from '@giliran/printing';
import type { SiteConfig } from '../config/site-config.ts';

/** The ticket as printed, in the citizen's language; ahead and estimate are as of now (a reprint shows the current queue). */
export function ticketPrintout(
  ticket: TicketState,
  site: SiteConfig,
  state: QueueState,
  config: QueueConfig,
  lang: TicketLanguage,
  /** Null when no address a phone reaches is known: the ticket then prints its code without a QR. */
  publicBaseUrl: string | null,
  now: string,
): TicketContent {
  const service = site.services.find((s) => s.id === ticket.serviceId);
  const agency = site.agencies.find((a) => a.id === service?.agencyId);
  const ahead = ticketsAhead(state, ticket, config);
  // The first print shows the promise logged at issue; a reprint of a ticket still waiting the current estimate.
  const quoted = state.quotes.get(ticket.id);
  const estimate =
    ticket.printStatus === 'pending' && quoted ? quoted : estimateTicketWait(state, config, ticket, now);
  return composeTicketContent(
    {
      siteName: site.name,
      agencyName: agency?.name[lang] ?? '',
      serviceName: service?.name[lang] ?? ticket.serviceId,
      number: ticket.number,
      priority: ticket.priority,
      issuedAt: ticket.issuedAt,
      timeZone: site.timeZone,
      ahead,
      estimatedWaitMinutes: estimate.minutes,
      estimateRange:
        estimate.low !== null && estimate.high !== null ? { low: estimate.low, high: estimate.high } : null,
      estimateHoldUp: estimate.holdUp,
      statusUrl: publicBaseUrl === null ? '' : `${publicBaseUrl.replace(/\/$/, '')}/t/${ticket.code}`,
      code: ticket.code,
      booking: ticket.booking ? { code: ticket.booking.code, startsAt: ticket.booking.startsAt } : null,
    },
    lang,
  );
}
