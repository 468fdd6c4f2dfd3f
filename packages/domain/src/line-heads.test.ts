import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rivalServices, ticketsAhead } from './call-order.ts';
import { decide } from './decide.ts';
import type { QueueEvent } from './events.ts';
import { byIssueTime, fold, isWaiting, type QueueState, type TicketState } from './state.ts';
import { called, issued, noShow, reactivated, transferred } from './testing/builders.ts';
import { at, testConfig } from './testing/fixtures.ts';
import { forecastCalls, prospectiveTicket } from './wait-forecast.ts';

type Op =
  | { readonly kind: 'issue'; readonly serviceId: 'ktp' | 'skck'; readonly priority: boolean }
  | { readonly kind: 'transfer' | 'comeBack' | 'call'; readonly pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      serviceId: fc.constantFrom<'ktp' | 'skck'>('ktp', 'skck'),
      priority: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('transfer' as const, 'comeBack' as const, 'call' as const),
      pick: fc.nat(),
    }),
  },
);

/**
 * A day of issues (several in the same minute, across services) with calls, transfers to the other service and
 * no-shows who come back between them: the moves that put an older ticket back into a line.
 */
function play(ops: readonly Op[]): QueueEvent[] {
  const events: QueueEvent[] = [];
  const seq = { ktp: 0, skck: 0 };
  const live: { id: string; serviceId: 'ktp' | 'skck' }[] = [];
  ops.forEach((o, i) => {
    const minute = Math.floor(i / 4);
    if (o.kind === 'issue') {
      seq[o.serviceId] += 1;
      const id = `t${String(i)}`;
      events.push(
        issued(id, `X${String(i)}`, seq[o.serviceId], minute, {
          serviceId: o.serviceId,
          priority: o.priority ? 'lansia' : null,
        }),
      );
      live.push({ id, serviceId: o.serviceId });
      return;
    }
    const [picked] = live.splice(o.pick % Math.max(1, live.length), 1);
    if (!picked) return;
    events.push(called(picked.id, 'c3', minute));
    if (o.kind === 'call') return;
    if (o.kind === 'comeBack') {
      events.push(noShow(picked.id, 'c3', minute), reactivated(picked.id, minute));
      live.push(picked);
      return;
    }
    const to = picked.serviceId === 'ktp' ? 'skck' : 'ktp';
    events.push(transferred(picked.id, picked.serviceId, to, 'c3', minute));
    live.push({ id: picked.id, serviceId: to });
  });
  return events;
}

/** The count `ticketsAhead` stands for, by its definition: every waiting ticket its counters call before it. */
function aheadByDefinition(state: QueueState, ticket: TicketState): number {
  const rivals = rivalServices(testConfig, ticket.serviceId);
  return [...state.tickets.values()].filter((o) => {
    if (o.id === ticket.id || !isWaiting(o) || !rivals.has(o.serviceId)) return false;
    const earlier = byIssueTime(o, ticket) < 0;
    return ticket.priority !== null ? o.priority !== null && earlier : o.priority !== null || earlier;
  }).length;
}

// Up to 450 tickets: past the 200 calls a forecast of a few tickets plays, so the heads it reads are cut short.
const day = fc.array(op, { minLength: 1, maxLength: 450, size: 'max' });

describe('the waiting lines kept in call order', () => {
  it('keep every service line oldest first, whatever transfers and returns put back into it', () => {
    fc.assert(
      fc.property(day, (ops) => {
        const state = fold(play(ops));
        for (const index of [state.waiting, state.waitingPriority])
          for (const ids of index.values()) {
            const line = [...ids].map((id) => state.tickets.get(id) as TicketState);
            expect(line).toEqual([...line].sort(byIssueTime));
          }
        for (const t of [...state.tickets.values()].filter(isWaiting))
          expect(ticketsAhead(state, t, testConfig)).toBe(aheadByDefinition(state, t));
      }),
      { numRuns: 40 },
    );
  });

  it('give a few tickets asked about the call times the whole line played as far gives them', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 180 }), (ops, minute) => {
        const state = fold(play(ops));
        const now = at(minute + 120);
        const waiting = [...state.tickets.values()].filter(isWaiting);
        // The newest of each line (the issue path) and a spread of others (status pages).
        const asked = waiting.filter((_, i) => i % 17 === 0 || i >= waiting.length - 3);
        for (const t of asked) {
          const scope = [t.serviceId];
          const few = forecastCalls(state, testConfig, now, [], scope, new Set([t.id]));
          const whole = forecastCalls(state, testConfig, now, [], scope, undefined, 200);
          expect(few.calls.get(t.id)).toEqual(whole.calls.get(t.id));
        }
        for (const serviceId of ['ktp', 'skck'])
          for (const priority of [false, true]) {
            const next = [prospectiveTicket(state, testConfig, serviceId, priority, now)];
            const few = forecastCalls(state, testConfig, now, next, [serviceId], new Set(['']));
            const whole = forecastCalls(state, testConfig, now, next, [serviceId], undefined, 200);
            expect(few.calls.get('')).toEqual(whole.calls.get(''));
          }
      }),
      { numRuns: 25 },
    );
  });
});

/** The day's tickets, counting every ticket read (by id or by walking them). */
class CountingTickets extends Map<string, TicketState> {
  reads = 0;
  override get(id: string): TicketState | undefined {
    this.reads += 1;
    return super.get(id);
  }
  override values(): MapIterator<TicketState> {
    this.reads += this.size;
    return super.values();
  }
}

describe("an issue's wait promise", () => {
  /** Tickets read to quote the wait of a ticket issued behind `waiting` others (two services, some priority). */
  function readsToQuote(waiting: number): number {
    const events = Array.from({ length: waiting + 1 }, (_, i) =>
      issued(`t${String(i)}`, `A${String(i)}`, i + 1, i / 100, {
        serviceId: i % 3 === 0 ? 'skck' : 'ktp',
        priority: i % 5 === 0 ? 'lansia' : null,
      }),
    );
    const folded = fold(events);
    const tickets = new CountingTickets(folded.tickets);
    const state: QueueState = { ...folded, tickets };
    const quote = decide(
      { type: 'QuoteWait', ticketIds: [`t${String(waiting)}`], channel: 'issue', now: at(60), by: 'system' },
      state,
      testConfig,
    );
    expect(quote).toHaveLength(1);
    return tickets.reads;
  }

  it('costs the same however long the queue: only the heads of the lines are read', () => {
    // Past 200 tickets in each line (4,000 waiting, one in five priority) the heads are full: nothing more is read.
    const long = readsToQuote(4000);
    expect(readsToQuote(8000)).toBe(long);
    expect(long).toBeLessThan(1000);
  });
});
