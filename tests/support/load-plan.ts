// What happens in a simulated day, drawn up front from a seeded PRNG: when each citizen arrives and for what, and
// what becomes of them at the desk. The driver plays it against the hub; the same seed gives the same plan.
import {
  findService,
  isServiceOpen,
  PRIORITY_CATEGORIES,
  type PriorityCategory,
  type QueueConfig,
} from '@giliran/domain';

export type Fate =
  | { readonly kind: 'served'; readonly outcome: 'completed' | 'handed_to_agency' }
  /** Not at the desk when called: recalled after `recallAfterMs`, marked a no-show `noShowAfterMs` later. */
  | { readonly kind: 'no-show'; readonly recallAfterMs: number; readonly noShowAfterMs: number }
  /** Sent to another service after the document check (step 4), then served there. */
  | { readonly kind: 'transfer'; readonly toServiceId: string }
  /** Turned away at the desk (e.g. a missing document) after `afterSteps` steps. */
  | { readonly kind: 'desk-cancel'; readonly afterSteps: number }
  /** Gives up waiting: front office cancels the ticket `afterMs` after issue if it has not been called by then. */
  | { readonly kind: 'leave'; readonly afterMs: number };

export interface PlannedTicket {
  readonly index: number;
  /** Epoch ms of the kiosk tap. */
  readonly at: number;
  readonly kiosk: number;
  readonly serviceId: string;
  readonly priority: PriorityCategory | null;
  readonly fate: Fate;
  /** From the call to the officer's first step (the citizen walks to the desk). */
  readonly walkMs: number;
  /** How long each of SOP steps 4–8 takes at the desk. */
  readonly stepMs: readonly [number, number, number, number, number];
}

export interface DayPlan {
  /** Local calendar date of the site (YYYY-MM-DD). */
  readonly day: string;
  /** Epoch ms when counters open; arrivals start then too. */
  readonly opensAt: number;
  readonly tickets: readonly PlannedTicket[];
}

export type Random = () => number;

/** Small deterministic PRNG (mulberry32): a failing run is replayed with its printed seed. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform draw in [min, max) seconds, as milliseconds: durations keep their milliseconds, as real ones do. */
export const between = (random: Random, minSeconds: number, maxSeconds: number): number =>
  Math.floor((minSeconds + random() * (maxSeconds - minSeconds)) * 1000);

/** Arrivals by local time of day, [from minute, to minute, weight]: a morning peak, a lunch dip, an afternoon. */
const ARRIVAL_CURVE: readonly (readonly [number, number, number])[] = [
  [7 * 60 + 30, 8 * 60, 3],
  [8 * 60, 9 * 60, 14],
  [9 * 60, 10 * 60, 19],
  [10 * 60, 11 * 60, 17],
  [11 * 60, 12 * 60, 13],
  [12 * 60, 13 * 60, 7],
  [13 * 60, 14 * 60, 11],
  [14 * 60, 15 * 60, 10],
];
export const OPENS_AT_MINUTE = 7 * 60 + 30;
/** Asia/Pontianak (WIB) is UTC+7 all year. */
const ZONE_OFFSET = '+07:00';

const PRIORITY_SHARE = 0.07;
const HANDED_OVER_SERVICES = new Set(['skck', 'paspor']);

function pick<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let r = random() * total;
  for (const item of items) {
    r -= weight(item);
    if (r < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new Error('pick from nothing');
  return last;
}

/** Demand follows desk capacity: a counter serving two services gives each half of itself. */
function serviceWeights(config: QueueConfig): Map<string, number> {
  const weights = new Map<string, number>();
  for (const counter of config.counters)
    for (const id of counter.serviceIds)
      weights.set(id, (weights.get(id) ?? 0) + 1 / counter.serviceIds.length);
  return weights;
}

function drawFate(random: Random, serviceId: string, config: QueueConfig): Fate {
  const r = random();
  if (r < 0.04)
    return {
      kind: 'no-show',
      recallAfterMs: between(random, 40, 90),
      noShowAfterMs: between(random, 40, 90),
    };
  if (r < 0.07) {
    const agency = findService(config, serviceId)?.agencyId;
    const served = [...new Set(config.counters.flatMap((c) => c.serviceIds))].filter(
      (id) => id !== serviceId && findService(config, id)?.openingHours === undefined,
    );
    const sameAgency = served.filter((id) => findService(config, id)?.agencyId === agency);
    const targets = sameAgency.length > 0 ? sameAgency : served;
    return { kind: 'transfer', toServiceId: targets[Math.floor(random() * targets.length)] ?? 'ktp-el' };
  }
  if (r < 0.075) return { kind: 'desk-cancel', afterSteps: 1 + Math.floor(random() * 3) };
  if (r < 0.085) return { kind: 'leave', afterMs: between(random, 10 * 60, 40 * 60) };
  const handed = HANDED_OVER_SERVICES.has(serviceId) && random() < 0.3;
  return { kind: 'served', outcome: handed ? 'handed_to_agency' : 'completed' };
}

/** `count` citizens on `day` (local date), with the services open at their arrival time. */
export function planDay(config: QueueConfig, day: string, count: number, seed: number): DayPlan {
  const random = seeded(seed);
  const midnight = Date.parse(`${day}T00:00:00${ZONE_OFFSET}`);
  const weights = serviceWeights(config);
  const services = [...weights.keys()];
  const times = Array.from({ length: count }, () => {
    const [from, to] = pick(random, ARRIVAL_CURVE, (segment) => segment[2]);
    return midnight + Math.floor((from + random() * (to - from)) * 60_000);
  }).sort((a, b) => a - b);
  const tickets = times.map((at, index): PlannedTicket => {
    // Open at the tap and a minute on: the driver taps a few seconds late (its ticks), never after closing.
    const open = services.filter((id) => {
      const service = findService(config, id);
      return (
        service !== undefined &&
        [at, at + 60_000].every((ms) => isServiceOpen(config, service, new Date(ms).toISOString()))
      );
    });
    const serviceId = pick(random, open, (id) => weights.get(id) ?? 0);
    const priority =
      random() < PRIORITY_SHARE
        ? (PRIORITY_CATEGORIES[Math.floor(random() * PRIORITY_CATEGORIES.length)] ?? 'lansia')
        : null;
    return {
      index,
      at,
      kiosk: Math.floor(random() * 4),
      serviceId,
      priority,
      fate: drawFate(random, serviceId, config),
      // About 4½ minutes at the desk with the ticks' rounding: the 40 desks run at ~80% over the day and fall
      // behind only in the morning peak, as a busy MPP does.
      walkMs: between(random, 5, 30),
      stepMs: [
        between(random, 15, 60),
        between(random, 15, 60),
        between(random, 20, 120),
        between(random, 10, 80),
        between(random, 5, 25),
      ],
    };
  });
  return { day, opensAt: midnight + OPENS_AT_MINUTE * 60_000, tickets };
}
