import { composeTicketContent } from '../ticket-content.ts';
import type { TicketContent, TicketContentInput } from '../ticket-content.ts';

/** A regular KTP-el ticket at the demo site, issued Wednesday 25 November 2026, 09:12 WIB. */
export const sampleTicketInput: TicketContentInput = {
  siteName: 'MPP Kabupaten Kubu Raya',
  agencyName: 'Dinas Kependudukan dan Pencatatan Sipil',
  serviceName: 'Perekaman dan Pencetakan KTP Elektronik (KTP-el)',
  number: 'A012',
  priority: null,
  issuedAt: '2026-11-25T02:12:00Z',
  timeZone: 'Asia/Pontianak',
  ahead: 3,
  estimatedWaitMinutes: 12,
  statusUrl: 'https://antrean.mpp-kuburaya.go.id/t/7QX2-A012',
  code: 'WA4TUM3PSX',
};

export function sampleTicket(
  overrides: Partial<TicketContentInput> = {},
  lang: 'id' | 'en' = 'id',
): TicketContent {
  return composeTicketContent({ ...sampleTicketInput, ...overrides }, lang);
}

/** A priority ticket (lansia) for a short service name. */
export function samplePriorityTicket(lang: 'id' | 'en' = 'id'): TicketContent {
  return sampleTicket(
    {
      agencyName: 'Kepolisian Resor Kubu Raya',
      serviceName: 'SKCK',
      number: 'F007',
      priority: 'lansia',
      ahead: 0,
      estimatedWaitMinutes: 4,
      statusUrl: 'https://antrean.mpp-kuburaya.go.id/t/9KD4-F007',
      code: '9KD4-F007',
    },
    lang,
  );
}

/** A checked-in online booking's ticket: booked for the 08:00 WIB session, checked in at 07:52. */
export function sampleBookedTicket(lang: 'id' | 'en' = 'id'): TicketContent {
  return sampleTicket(
    {
      number: 'A031',
      issuedAt: '2026-11-25T00:52:00Z',
      ahead: 1,
      estimatedWaitMinutes: 6,
      booking: { code: 'K7M2QX9P', startsAt: '2026-11-25T01:00:00Z' },
    },
    lang,
  );
}
