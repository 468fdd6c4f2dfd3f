import { describe, it } from 'vitest';
import { at, given } from './testing/fixtures.ts';
import type { TicketIssued } from './events.ts';

const issued = (seq: number, minutes: number, extra: Partial<TicketIssued> = {}): TicketIssued => ({
  type: 'ticket:issued',
  ticketId: `t${seq}`,
  code: `code${seq}`,
  serviceId: 'ktp',
  serviceDay: '2026-11-25',
  seq,
  number: `A${String(seq).padStart(3, '0')}`,
  priority: null,
  channel: 'kiosk',
  issuedAt: at(minutes),
  by: 'kiosk-1',
  ...extra,
});

describe('issuing a ticket', () => {
  it('numbers the first ticket of the day 001 with the service prefix', () => {
    given([])
      .when({
        type: 'IssueTicket',
        ticketId: 't1',
        code: 'code1',
        serviceId: 'ktp',
        priority: null,
        channel: 'kiosk',
        now: at(0),
        by: 'kiosk-1',
      })
      .then([issued(1, 0)]);
  });

  it('continues the day without gap', () => {
    given([issued(1, 0), issued(2, 1)])
      .when({
        type: 'IssueTicket',
        ticketId: 't3',
        code: 'code3',
        serviceId: 'ktp',
        priority: null,
        channel: 'kiosk',
        now: at(2),
        by: 'kiosk-1',
      })
      .then([issued(3, 2)]);
  });

  it('restarts at local midnight (WIB), not UTC midnight', () => {
    // 16:59 UTC is 23:59 WIB on the 25th; 17:00 UTC is 00:00 WIB on the 26th.
    const lateEvening = issued(7, 0, { issuedAt: '2026-11-25T16:59:00.000Z' });
    given([lateEvening])
      .when({
        type: 'IssueTicket',
        ticketId: 'n1',
        code: 'n1',
        serviceId: 'ktp',
        priority: null,
        channel: 'kiosk',
        now: '2026-11-25T17:00:00.000Z',
        by: 'kiosk-1',
      })
      .then([
        issued(1, 0, {
          ticketId: 'n1',
          code: 'n1',
          serviceDay: '2026-11-26',
          issuedAt: '2026-11-25T17:00:00.000Z',
        }),
      ]);
  });

  it('refuses an unknown service', () => {
    given([])
      .when({
        type: 'IssueTicket',
        ticketId: 't1',
        code: 'c',
        serviceId: 'nope',
        priority: null,
        channel: 'kiosk',
        now: at(0),
        by: 'k',
      })
      .thenFails('SERVICE_NOT_FOUND');
  });
});
