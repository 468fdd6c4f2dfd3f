// Simulated MPP days played through the real domain (decide → apply): citizens arrive on the hall's curve, take
// tickets (each promise logged by the same QuoteWait command the hub runs), counters call, walk through SOP steps
// 4–8 with heavy-tailed times, pause for lunch or Friday prayer, lose no-shows and transfer a few tickets.
import {
  COUNTER_STEPS,
  decide,
  DEFAULT_SOP_STANDARDS,
  DomainError,
  applyInPlace,
  initialState,
  judgeQuotes,
  summarizeDay,
  waitHistoryFrom,
  type DaySummary,
  type JudgedQuote,
  type QueueCommand,
  type QueueConfig,
  type QueueEvent,
  type QueueState,
  type ReportTicket,
  type WaitHistory,
} from '@giliran/domain';
import { seeded, type Random } from '../../tests/support/load-plan.ts';
import { DAY_VOLUME, SIM_PEOPLE, SIM_SITE, type DayKind, type PeopleParams } from './wait-accuracy-params.ts';

const MINUTE = 60_000;
/** WIB is UTC+7 all year. */
const OFFSET_MS = 7 * 60 * MINUTE;
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

type Action = () => void;

/** Actions in time order; equal times in the order they were scheduled. */
class Agenda {
  private readonly items: { at: number; order: number; run: Action }[] = [];
  private order = 0;

