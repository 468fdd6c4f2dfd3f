import { standardsFor, type ReportConfig, type SopStandards, type SopStep } from './config.ts';
import { localHourReader } from './report-local-hour.ts';
import {
  emptyTotals,
  groupOf,
  serviceHoursOf,
  stepOf,
  toDaySummary,
  type GroupTotals,
  type Totals,
} from './report-totals.ts';
import type { DaySummary, ReportTicket } from './report-types.ts';

/** Compliance entries as the ticket timeline has them: steps 2–3 (the wait for the call) as one, then 4–8. */
export const COMPLIANCE_ENTRIES: readonly (readonly SopStep[])[] = [[2, 3], [4], [5], [6], [7], [8]];

export function complianceKey(steps: readonly SopStep[]): string {
  return steps.join('-');
}

const PRE_SERVICE_KEY = complianceKey([2, 3]);

/** Like `secondsBetween`, on instants already parsed: a year of tickets parses each timestamp once. */
function seconds(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / 1000));
}

function standardsByService(config: ReportConfig): (serviceId: string) => SopStandards {
  const byId = new Map(config.services.map((s) => [s.id, standardsFor(config, s)]));
  return (serviceId) => byId.get(serviceId) ?? config.sopStandards;
}

const OPEN_STATUSES = new Set(['waiting', 'transferred', 'called', 'serving']);

/**
 * Who a ticket's figures belong to: its final service (and so that service's agency), the counter that last held
 * it and the officer who closed it. Only `issued` goes to the service it was issued for and `transferred` to
 * where each transfer happened, since those describe the ticket's start and moves rather than its end.
 */
function owners(t: ReportTicket, totals: Totals): GroupTotals[] {
  const list = [groupOf(totals.services, t.serviceId)];
  if (t.counterId !== null) list.push(groupOf(totals.counters, t.counterId));
  const closed = t.status === 'done' || t.status === 'no_show';
  if (closed && t.servedBy !== null) list.push(groupOf(totals.officers, t.servedBy));
  return list;
}

function countIssue(t: ReportTicket, totals: Totals): void {
  const issuedFor = groupOf(totals.services, t.transfers[0]?.fromServiceId ?? t.serviceId);
  issuedFor.counts.issued += 1;
  if (t.priority !== null) issuedFor.counts.priority += 1;
  for (const transfer of t.transfers) {
    groupOf(totals.services, transfer.fromServiceId).counts.transferred += 1;
    if (transfer.counterId !== null) groupOf(totals.counters, transfer.counterId).counts.transferred += 1;
    groupOf(totals.officers, transfer.by).counts.transferred += 1;
  }
}

/** Served tickets: when their service started and how long it took (seconds); null for the others. */
function serviceSpan(t: ReportTicket): { startMs: number; seconds: number } | null {
  if (t.status !== 'done' || t.finishedAt === null) return null;
  // Service runs from the first counter step, or the call when the officer never pressed Start (counter figures).
  const startMs = Date.parse(t.steps[0]?.startedAt ?? t.calledAt ?? t.issuedAt);
  return { startMs, seconds: seconds(startMs, Date.parse(t.finishedAt)) };
}

function countOutcome(t: ReportTicket, issuedMs: number, groups: readonly GroupTotals[]): void {
  const firstCalledMs = t.firstCalledAt === null ? null : Date.parse(t.firstCalledAt);
  const done = t.status === 'done';
  const serviceSeconds = serviceSpan(t)?.seconds ?? null;
  for (const group of groups) {
    const c = group.counts;
    if (done) c.served += 1;
    if (done && t.outcome === 'handed_to_agency') c.handedToAgency += 1;
    if (t.status === 'no_show') c.noShows += 1;
    if (t.status === 'cancelled') c.cancelled += 1;
    if (OPEN_STATUSES.has(t.status)) c.open += 1;
    if (t.lateTier >= 0) c.lateService += 1;
    if (firstCalledMs !== null) group.wait.add(seconds(issuedMs, firstCalledMs));
    if (serviceSeconds !== null) group.service.add(serviceSeconds);
  }
}

/** SOP compliance as `timeline()` judges it, on ended entries only: an open step has no verdict yet. */
function countCompliance(t: ReportTicket, issuedMs: number, standards: SopStandards, totals: Totals): void {
  const record = (key: string, elapsed: number, standard: number, handedOver: boolean): void => {
    const tally = stepOf(totals, t.serviceId, key);
    tally.measured += 1;
    tally.seconds += elapsed;
    if (handedOver) tally.handedOver += 1;
    else if (elapsed > standard) tally.late += 1;
    else tally.withinStandard += 1;
  };
  if (t.firstCalledAt !== null) {
    const standard = (standards[2] + standards[3]) * 60;
    record(PRE_SERVICE_KEY, seconds(issuedMs, Date.parse(t.firstCalledAt)), standard, false);
  }
  const handed = t.outcome === 'handed_to_agency';
  for (const step of t.steps) {
    if (step.endedAt === null) continue;
    const elapsed = seconds(Date.parse(step.startedAt), Date.parse(step.endedAt));
    record(String(step.step), elapsed, standards[step.step] * 60, handed && step.step === 7);
  }
}

/**
 * Summarises the tickets of one service day. Pure: the caller passes the day's tickets (with who closed them
 * and their transfers) and the config whose standards judge the steps.
 */
export function summarizeDay(tickets: Iterable<ReportTicket>, config: ReportConfig): DaySummary {
  const totals = emptyTotals();
  const hourOf = localHourReader(config.timeZone);
  const standardsOf = standardsByService(config);
  for (const t of tickets) {
    const issuedMs = Date.parse(t.issuedAt);
    const hour = hourOf(issuedMs);
    totals.arrivals[hour] = (totals.arrivals[hour] ?? 0) + 1;
    countIssue(t, totals);
    countOutcome(t, issuedMs, owners(t, totals));
    const span = serviceSpan(t);
    if (span) {
      const hours = serviceHoursOf(totals, t.serviceId);
      const at = hourOf(span.startMs) * 2;
      hours[at] = (hours[at] ?? 0) + 1;
      hours[at + 1] = (hours[at + 1] ?? 0) + span.seconds;
    }
    countCompliance(t, issuedMs, standardsOf(t.serviceId), totals);
  }
  return toDaySummary(totals);
}
