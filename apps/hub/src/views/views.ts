import {
  currentStep,
  estimateNewTicketWait,
  estimateTicketWait,
  NO_ESTIMATE,
  aheadOfNewest,
  isWaiting,
  ticketsAhead,
  isServiceOpen,
  serviceLoad,
  timeline,
  type Forecast,
  type WaitEstimate,
  COUNTER_STEPS,
  sopStepNames,
  standardsFor,
  type ServiceConfig,
  type CallRecord,
  type CompensationState,
  type CounterState,
  type QueueConfig,
  type QueueState,
  type StepRecord,
  type TicketState,
} from '@giliran/domain';
import type {
  CallView,
  CompensationView,
  CounterView,
  IssuedTicket,
  PublicTicketStatus,
  ServiceView,
  SiteView,
  TicketView,
  WaitEstimateView,
} from '@giliran/protocol';
import type { SiteConfig } from '../config/site-config.ts';
import type { CompensationRow, TicketRow } from '../db/queue-store.ts';

export function ticketView(t: TicketState, config: QueueConfig, now: string): TicketView {
  return {
    id: t.id,
    code: t.code,
    number: t.number,
    serviceId: t.serviceId,
    serviceDay: t.serviceDay,
    priority: t.priority,
    status: t.status,
    counterId: t.counterId,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    finishedAt: t.finishedAt,
    recalls: t.recalls,
    printStatus: t.printStatus,
    currentStep: currentStep(t)?.step ?? null,
    timeline: timeline(t, config, now).map((entry) => ({ ...entry, steps: [...entry.steps] })),
    ...(t.booking ? { booked: true } : {}),
  };
}

/** Tickets of earlier days live only in the read model; they are shown with the same view. */
export function ticketFromRow(row: TicketRow): TicketState {
  return {
    id: row.id,
    code: row.code,
    seq: row.seq,
    number: row.number,
    serviceDay: row.service_day,
    priority: row.priority as TicketState['priority'],
    channel: row.channel as TicketState['channel'],
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    serviceId: row.service_id,
    status: row.status as TicketState['status'],
    counterId: row.counter_id,
    firstCalledAt: row.first_called_at,
    calledAt: row.called_at,
    recalls: row.recalls,
    steps: JSON.parse(row.steps) as StepRecord[],
    finishedAt: row.finished_at,
    outcome: row.outcome as TicketState['outcome'],
    lateTier: row.late_tier,
    printStatus: row.print_status as TicketState['printStatus'],
  };
}

export function estimateView(e: WaitEstimate): WaitEstimateView {
  return { minutes: e.minutes, low: e.low, high: e.high, holdUp: e.holdUp };
}

export function issuedView(
  t: TicketState,
  state: QueueState,
  config: QueueConfig,
  now: string,
  estimate = true,
): IssuedTicket {
  // Just issued (the usual case): the indexes answer at once. A replayed request may be older: count it out.
  const newest = state.sequences.get(t.serviceId) === t.seq && t.status === 'waiting';
  const ahead = newest ? aheadOfNewest(state, t, config) : ticketsAhead(state, t, config);
  // The answer shows the promise logged with the issue (and a replay the same one), so paper and log agree.
  const shown =
    state.quotes.get(t.id) ?? (estimate ? estimateTicketWait(state, config, t, now) : NO_ESTIMATE);
  return {
    id: t.id,
    code: t.code,
    number: t.number,
    serviceId: t.serviceId,
    priority: t.priority,
    issuedAt: t.issuedAt,
    ahead,
    estimatedWaitMinutes: shown.minutes,
    estimate: estimateView(shown),
    ...(t.booking ? { booked: true } : {}),
  };
}

export function counterView(site: SiteConfig, counterId: string, state: QueueState): CounterView {
  const config = site.counters.find((c) => c.id === counterId);
  const live: CounterState | undefined = state.counters.get(counterId);
  return {
    id: counterId,
    name: config?.name ?? counterId,
    serviceIds: config?.serviceIds ?? [],
    pausedReason: live?.pausedReason ?? null,
    pausedSince: live?.pausedSince ?? null,
    activeTicketId: live?.activeTicketId ?? null,
  };
}

export function compensationView(c: CompensationState): CompensationView {
  return {
    id: c.id,
    kind: c.kind,
    ticketId: c.ticketId,
    counterId: c.counterId,
    tier: c.tier,
    remedy: c.remedy,
    officerConsequence: c.officerConsequence,
    note: c.note,
    raisedAt: c.raisedAt,
    raisedBy: c.raisedBy,
    resolution: c.resolution,
  };
}

