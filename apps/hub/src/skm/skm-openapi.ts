import { SkmReportView, SkmSubmitted, SkmTicketView, SubmitSkmRequest } from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

/** The SKM survey and IKM report in the hub's OpenAPI document. */
export const SKM_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/survey/tickets/{ref}',
    summary:
      'Can this ticket answer the SKM? Public with the ticket code (QR); a kiosk device may give today’s number (A012). Served or being served, within 7 days, not yet answered',
    response: SkmTicketView,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/survey/responses',
    summary:
      'Submit an SKM questionnaire: nine answers 1–4 and the respondent; with a ticket (once per ticket) or, from a kiosk device only, with serviceId',
    body: SubmitSkmRequest,
    response: SkmSubmitted,
    status: 201,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/skm',
    summary:
      'IKM report (MOD, coordinator, admin, Sekdis, Kadis): ?from&to (service days, the month so far by default), ?agencyId or ?serviceId, ?format=json|xlsx|pdf. NRR per unsur, IKM (weight 1/9), ×25, mutu, kinerja, respondents by profile, population and Krejcie–Morgan sample, per agency and service',
    response: SkmReportView,
  },
];
