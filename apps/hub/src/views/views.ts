import {
  currentStep,
  estimateWaitMinutes,
  aheadOf,
  isServiceOpen,
  serviceLoad,
  timeline,
  type CompensationState,
  type CounterState,
  type QueueConfig,
  type QueueState,
  type StepRecord,
  type TicketState,
} from '@giliran/domain';
import type { CompensationView, CounterView, IssuedTicket, ServiceView, TicketView } from '@giliran/protocol';
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
    currentStep: currentStep(t)?.step ?? null,
    timeline: timeline(t, config, now).map((entry) => ({ ...entry, steps: [...entry.steps] })),
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
  };
}

export function issuedView(t: TicketState, state: QueueState, config: QueueConfig): IssuedTicket {
  // Tickets issued before this one and still waiting; a priority ticket only waits behind other priority tickets.
  const ahead = Math.max(0, aheadOf(state, t.serviceId, t.priority !== null) - 1);
  return {
    id: t.id,
    code: t.code,
    number: t.number,
    serviceId: t.serviceId,
    priority: t.priority,
    issuedAt: t.issuedAt,
    ahead,
    estimatedWaitMinutes: estimateWaitMinutes(state, config, t.serviceId, ahead),
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

export function serviceViews(
  site: SiteConfig,
  state: QueueState,
  config: QueueConfig,
  now: string,
): ServiceView[] {
  const agencies = new Map(site.agencies.map((a) => [a.id, a]));
  return site.services.map((s, index) => {
    const load = serviceLoad(state, config, s.id);
    const domainService = config.services[index] ?? { id: s.id, agencyId: s.agencyId, prefix: s.prefix };
    return {
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      agency: { id: s.agencyId, name: agencies.get(s.agencyId)?.name ?? { id: s.agencyId, en: s.agencyId } },
      waiting: load.waiting,
      estimatedWaitMinutes: load.estimatedWaitMinutes,
      open: isServiceOpen(config, domainService, now),
    };
  });
}