export function compensationFromRow(row: CompensationRow): CompensationView {
  return {
    id: row.id,
    kind: row.kind,
    ticketId: row.ticket_id,
    counterId: row.counter_id,
    tier: row.tier,
    remedy: JSON.parse(row.remedy) as CompensationView['remedy'],
    officerConsequence: row.officer_consequence,
    note: row.note,
    raisedAt: row.raised_at,
    raisedBy: row.raised_by,
    resolution:
      row.resolution === null ? null : (JSON.parse(row.resolution) as CompensationView['resolution']),
  };
}

function counterStepStandards(config: QueueConfig, service: ServiceConfig): Record<string, number> {
  const standards = standardsFor(config, service);
  return Object.fromEntries(COUNTER_STEPS.map((step) => [String(step), standards[step]]));
}

/** Every service's view, or only those in `only` (a live delta names the services its batch touched). */
export function serviceViews(
  site: SiteConfig,
  state: QueueState,
  config: QueueConfig,
  now: string,
  only?: ReadonlySet<string>,
): ServiceView[] {
  const agencies = new Map(site.agencies.map((a) => [a.id, a]));
  // A retired service is listed only while tickets it issued still wait (the FO and counters still see them).
  const wanted = site.services.flatMap((s, index) =>
    (only && !only.has(s.id)) || (s.retired && serviceLoad(state, config, s.id).waiting === 0)
      ? []
      : [{ s, index }],
  );
  return wanted.map(({ s, index }) => {
    const load = serviceLoad(state, config, s.id);
    const estimate = estimateNewTicketWait(state, config, s.id, false, now);
    const domainService = config.services[index] ?? { id: s.id, agencyId: s.agencyId, prefix: s.prefix };
    return {
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      agency: { id: s.agencyId, name: agencies.get(s.agencyId)?.name ?? { id: s.agencyId, en: s.agencyId } },
      summary: s.summary ?? null,
      openingHours: s.openingHours ?? site.openingHours,
      waiting: load.waiting,
      estimatedWaitMinutes: estimate.minutes,
      estimate: estimateView(estimate),
      open: isServiceOpen(config, domainService, now),
      stepStandardMinutes: counterStepStandards(config, domainService),
    };
  });
}

/** The citizen's view of their own ticket, for the status page behind the ticket's QR code. */
export function publicTicketStatus(
  t: TicketState,
  site: SiteConfig,
  state: QueueState,
  config: QueueConfig,
  now: string,
  forecast?: Forecast,
): PublicTicketStatus {
  const service = site.services.find((s) => s.id === t.serviceId);
  const agency = site.agencies.find((a) => a.id === service?.agencyId);
  const waiting = isWaiting(t) && state.tickets.get(t.id) === t;
  const ahead = waiting ? ticketsAhead(state, t, config) : null;
  const estimate = waiting ? estimateTicketWait(state, config, t, now, forecast) : null;
  const counter = t.counterId === null ? undefined : site.counters.find((c) => c.id === t.counterId);
  return {
    code: t.code,
    number: t.number,
    siteName: site.name,
    timeZone: site.timeZone,
    service: service?.name ?? { id: t.serviceId, en: t.serviceId },
    agency: agency?.name ?? { id: '', en: '' },
    priority: t.priority,
    status: t.status,
    issuedAt: t.issuedAt,
    serviceDay: t.serviceDay,
    ahead,
    estimatedWaitMinutes: estimate?.minutes ?? null,
    estimate: estimate === null ? null : estimateView(estimate),
    counterName: t.status === 'called' || t.status === 'serving' ? (counter?.name ?? null) : null,
    calledAt: t.calledAt,
    nearAhead: site.messages.nearAhead,
    ...(t.booking ? { booked: true } : {}),
  };
}

export function siteView(site: SiteConfig, runningText: string): SiteView {
  return {
    id: site.id,
    name: site.name,
    shortName: site.shortName,
    timeZone: site.timeZone,
    agencies: site.agencies.filter((a) => !a.retired),
    kioskMaxTicketsPerMinute: site.kioskMaxTicketsPerMinute,
    warningRatio: site.warningRatio,
    sopSteps: sopStepNames(site.sopStepNames),
    display: {
      runningText,
      media: site.display.media,
      announcement: site.display.announcement,
      showPauseReason: site.display.showPauseReason,
    },
    phoneMessages: site.messages.whatsapp !== undefined || site.messages.sms !== undefined,
  };
}

export function callView(call: CallRecord, state: QueueState): CallView {
  return {
    ticketId: call.ticketId,
    number: state.tickets.get(call.ticketId)?.number ?? '',
    serviceId: call.serviceId,
    counterId: call.counterId,
    calledAt: call.calledAt,
    shownAt: call.shownAt,
    outcome: call.outcome,
    ...(state.tickets.get(call.ticketId)?.booking ? { booked: true } : {}),
  };
}
