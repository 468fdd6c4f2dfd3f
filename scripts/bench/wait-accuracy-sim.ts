// Simulated MPP days played through the real domain (decide → apply): citizens arrive on the hall's curve, take
// tickets (each promise logged by the same QuoteWait command the hub runs), counters call, walk through SOP steps
// 4–8 with heavy-tailed times, pause for lunch or Friday prayer, lose no-shows and transfer a few tickets.
import {
  DEFAULT_SOP_STANDARDS,
  initialState,
  judgeQuotes,
  summarizeDay,
  waitHistoryFrom,
  type DaySummary,
  type JudgedQuote,
  type QueueConfig,
  type QueueEvent,
  type QueueState,
  type ReportTicket,
  type WaitHistory,
} from '@giliran/domain';
import { seeded, type Random } from '../../tests/support/load-plan.ts';
import { DAY_VOLUME, SIM_PEOPLE, SIM_SITE, type DayKind, type PeopleParams } from './wait-accuracy-params.ts';
import { arrivals, hallPlan, HallWorld, MINUTE } from './wait-accuracy-world.ts';
const PREFIXES = 'ABCDEFGHJKLMN';

export function simConfig(waitHistory?: WaitHistory): QueueConfig {
  const { monThu, fri } = SIM_SITE.hours;
  return {
    timeZone: SIM_SITE.timeZone,
    numberWidth: 3,
    sopStandards: DEFAULT_SOP_STANDARDS,
    services: SIM_SITE.services.map((s, i) => ({ id: s.id, agencyId: s.id, prefix: PREFIXES[i] ?? 'Z' })),
    counters: SIM_SITE.counters,
    openingHours: { mon: monThu, tue: monThu, wed: monThu, thu: monThu, fri },
    priorityRatio: null,
    noShowAfterRecalls: 1,
    warningRatio: 0.8,
    callAnswerMinutes: 2,
    compensation: { lateService: [], manual: {} as QueueConfig['compensation']['manual'] },
    ...(waitHistory ? { waitHistory } : {}),
  };
}

export interface SimDay {
  readonly day: string;
  readonly kind: DayKind;
  readonly quotes: readonly JudgedQuote[];
  readonly summary: DaySummary;
  readonly issued: number;
  readonly uncalled: number;
  /** The day's events, for the breakdown of the error by cause (wait-accuracy-breakdown.ts). */
  readonly log: readonly QueueEvent[];
}

/** Options of a simulated day: `onQuote` sees the world right after each promise at issue (the oracle forks it). */
export interface SimOptions {
  readonly people?: PeopleParams;
  readonly onQuote?: (world: HallWorld, ticketId: string) => void;
}

/** One working day of the hall, played through the domain. `state` carries over (the hub's one copy). */
export function simulateDay(
  day: string,
  kind: DayKind,
  random: Random,
  state: QueueState,
  history: WaitHistory | undefined,
  options: SimOptions = {},
): SimDay {
  const people = options.people ?? SIM_PEOPLE;
  const plan = hallPlan(day, kind, simConfig(history));
  const world = new HallWorld(plan, state, random, people);
  const { onQuote } = options;
  if (onQuote)
    world.onQuote = (ticketId) => {
      onQuote(world, ticketId);
    };
  for (const [i, t] of arrivals(random, plan.midnight, DAY_VOLUME[kind], kind === 'friday', people).entries())
    world.at(t, () => {
      world.arrive(`${day}-${String(i)}`, `C${String(i)}`);
    });

  // Counters open with the first window; at its close each pauses once free, back after the break (some late).
  const [morning] = plan.windows;
  for (const c of plan.config.counters) {
    if (!morning) continue;
    world.wake(c.id, morning[0]);
    world.planBreak(c.id);
    if (random() < people.unplannedPauseChance)
      world.planUnplanned(c.id, morning[0] + random() * (morning[1] - morning[0] - 40 * MINUTE));
  }

  world.run();
  const tickets = [...state.tickets.values()].filter((t) => t.serviceDay === day);
  return {
    day,
    kind,
    quotes: judgeQuotes(world.log, plan.config.timeZone, 'issue'),
    summary: summarizeDay(tickets.map(reportTicket), plan.config),
    issued: world.issued,
    uncalled: tickets.filter((t) => t.firstCalledAt === null).length,
    log: world.log,
  };
}

function reportTicket(t: QueueState['tickets'] extends Map<string, infer T> ? T : never): ReportTicket {
  return {
    serviceId: t.serviceId,
    priority: t.priority,
    status: t.status,
    outcome: t.outcome,
    counterId: t.counterId,
    issuedAt: t.issuedAt,
    firstCalledAt: t.firstCalledAt,
    calledAt: t.calledAt,
    finishedAt: t.finishedAt,
    lateTier: t.lateTier,
    steps: t.steps,
    servedBy: null,
    transfers: [],
  };
}

/** Working days from `first` (a Monday), Monday to Friday. */
export function workingDays(first: string, count: number): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); days.length < count; ms += 86_400_000) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

/** Plays the days in order; each day's estimator learns from the summaries of the days before (the hub's way). */
export function simulateMonth(
  first: string,
  kinds: readonly DayKind[],
  seed: number,
  options: SimOptions = {},
): SimDay[] {
  const random = seeded(seed);
  const state = initialState();
  const result: SimDay[] = [];
  for (const [i, day] of workingDays(first, kinds.length).entries()) {
    const history =
      result.length === 0
        ? undefined
        : waitHistoryFrom(result.map((d) => ({ day: d.day, summary: d.summary })));
    result.push(simulateDay(day, kinds[i] ?? 'normal', random, state, history, options));
  }
  return result;
}
