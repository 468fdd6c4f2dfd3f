import {
  estimateWaitMinutes,
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
): TicketContent {
  const service = site.services.find((s) => s.id === ticket.serviceId);
  const agency = site.agencies.find((a) => a.id === service?.agencyId);
  const ahead = ticketsAhead(state, ticket, config);
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
      estimatedWaitMinutes: estimateWaitMinutes(state, config, ticket.serviceId, ahead),
      statusUrl: publicBaseUrl === null ? '' : `${publicBaseUrl.replace(/\/$/, '')}/t/${ticket.code}`,
      code: ticket.code,
    },
    lang,
  );
}
