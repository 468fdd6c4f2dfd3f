import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aheadOfNewest, pickNext, rivalServices, ticketsAhead } from './call-order.ts';
import type { QueueConfig } from './config.ts';
import { estimateWaitMinutes } from './estimate.ts';
import { applyInPlace, type QueueState } from './state.ts';
import { called, finished, issued, stepStarted } from './testing/builders.ts';
import { given, testConfig } from './testing/fixtures.ts';

/** One counter calls both services: the shape of the bug (B001 "nobody ahead" behind a priority A ticket). */
const shared: QueueConfig = { ...testConfig, counters: [{ id: 'c3', serviceIds: ['ktp', 'skck'] }] };

const ticket = (state: QueueState, id: string) => {
  const found = state.tickets.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('tickets ahead, across the services of the counters that call this one', () => {
  it('counts a priority ticket of another service waiting for the same counter', () => {
    const state = given([
      issued('a1', 'A001', 1, 0, { serviceId: 'ktp', priority: 'lansia' }),
      issued('b1', 'B001', 1, 1, { serviceId: 'skck' }),
    ]).state();
    const b1 = ticket(state, 'b1');
    expect(ticketsAhead(state, b1, shared)).toBe(1);
    expect(aheadOfNewest(state, b1, shared)).toBe(1);
    // And A001 is indeed called first at that counter.
    expect(pickNext(state, shared.counters[0] ?? { id: '', serviceIds: [] }, null)?.id).toBe('a1');
  });

  it('counts older regular tickets of the other service, and not what another counter alone calls', () => {
    const separate: QueueConfig = {
      ...testConfig,
      counters: [
        { id: 'c1', serviceIds: ['ktp'] },
        { id: 'c2', serviceIds: ['skck'] },
      ],
    };
    const events = [
      issued('a1', 'A001', 1, 0, { serviceId: 'ktp' }),
      issued('b1', 'B001', 1, 1, { serviceId: 'skck' }),
    ];
    const state = given(events).state();
    expect(ticketsAhead(state, ticket(state, 'b1'), shared)).toBe(1);
    expect(ticketsAhead(state, ticket(state, 'b1'), separate)).toBe(0);
    expect([...rivalServices(separate, 'skck')]).toEqual(['skck']);
  });

  it('agrees with the order counters really call in: k tickets ahead means called k-th after them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ service: fc.constantFrom('ktp', 'skck'), priority: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        (tickets) => {
          const state = given(
            tickets.map((t, i) =>
              issued(`t${i}`, `X${i}`, i + 1, i, {
                serviceId: t.service,
                priority: t.priority ? 'lansia' : null,
              }),
            ),
          ).state();
          const counter = shared.counters[0] ?? { id: 'c3', serviceIds: [] };
          const expected = new Map(
            [...state.tickets.values()].map((t) => [t.id, ticketsAhead(state, t, shared)] as const),
          );
          // Call them all at the one counter: each is called exactly after the tickets counted ahead of it.
          for (let position = 0; position < tickets.length; position++) {
            const next = pickNext(state, counter, null);
            if (!next) throw new Error('queue ran dry');
            expect(expected.get(next.id)).toBe(position);
            applyInPlace(state, called(next.id, counter.id, 30 + position));
            applyInPlace(state, stepStarted(next.id, counter.id, 4, 30 + position));
            applyInPlace(state, finished(next.id, counter.id, 30 + position));
          }
        },
      ),
    );
  });

  it('never promises "± 0 minutes" while anyone is ahead, even when service takes seconds', () => {
    const state = given([
      issued('a0', 'A000', 1, 0),
      called('a0', 'c1', 1),
      stepStarted('a0', 'c1', 4, 1),
      finished('a0', 'c1', 1), // served in 0 s
      issued('a1', 'A001', 2, 2),
    ]).state();
    expect(estimateWaitMinutes(state, testConfig, 'ktp', 1)).toBe(1);
    expect(estimateWaitMinutes(state, testConfig, 'ktp', 0)).toBe(0);
  });
});
