import { COUNTER_STEPS, findService, standardsFor, type QueueConfig, type SopStep } from './config.ts';
import { currentStep, isWaiting, type QueueState, type TicketState } from './state.ts';

export type TimingStatus = 'ok' | 'warning' | 'late';
/** Steps 2–3 (directed by FO, waiting for the call) end when the ticket is first called. */
export const PRE_SERVICE_STEPS = [2, 3] as const satisfies readonly SopStep[];

const MINUTE = 60_000;

export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
}

export function timingStatus(
  elapsedSeconds: number,
  standardSeconds: number,
  warningRatio: number,
): TimingStatus {
  // Exactly on the standard is still on time, as in the step timeline's `late` flag.
  if (elapsedSeconds > standardSeconds) return 'late';
  return elapsedSeconds >= standardSeconds * warningRatio ? 'warning' : 'ok';
}

function standardSecondsOf(config: QueueConfig, serviceId: string, steps: readonly SopStep[]): number {
  const service = findService(config, serviceId);
  const standards = service ? standardsFor(config, service) : config.sopStandards;
  return steps.reduce((sum, step) => sum + standards[step], 0) * 60;
}

export function preServiceStandardSeconds(config: QueueConfig, serviceId: string): number {
  return standardSecondsOf(config, serviceId, PRE_SERVICE_STEPS);
}

export interface TimelineEntry {
  readonly steps: readonly SopStep[];
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly elapsedSeconds: number;
  readonly standardSeconds: number;
  readonly late: boolean;
}

/** The ticket's SOP timeline: the pre-service wait, then every counter step it went through. */
export function timeline(ticket: TicketState, config: QueueConfig, now: string): TimelineEntry[] {
  // Processing handed to the agency's own SOP (step 7) is tracked as handed over, not as late (docs/domain/sop.md).
  const handedOver = ticket.outcome === 'handed_to_agency';
  const entry = (steps: readonly SopStep[], startedAt: string, endedAt: string | null): TimelineEntry => {
    const elapsedSeconds = secondsBetween(startedAt, endedAt ?? now);
    const standardSeconds = standardSecondsOf(config, ticket.serviceId, steps);
    return {
      steps,
      startedAt,
      endedAt,
      elapsedSeconds,
      standardSeconds,
      late: elapsedSeconds > standardSeconds && !(handedOver && steps.includes(7)),
    };
  };
  const endOfWait = ticket.firstCalledAt ?? (isWaiting(ticket) ? null : (ticket.finishedAt ?? now));
  return [
    entry(PRE_SERVICE_STEPS, ticket.issuedAt, endOfWait),
    ...ticket.steps.map((s) => entry([s.step], s.startedAt, s.endedAt)),
  ];
}

export type TimingPhase = 'waiting' | 'called' | 'serving';

export interface ActiveTiming {
  readonly ticketId: string;
  readonly number: string;
  readonly serviceId: string;
  readonly counterId: string | null;
  readonly phase: TimingPhase;
  readonly step: SopStep | null;
  readonly since: string;
  readonly elapsedSeconds: number;
  readonly standardSeconds: number;
  readonly status: TimingStatus;
  /** When this ticket becomes owed late-service compensation, if it is still waiting and not yet owed. */
  readonly compensationDueAt: string | null;
  /** A checked-in online booking's ticket (absent on a walk-in's). */
  readonly booked?: true;
}

function phaseOf(
  ticket: TicketState,
  config: QueueConfig,
): { phase: TimingPhase; step: SopStep | null; since: string; standardSeconds: number } {
  const step = currentStep(ticket);
  if (ticket.status === 'serving' && step) {
    return {
      phase: 'serving',
      step: step.step,
      since: step.startedAt,
      standardSeconds: standardSecondsOf(config, ticket.serviceId, [step.step]),
    };
  }
  if (ticket.status === 'called' && ticket.calledAt) {
    return {
      phase: 'called',
      step: null,
      since: ticket.calledAt,
      standardSeconds: config.callAnswerMinutes * 60,
    };
  }
  return {
    phase: 'waiting',
    step: 3,
    since: ticket.issuedAt,
    standardSeconds: preServiceStandardSeconds(config, ticket.serviceId),
  };
}

/** The live timing of one ticket, or null when it is no longer active (finished, no-show, cancelled). */
export function timingOf(ticket: TicketState, config: QueueConfig, now: string): ActiveTiming | null {
  if (!isWaiting(ticket) && ticket.status !== 'called' && ticket.status !== 'serving') return null;
  const { phase, step, since, standardSeconds } = phaseOf(ticket, config);
  const elapsedSeconds = secondsBetween(since, now);
  const due = lateDeadline(ticket, config, ticket.lateTier + 1);
  return {
    ticketId: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    counterId: ticket.counterId,
    phase,
    step,
    since,
    elapsedSeconds,
    standardSeconds,
    status: timingStatus(elapsedSeconds, standardSeconds, config.warningRatio),
    compensationDueAt: due === null ? null : new Date(due).toISOString(),
    ...(ticket.booking ? { booked: true as const } : {}),
  };
}

export function activeTimings(state: QueueState, config: QueueConfig, now: string): ActiveTiming[] {
  const result: ActiveTiming[] = [];
  for (const ticket of state.tickets.values()) {
    const timing = timingOf(ticket, config, now);
    if (timing) result.push(timing);
  }
  return result;
}

/** Epoch ms at which the ticket reaches the given late-service tier, or null if it never will. */
export function lateDeadline(ticket: TicketState, config: QueueConfig, tier: number): number | null {
  const rule = config.compensation.lateService[tier];
  if (!rule || ticket.firstCalledAt !== null || !isWaiting(ticket)) return null;
  return (
    Date.parse(ticket.issuedAt) +
    preServiceStandardSeconds(config, ticket.serviceId) * 1000 +
    rule.minutesLate * MINUTE
  );
}

/** The earliest instant at which some ticket becomes (more) late: the hub sleeps until then instead of polling. */
export function nextDeadline(state: QueueState, config: QueueConfig): string | null {
  let earliest: number | null = null;
  for (const ticket of state.tickets.values()) {
    const due = lateDeadline(ticket, config, ticket.lateTier + 1);
    if (due !== null && (earliest === null || due < earliest)) earliest = due;
  }
  return earliest === null ? null : new Date(earliest).toISOString();
}

export const TIMED_COUNTER_STEPS = COUNTER_STEPS;
