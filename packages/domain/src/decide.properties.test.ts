import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueCommand } from './commands.ts';
import { findCounter, type PriorityRatio, type QueueConfig } from './config.ts';
import { decide } from './decide.ts';
import { DomainError, type DomainErrorCode } from './errors.ts';
import type { QueueEvent, TicketIssued } from './events.ts';
import { serviceDayOf } from './local-time.ts';
import { applyInPlace, initialState, isWaiting, type QueueState } from './state.ts';
import {
  advance,
  callNext,
  cancel,
  finish,
  issue,
  markNoShow,
  reactivate,
  recall,
  transfer,
} from './testing/builders.ts';
import { at, testConfig } from './testing/fixtures.ts';

type Step =
  | { readonly kind: 'issue'; readonly serviceId: 'ktp' | 'skck'; readonly priority: boolean }
  | { readonly kind: 'callNext'; readonly counterId: string }
  | { readonly kind: 'finish'; readonly counterId: string }
  | { readonly kind: 'divert'; readonly counterId: string; readonly action: 'transfer' | 'cancel' | 'noShow' }
  | { readonly kind: 'reactivate'; readonly pick: number }
  | { readonly kind: 'nextDay' };

const counterId = fc.constantFrom('c1', 'c2', 'c3');
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      serviceId: fc.constantFrom('ktp' as const, 'skck' as const),
      priority: fc.boolean(),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('callNext' as const), counterId }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('finish' as const), counterId }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('divert' as const),
      counterId,
      action: fc.constantFrom('transfer' as const, 'cancel' as const, 'noShow' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reactivate' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
);
const ratio = fc.constantFrom<PriorityRatio | null>(
  null,
  { priority: 1, regular: 2 },
  { priority: 2, regular: 1 },
);

/** Refusals a random operator may meet; anything else is a bug. */
const EXPECTED_REFUSALS = new Set<DomainErrorCode>(['COUNTER_BUSY', 'COUNTER_IDLE', 'TICKET_NOT_TODAY']);

function commandsFor(s: Step, i: number, minute: number, state: QueueState): QueueCommand[] {
  switch (s.kind) {
    case 'issue':
      return [issue(`t${i}`, minute, s.serviceId, s.priority ? 'lansia' : null)];
    case 'callNext':
      return [callNext(s.counterId, minute)];
    case 'finish': {
      const active = state.counters.get(s.counterId)?.activeTicketId ?? null;
      // With nobody at the desk, a recall shows the counter refuses (COUNTER_IDLE).
      return active === null
        ? [recall(s.counterId, minute)]
        : [advance(active, minute), finish(active, minute)];
    }
    case 'divert': {
      const active = state.counters.get(s.counterId)?.activeTicketId ?? null;
      if (active === null) return [recall(s.counterId, minute)];
      if (s.action === 'cancel') return [cancel(active, minute)];
      if (s.action === 'noShow') return [recall(s.counterId, minute), markNoShow(active, minute)];
      const from = state.tickets.get(active)?.serviceId;
      return [transfer(active, from === 'ktp' ? 'skck' : 'ktp', minute)];
    }
    case 'reactivate': {
      const noShows = [...state.tickets.values()].filter((t) => t.status === 'no_show');
      const chosen = noShows[s.pick % Math.max(1, noShows.length)];
      return chosen ? [reactivate(chosen.id, minute)] : [];
    }
    case 'nextDay':
      return [];
  }
}

function counterServices(config: QueueConfig, id: string): readonly string[] {
  return findCounter(config, id)?.serviceIds ?? [];
}

describe('random interleavings of issue, call-next, transfer, cancel, no-show and reactivate across counters', () => {
  it('never call a ticket twice and number each service 1..n per day without gaps or repeats', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), ratio, (steps, priorityRatio) => {
        const config: QueueConfig = { ...testConfig, priorityRatio };
        const state = initialState();
        const issuedEvents: TicketIssued[] = [];
        const calledEver = new Set<string>();
        let minute = 0;

        steps.forEach((s, i) => {
          minute += s.kind === 'nextDay' ? 24 * 60 : 1;
          const today = serviceDayOf(at(minute), config.timeZone);
          for (const command of commandsFor(s, i, minute, state)) {
            let events: QueueEvent[];
            try {
              events = decide(command, state, config);
            } catch (error) {
              if (error instanceof DomainError && EXPECTED_REFUSALS.has(error.code)) break;
              throw error;
            }
            if (command.type === 'CallNext' && events.length === 0) {
              // Nothing is left behind: call-next finds nothing only when nothing of today waits for it.
              const served = counterServices(config, command.counterId);
              const waiting = [...state.tickets.values()].filter(
                (t) => isWaiting(t) && served.includes(t.serviceId),
              );
              expect(waiting.filter((t) => t.serviceDay === today)).toEqual([]);
            }
            for (const event of events) {
              if (event.type === 'ticket:called') {
                const ticket = state.tickets.get(event.ticketId);
                expect(calledEver.has(event.ticketId)).toBe(false);
                expect([...state.counters.values()].map((c) => c.activeTicketId)).not.toContain(
                  event.ticketId,
                );
                expect(ticket !== undefined && isWaiting(ticket)).toBe(true);
                expect(ticket?.serviceDay).toBe(today);
                expect(counterServices(config, event.counterId)).toContain(ticket?.serviceId);
                calledEver.add(event.ticketId);
              }
              if (event.type === 'ticket:issued') issuedEvents.push(event);
              // Sent back to a queue, a ticket may rightly be called once more.
              if (event.type === 'ticket:transferred' || event.type === 'ticket:reactivated') {
                calledEver.delete(event.ticketId);
              }
              applyInPlace(state, event);
            }
          }
          const active = [...state.counters.values()].flatMap((c) =>
            c.activeTicketId === null ? [] : [c.activeTicketId],
          );
          expect(new Set(active).size).toBe(active.length);
          // The waiting index the call order reads must say exactly what a scan of every ticket says.
          const scanned = [...state.tickets.values()].filter(isWaiting).map((t) => `${t.serviceId}/${t.id}`);
          const indexed = [...state.waiting].flatMap(([serviceId, ids]) =>
            [...ids].map((id) => `${serviceId}/${id}`),
          );
          expect(indexed.sort()).toEqual(scanned.sort());
          const scannedPriority = [...state.tickets.values()]
            .filter((t) => isWaiting(t) && t.priority !== null)
            .map((t) => `${t.serviceId}/${t.id}`);
          const indexedPriority = [...state.waitingPriority].flatMap(([serviceId, ids]) =>
            [...ids].map((id) => `${serviceId}/${id}`),
          );
          expect(indexedPriority.sort()).toEqual(scannedPriority.sort());
        });

        const byServiceDay = new Map<string, TicketIssued[]>();
        for (const e of issuedEvents) {
          const key = `${e.serviceId}/${e.serviceDay}`;
          byServiceDay.set(key, [...(byServiceDay.get(key) ?? []), e]);
        }
        for (const [key, list] of byServiceDay) {
          const prefix = key.startsWith('ktp/') ? 'A' : 'B';
          expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
          for (const e of list) {
            expect(e.number).toMatch(new RegExp(`^${prefix}\\d{3}$`));
            expect(Number(e.number.slice(1))).toBe(e.seq);
          }
          expect(new Set(list.map((e) => e.number)).size).toBe(list.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