  at(at: number, run: Action): void {
    const item = { at, order: this.order++, run };
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.items[mid];
      if (other && (other.at < at || (other.at === at && other.order < item.order))) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  next(): { at: number; run: Action } | undefined {
    return this.items.shift();
  }
}

const between = (random: Random, [lo, hi]: readonly [number, number]): number => lo + random() * (hi - lo);

/** Standard normal by Box–Muller. */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function deskMinutes(random: Random, median: number, people: PeopleParams): number {
  let minutes = median * Math.exp(people.serviceSigma * normal(random));
  if (random() < people.longShare) minutes *= between(random, people.longFactor);
  return Math.max(1, minutes);
}

function pickService(random: Random): string {
  let draw = random();
  for (const s of SIM_SITE.services) {
    draw -= s.share;
    if (draw <= 0) return s.id;
  }
  return SIM_SITE.services[0]?.id ?? 'ktp-el';
}

/** Arrival instants of the day: `volume` draws from the curve's bands, by weight, uniform within a band. */
function arrivals(
  random: Random,
  midnight: number,
  volume: number,
  friday: boolean,
  people: PeopleParams,
): number[] {
  const bands = people.arrivalCurve.map(([from, to, w]) => {
    // Friday's morning window closes at 11:30: its last band is cut short and loses weight with it.
    const end = friday && from === 11 * 60 ? 11 * 60 + 30 : to;
    return [from, end, (w * (end - from)) / (to - from)] as const;
  });
  const total = bands.reduce((a, b) => a + b[2], 0);
  const times: number[] = [];
  for (let i = 0; i < volume; i++) {
    let draw = random() * total;
    const band = bands.find((b) => (draw -= b[2]) <= 0) ?? bands[bands.length - 1];
    if (!band) continue;
    times.push(midnight + (band[0] + random() * (band[1] - band[0])) * MINUTE);
  }
  return times.sort((a, b) => a - b);
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

/** One working day of the hall, played through the domain. `state` carries over (the hub's one copy). */
export function simulateDay(
  day: string,
  kind: DayKind,
  random: Random,
  state: QueueState,
  history: WaitHistory | undefined,
  people: PeopleParams = SIM_PEOPLE,
): SimDay {
  const config = simConfig(history);
  const midnight = Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
  const friday = kind === 'friday';
  const windows = (friday ? SIM_SITE.hours.fri : SIM_SITE.hours.monThu).map(
    (w) => [midnight + clock(w.open), midnight + clock(w.close)] as const,
  );
  const agenda = new Agenda();
  const log: QueueEvent[] = [];
  let now = midnight;
  const iso = (ms: number): string => new Date(ms).toISOString();

  const exec = (command: QueueCommand): QueueEvent[] => {
    let events: QueueEvent[];
    try {
      events = decide(command, state, config);
    } catch (error) {
      if (error instanceof DomainError) return [];
      throw error;
    }
    for (const event of events) {
      applyInPlace(state, event);
      log.push(event);
    }
    return events;
  };
  const base = { by: 'sim' } as const;

  const idle = new Set<string>();
  const onBreak = new Set<string>();
  const pauseWhenFree = new Map<string, { reason: string; until: number }>();
  const fates = new Map<string, { desk: number; walk: number; noShow: boolean; transferTo: string | null }>();

  const wake = (counterId: string, at: number): void => {
    idle.delete(counterId);
    agenda.at(at, () => {
      free(counterId);
    });
  };

  function free(counterId: string): void {
    const plan = pauseWhenFree.get(counterId);
    if (plan) {
      pauseWhenFree.delete(counterId);
      exec({ ...base, type: 'PauseCounter', counterId, reason: plan.reason, now: iso(now) });
      onBreak.add(counterId);
      agenda.at(plan.until, () => {
        exec({ ...base, type: 'ResumeCounter', counterId, now: iso(now) });
        onBreak.delete(counterId);
        free(counterId);
      });
      return;
    }
    if (onBreak.has(counterId)) return;
    const called = exec({ ...base, type: 'CallNext', counterId, now: iso(now) });
    const call = called[0];
    if (call?.type !== 'ticket:called') {
      idle.add(counterId);
      return;
    }
    serve(counterId, call.ticketId);
  }

  function serve(counterId: string, ticketId: string): void {
    const fate = fates.get(ticketId);
    if (!fate) return;
    if (fate.noShow) {
      const recallAt = now + between(random, people.noShowStepSeconds) * 1000;
      agenda.at(recallAt, () => {
        exec({ ...base, type: 'Recall', counterId, now: iso(now) });
        agenda.at(now + between(random, people.noShowStepSeconds) * 1000, () => {
          exec({ ...base, type: 'MarkNoShow', ticketId, now: iso(now) });
          free(counterId);
        });
      });
      return;
    }
    // Steps 4–8 share the desk time as the SOP's standards do.
    const total = COUNTER_STEPS.reduce((sum, s) => sum + DEFAULT_SOP_STANDARDS[s], 0);
    let at = now + fate.walk;
    const steps = fate.transferTo ? COUNTER_STEPS.slice(0, 2) : COUNTER_STEPS;
    for (const step of steps) {
      agenda.at(at, () => {
        exec({ ...base, type: 'AdvanceStep', ticketId, now: iso(now) });
      });
      at += (fate.desk * DEFAULT_SOP_STANDARDS[step]) / total;
    }
    const target = fate.transferTo;
    agenda.at(at, () => {
      if (target) {
        fate.transferTo = null;
        fate.walk = between(random, people.walkSeconds) * 1000;
        exec({
          ...base,
          type: 'TransferTicket',
          ticketId,
          serviceId: target,
          deskCounterId: counterId,
          now: iso(now),
        });
        wakeFor(target);
      } else exec({ ...base, type: 'FinishTicket', ticketId, outcome: 'completed', now: iso(now) });
      free(counterId);
    });
  }

  function wakeFor(serviceId: string): void {
    for (const c of config.counters)
      if (c.serviceIds.includes(serviceId) && idle.has(c.id)) {
        wake(c.id, now);
        return;
      }
  }

  let issued = 0;
  for (const [i, t] of arrivals(random, midnight, DAY_VOLUME[kind], friday, people).entries()) {
    agenda.at(t, () => {
      const serviceId = pickService(random);
      const ticketId = `${day}-${i}`;
      const priority = random() < people.priorityShare ? 'lansia' : null;
      const median = SIM_SITE.services.find((s) => s.id === serviceId)?.medianMinutes ?? 10;
      const others = SIM_SITE.services.filter((s) => s.id !== serviceId);
      const transfer = random() < people.transferShare;
      fates.set(ticketId, {
        desk: deskMinutes(random, median, people) * MINUTE,
        walk: between(random, people.walkSeconds) * 1000,
        noShow: random() < people.noShowShare,
        transferTo: transfer ? (others[Math.floor(random() * others.length)]?.id ?? null) : null,
      });
      const out = exec({
        ...base,
        type: 'IssueTicket',
        ticketId,
        code: `C${i}`,
        serviceId,
        priority,
        channel: 'kiosk',
        now: iso(now),
      });
      if (out.length === 0) return;
      issued += 1;
      exec({ ...base, type: 'QuoteWait', ticketIds: [ticketId], channel: 'issue', now: iso(now) });
      wakeFor(serviceId);
    });
  }

  // Counters open with the first window; at its close each pauses once free, back after the break (some late).
  const [morning, afternoon] = windows;
  for (const c of config.counters) {
    if (morning) wake(c.id, morning[0]);
    if (morning && afternoon) {
      agenda.at(morning[1], () => {
        const until = afternoon[0] + between(random, people.lateReturnMinutes) * MINUTE;
        pauseWhenFree.set(c.id, { reason: friday ? 'sholat_jumat' : 'istirahat', until });
        if (idle.has(c.id)) wake(c.id, now);
      });
    }
    if (morning && random() < people.unplannedPauseChance) {
      const start = morning[0] + random() * (morning[1] - morning[0] - 40 * MINUTE);
      agenda.at(start, () => {
        if (pauseWhenFree.has(c.id)) return;
        pauseWhenFree.set(c.id, {
          reason: 'urusan_dinas',
          until: start + between(random, people.unplannedPauseMinutes) * MINUTE,
        });
        if (idle.has(c.id)) wake(c.id, now);
      });
    }
  }

  for (let item = agenda.next(); item; item = agenda.next()) {
    now = item.at;
    item.run();
  }
  const tickets = [...state.tickets.values()].filter((t) => t.serviceDay === day);
  return {
    day,
    kind,
    quotes: judgeQuotes(log, config.timeZone, 'issue'),
    summary: summarizeDay(tickets.map(reportTicket), config),
    issued,
    uncalled: tickets.filter((t) => t.firstCalledAt === null).length,
    log,
  };
}

function clock(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return (h * 60 + m) * MINUTE;
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
  people: PeopleParams = SIM_PEOPLE,
): SimDay[] {
  const random = seeded(seed);
  const state = initialState();
  const result: SimDay[] = [];
  for (const [i, day] of workingDays(first, kinds.length).entries()) {
    const history =
      result.length === 0
        ? undefined
        : waitHistoryFrom(result.map((d) => ({ day: d.day, summary: d.summary })));
    result.push(simulateDay(day, kinds[i] ?? 'normal', random, state, history, people));
  }
  return result;
}
