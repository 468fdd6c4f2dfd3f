import { ReportView, WaitAccuracyView } from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

/** The report routes in the hub's OpenAPI document (query parameters are described in the summary). */
export const REPORT_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/reports',
    summary:
      'Recap of a service day or a range, ?from=YYYY-MM-DD&to=YYYY-MM-DD (to defaults to from, from to today; at most ' +
      '366 days)&format=json|csv|xlsx|pdf: per agency, service, counter and officer (issued, served, no-shows, ' +
      'cancelled, transferred, average and nearest-rank 90th-percentile wait and service time), SOP compliance per ' +
      'step, compensations, arrivals per local hour. Sekdis, Kepala Dinas and all staff.',
    response: ReportView,
  },
  {
    method: 'get',
    path: '/api/reports/today',
    summary: "Today's recap, live (?format=json|csv|xlsx|pdf)",
    response: ReportView,
  },
  {
    method: 'get',
    path: '/api/reports/wait-accuracy',
    summary:
      'How right the promised waits were, ?from=YYYY-MM-DD&to=YYYY-MM-DD (as /api/reports)&serviceId=&channel=' +
      'issue|status|message|all (default issue: the kiosk screen and paper)&format=json|csv: per service and day, ' +
      'tickets, mean absolute error, median and P90 of the absolute error, share within ±max(5 min, 25 %) of the ' +
      'actual wait, bias (quoted − actual: below 0 too hopeful), MSE; the same figures for the naive estimate ' +
      '(people ahead × mean service time ÷ open counters) on the same tickets. Sekdis, Kepala Dinas and all staff.',
    response: WaitAccuracyView,
  },
];
