import { describe, expect, it } from 'vitest';
import type { BookingCallRule } from './booking-rules.ts';
import type { QueueCommand } from './commands.ts';
import type { QueueConfig } from './config.ts';
import { decide } from './decide.ts';
import { fold } from './state.ts';
import { at, run, testConfig } from './testing/fixtures.ts';

const issue = (
  id: string,
  minutes: number,
  extra: { booked?: number; priority?: 'lansia' } = {},
): QueueCommand => ({
  type: 'IssueTicket',
  ticketId: id,
  code: id,
  serviceId: 'ktp',
  priority: extra.priority ?? null,
  channel: 'kiosk',
  now: at(minutes),
  by: 'kiosk-1',
  ...(extra.booked === undefined
    ? {}
    : { booking: { code: `BK-${id}`, sessionId: 's1', startsAt: at(extra.booked) } }),
});

/** Issues the tickets, then c1 calls, serves and finishes one after another: the order it called them in. */
function callOrder(rule: BookingCallRule | null, tickets: readonly QueueCommand[], callAt = 60): string[] {
  const config: QueueConfig = { ...testConfig, bookingCallRule: rule };
  const { state } = run(tickets, config);
  const step = (command: QueueCommand) => fold(decide(command, state, config), state);
  const order: string[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const now = at(callAt + i);
    step({ type: 'CallNext', counterId: 'c1', now, by: 'o1' });
    const called = state.counters.get('c1')?.activeTicketId;
    if (!called) break;
    order.push(called);
    step({ type: 'AdvanceStep', ticketId: called, now, by: 'o1' });
    step({ type: 'FinishTicket', ticketId: called, outcome: 'completed', now, by: 'o1' });
  }
  return order;
}

const walkIns = ['w1', 'w2', 'w3', 'w4', 'w5'].map((id, i) => issue(id, i));
const bookedOnes = ['b1', 'b2', 'b3'].map((id, i) => issue(id, 10 + i, { booked: 0 }));

describe('calling booked tickets among walk-ins', () => {
  it('alternates one booked with two walk-ins under a 1:2 ratio, starting with a booked one', () => {
    expect(callOrder({ kind: 'ratio', booked: 1, walkIn: 2 }, [...walkIns, ...bookedOnes])).toEqual([
      'b1',
      'w1',
      'w2',
      'b2',
      'w3',
      'w4',
      'b3',
      'w5',
    ]);
  });

  it('calls booked tickets first once their session has started, walk-ins before that', () => {
    const later = ['b1', 'b2'].map((id, i) => issue(id, 10 + i, { booked: 62 }));
    expect(callOrder({ kind: 'booked-first' }, [...walkIns.slice(0, 3), ...later], 60)).toEqual([
      'w1',
      'w2',
      'b1',
      'b2',
      'w3',
    ]);
  });

  it('still calls priority categories before any booked ticket', () => {
    const lansia = issue('p1', 20, { priority: 'lansia' });
    expect(
      callOrder({ kind: 'booked-first' }, [...bookedOnes.slice(0, 1), ...walkIns.slice(0, 1), lansia]),
    ).toEqual(['p1', 'b1', 'w1']);
  });

  it('calls by issue time alone when the site has no booking rule', () => {
    expect(callOrder(null, [...bookedOnes.slice(0, 1), ...walkIns.slice(0, 2)])).toEqual(['w1', 'w2', 'b1']);
  });
});
