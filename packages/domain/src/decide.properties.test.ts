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

/** Five services and seven counters: single-service desks, shared desks and one desk for a whole agency floor. */
const SERVICES = [
  { id: 'ktp', agencyId: 'dukcapil', prefix: 'A' },
  { id: 'kk', agencyId: 'dukcapil', prefix: 'C' },
  { id: 'skck', agencyId: 'polres', prefix: 'B', sopStandards: { 6: 10 } },
  { id: 'paspor', agencyId: 'imigrasi', prefix: 'D' },
  { id: 'bpjs', agencyId: 'bpjs', prefix: 'E' },
] as const;
type ServiceId = (typeof SERVICES)[number]['id'];
const SERVICE_IDS: readonly ServiceId[] = SERVICES.map((s) => s.id);
const propertyConfig: QueueConfig = {
  ...testConfig,
  services: SERVICES,
  counters: [
    { id: 'c1', serviceIds: ['ktp'] },
    { id: 'c2', serviceIds: ['skck'] },
    { id: 'c3', serviceIds: ['ktp', 'skck'] },
    { id: 'c4', serviceIds: ['ktp', 'kk'] },
    { id: 'c5', serviceIds: ['paspor'] },
    { id: 'c6', serviceIds: ['bpjs', 'kk'] },
    { id: 'c7', serviceIds: ['ktp', 'kk', 'skck', 'paspor', 'bpjs'] },
  ],
};
const COUNTER_IDS = propertyConfig.counters.map((c) => c.id);

type Step =
  | { readonly kind: 'issue'; readonly serviceId: ServiceId; readonly priority: boolean }
  | { readonly kind: 'callNext'; readonly counterId: string }
  | { readonly kind: 'finish'; readonly counterId: string }
  | { readonly kind: 'divert'; readonly counterId: string; readonly action: 'transfer' | 'cancel' | 'noShow' }
  | { readonly kind: 'reactivate'; readonly pick: number }
  | { readonly kind: 'nextDay' };

const counterId = fc.constantFrom(...COUNTER_IDS);
// KTP draws half the issues, as Disdukcapil does in a real hall, so one queue grows long within a day.
const issuedService = fc.oneof(
  { weight: 4, arbitrary: fc.constant<ServiceId>('ktp') },
  { weight: 4, arbitrary: fc.constantFrom(...SERVICE_IDS) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 50,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      serviceId: issuedService,
      priority: fc.boolean(),
    }),
  },
  { weight: 50, arbitrary: fc.record({ kind: fc.constant('callNext' as const), counterId }) },
  { weight: 30, arbitrary: fc.record({ kind: fc.constant('finish' as const), counterId }) },
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('divert' as const),
      counterId,
      action: fc.constantFrom('transfer' as const, 'cancel' as const, 'noShow' as const),
    }),
  },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('reactivate' as const), pick: fc.nat() }) },
  // About one step in 160, so that days are long: a busy day, not many short ones, is where numbering breaks.
  { weight: 1, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
);
/**
 * fast-check 4 keeps arrays small (10 or so) unless told otherwise, whatever maxLength says: `size: 'max'`
 * lets histories reach hundreds of steps, `minLength` keeps the short ones out.
 */
const MIN_STEPS = 40;
const MAX_STEPS = 400;
const history = fc.array(step, { minLength: MIN_STEPS, maxLength: MAX_STEPS, size: 'max' });
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
      // To the next service in the list, so every service both sends and receives transfers.
      const from = SERVICE_IDS.indexOf(state.tickets.get(active)?.serviceId as ServiceId);
      return [transfer(active, SERVICE_IDS[(from + 1) % SERVICE_IDS.length] ?? 'ktp', minute)];
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

const NUM_RUNS = 200;

interface HistorySizes {
  /** Steps per generated history. */
  readonly steps: number[];
  /** Per history, the most tickets one service issued in one day. */
  readonly longestQueue: number[];
}

function quantiles(values: readonly number[]): { min: number; median: number; p90: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
  return { min: at(0), median: at(0.5), p90: at(0.9), max: at(1) };
}

/** The runs must have seen long days: printed for the reader, asserted so a shrunken generator fails here. */
function expectLongHistories(sizes: HistorySizes): void {
  const steps = quantiles(sizes.steps);
  const queue = quantiles(sizes.longestQueue);
  console.info(
    `decide properties: ${sizes.steps.length} histories; steps ${JSON.stringify(steps)}; ` +
      `longest service-day queue ${JSON.stringify(queue)}`,
  );
  expect(sizes.steps.length).toBeGreaterThanOrEqual(NUM_RUNS);
  expect(steps.min).toBeGreaterThanOrEqual(MIN_STEPS);
  expect(steps.median).toBeGreaterThanOrEqual(MAX_STEPS / 4);
  expect(steps.max).toBeGreaterThanOrEqual(MAX_STEPS * 0.9);
  // Numbers past A020 and A050 are reached in most runs and in some runs.
  expect(queue.median).toBeGreaterThanOrEqual(20);
  expect(queue.max).toBeGreaterThanOrEqual(50);
}

describe('random interleavings of issue, call-next, transfer, cancel, no-show and reactivate across counters', () => {
  it('never call a ticket twice and number each service 1..n per day without gaps or repeats', () => {
    const sizes: HistorySizes = { steps: [], longestQueue: [] };
    fc.assert(
      fc.property(history, ratio, (steps, priorityRatio) => {
        sizes.steps.push(steps.length);
        const config: QueueConfig = { ...propertyConfig, priorityRatio };
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
        sizes.longestQueue.push(Math.max(0, ...[...byServiceDay.values()].map((list) => list.length)));
        for (const [key, list] of byServiceDay) {
          const prefix = SERVICES.find((svc) => key.startsWith(`${svc.id}/`))?.prefix ?? '?';
          expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
          for (const e of list) {
            expect(e.number).toMatch(new RegExp(`^${prefix}\\d{3}$`));
            expect(Number(e.number.slice(1))).toBe(e.seq);
          }
          expect(new Set(list.map((e) => e.number)).size).toBe(list.length);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expectLongHistories(sizes);
  });
});
