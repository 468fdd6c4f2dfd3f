import { describe, expect, it } from 'vitest';
import type { BookingCallRule } from './booking-rules.ts';
import type { QueueCommand } from './commands.ts';
import type { QueueConfig } from './config.ts';
import { decide } from './decide.ts';
import { fold } from './state.ts';
import { at, run, testConfig } from './testing/fixtures.ts';
import { forecastCalls } from './wait-forecast.ts';

// One counter calls KTP; with nothing served yet a KTP ticket holds it 15 min (SOP steps 4–8) + 1 min walk.
const CYCLE = 16;

const issue = (id: string, minute: number, bookedFrom?: number): QueueCommand => ({
  type: 'IssueTicket',
  ticketId: id,
  code: id,
  serviceId: 'ktp',
  priority: null,
  channel: 'kiosk',
  now: at(minute),
  by: 'kiosk-1',
  ...(bookedFrom === undefined
    ? {}
    : { booking: { code: `BK-${id}`, sessionId: 's1', startsAt: at(bookedFrom) } }),
});

const configWith = (rule: BookingCallRule): QueueConfig => ({
  ...testConfig,
  counters: [{ id: 'c1', serviceIds: ['ktp'] }],
  bookingCallRule: rule,
});

/** The forecast's call order at `minute`: ticket ids by expected call. */
function forecastOrder(config: QueueConfig, tickets: readonly QueueCommand[], minute: number): string[] {
  const { state } = run(tickets, config);
  const calls = forecastCalls(state, config, at(minute)).calls;
  return [...calls].sort((a, b) => a[1].minutes - b[1].minutes).map(([id]) => id);
}

/** What the domain really does: c1 calls next every CYCLE minutes from `minute`, finishing each ticket in between. */
function domainOrder(config: QueueConfig, tickets: readonly QueueCommand[], minute: number): string[] {
  const { state } = run(tickets, config);
  const step = (command: QueueCommand) => fold(decide(command, state, config), state);
  const order: string[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const now = at(minute + i * CYCLE);
    step({ type: 'CallNext', counterId: 'c1', now, by: 'o1' });
    const called = state.counters.get('c1')?.activeTicketId;
    if (!called) break;
    order.push(called);
    step({ type: 'AdvanceStep', ticketId: called, now, by: 'o1' });
    step({ type: 'FinishTicket', ticketId: called, outcome: 'completed', now, by: 'o1' });
  }
  return order;
}

describe('the forecast follows the booking call rule (the call order the counters use)', () => {
  const walkIns = ['w1', 'w2', 'w3', 'w4'].map((id, i) => issue(id, i));

  it('given a 1:2 booked/walk-in ratio and a booked ticket behind four walk-ins, when forecast, then it goes first', () => {
    const config = configWith({ kind: 'ratio', booked: 1, walkIn: 2 });
    const tickets = [...walkIns, issue('b1', 8, 0), issue('b2', 9, 0)];
    const order = forecastOrder(config, tickets, 10);
    expect(order).toEqual(['b1', 'w1', 'w2', 'b2', 'w3', 'w4']);
    expect(order).toEqual(domainOrder(config, tickets, 10));
    // w1, the oldest ticket, waits one cycle for b1: the estimate says so instead of "now".
    const { state } = run(tickets, config);
    expect(forecastCalls(state, config, at(10)).calls.get('w1')?.minutes).toBe(CYCLE);
  });

  it('given booked-first and a booking whose session starts in 30 min, when forecast, then it goes first once due', () => {
    // b1 checked in early (minute 5) for the session at minute 40: w1 and w2 are called at 10 and 26; by the third
    // call (42) the session has begun, so b1 goes then, before w3.
    const config = configWith({ kind: 'booked-first' });
    const tickets = [...walkIns, issue('b1', 5, 40)];
    const order = forecastOrder(config, tickets, 10);
    expect(order).toEqual(['w1', 'w2', 'b1', 'w3', 'w4']);
    expect(order).toEqual(domainOrder(config, tickets, 10));
    const { state } = run(tickets, config);
    expect(forecastCalls(state, config, at(10)).calls.get('b1')?.minutes).toBe(2 * CYCLE);
  });
});
