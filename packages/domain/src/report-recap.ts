import { standardsFor, type CompensationKind, type ReportConfig } from './config.ts';
import { COMPLIANCE_ENTRIES, complianceKey } from './report-summarize.ts';
import {
  addStep,
  emptyGroup,
  emptyStep,
  mergeGroup,
  type GroupTotals,
  type Totals,
} from './report-totals.ts';
import type {
  CompensationCount,
  CompensationRecapRow,
  Recap,
  RecapRow,
  StepCompliance,
  StepTally,
} from './report-types.ts';
import { daysInRange } from './report-dates.ts';

export const COMPENSATION_KINDS: readonly CompensationKind[] = [
  'late_service',
  'fee_mismatch',
  'complaint_late',
  'officer_incompetent',
  'sop_not_followed',
  'wrong_product',
];

/** An agency key for services the config no longer knows, so their tickets still add up in the total. */
export const UNKNOWN_AGENCY = '?';

function queueRow(key: string, group: GroupTotals): RecapRow {
  return {
    key,
    ...group.counts,
    wait: group.wait.stats(),
    service: group.service.stats(),
  };
}

/** Counters and officers do not issue, cancel or hold open tickets: those columns are not theirs to answer for. */
function deskRow(key: string, group: GroupTotals): RecapRow {
  return {
    ...queueRow(key, group),
    issued: null,
    priority: null,
    cancelled: null,
    open: null,
    lateService: null,
  };
}

/** "loket2" before "loket10", as people count. */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Configured ids first, in the config's order (a report lists every service even on a quiet day), then the rest. */
function ordered(configured: readonly string[], seen: Iterable<string>): string[] {
  const known = new Set(configured);
  return [...configured, ...[...seen].filter((id) => !known.has(id)).sort(naturalOrder)];
}

function stepCompliance(
  steps: StepCompliance['steps'],
  tally: StepTally,
  standardSeconds: number | null,
): StepCompliance {
  const judged = tally.withinStandard + tally.late;
  return {
    steps,
    ...tally,
    share: judged === 0 ? null : tally.withinStandard / judged,
    averageSeconds: tally.measured === 0 ? null : Math.round(tally.seconds / tally.measured),
    standardSeconds,
  };
}

function complianceOf(
  totals: Totals,
  config: ReportConfig,
  serviceIds: readonly string[],
): Recap['compliance'] {
  const sums = new Map(COMPLIANCE_ENTRIES.map((steps) => [complianceKey(steps), emptyStep()]));
  const services = serviceIds.map((serviceId) => {
    const service = config.services.find((s) => s.id === serviceId);
    const standards = service ? standardsFor(config, service) : null;
    const tallies = totals.compliance.get(serviceId);
    return {
      key: serviceId,
      steps: COMPLIANCE_ENTRIES.map((steps) => {
        const tally = tallies?.get(complianceKey(steps)) ?? emptyStep();
        const sum = sums.get(complianceKey(steps));
        if (sum) addStep(sum, tally);
        const standard = standards ? steps.reduce((s, step) => s + standards[step], 0) * 60 : null;
        return stepCompliance(steps, tally, standard);
      }),
    };
  });
  const total = COMPLIANCE_ENTRIES.map((steps) =>
    stepCompliance(steps, sums.get(complianceKey(steps)) ?? emptyStep(), null),
  );
  return { total, services };
}

export function compensationRecap(counts: Iterable<CompensationCount>): Recap['compensations'] {
  const byKind = new Map<CompensationKind, CompensationRecapRow>(
    COMPENSATION_KINDS.map((kind) => [kind, { kind, raised: 0, resolved: 0, open: 0 }]),
  );
  for (const c of counts) {
    const row = byKind.get(c.kind) ?? { kind: c.kind, raised: 0, resolved: 0, open: 0 };
    const raised = row.raised + c.raised;
    const resolved = row.resolved + c.resolved;
    byKind.set(c.kind, { kind: c.kind, raised, resolved, open: raised - resolved });
  }
  const kinds = [...byKind.values()];
  const sum = (key: 'raised' | 'resolved' | 'open') => kinds.reduce((s, row) => s + row[key], 0);
  return { kinds, total: { raised: sum('raised'), resolved: sum('resolved'), open: sum('open') } };
}

/**
 * The recap of a date range from its added-up day totals. Agencies and the total are merged from the services
 * here rather than stored, so their percentiles come from the merged histograms, never from averaged ones.
 */
export function buildRecap(
  totals: Totals,
  config: ReportConfig,
  compensations: Iterable<CompensationCount>,
  range: { readonly from: string; readonly to: string },
): Recap {
  const serviceIds = ordered(
    config.services.map((s) => s.id),
    totals.services.keys(),
  );
  const agencyOf = (serviceId: string) =>
    config.services.find((s) => s.id === serviceId)?.agencyId ?? UNKNOWN_AGENCY;
  const agencies = new Map<string, GroupTotals>();
  const total = emptyGroup();
  for (const serviceId of serviceIds) {
    const agencyId = agencyOf(serviceId);
    let agency = agencies.get(agencyId);
    if (!agency) {
      agency = emptyGroup();
      agencies.set(agencyId, agency);
    }
    const group = totals.services.get(serviceId);
    if (!group) continue;
    mergeGroup(agency, group);
    mergeGroup(total, group);
  }
  const counterIds = ordered(
    config.counters.map((c) => c.id),
    totals.counters.keys(),
  );
  const officerIds = [...totals.officers.keys()].sort(naturalOrder);
  return {
    from: range.from,
    to: range.to,
    days: daysInRange(range.from, range.to).length,
    total: queueRow('total', total),
    agencies: [...agencies].map(([key, group]) => queueRow(key, group)),
    services: serviceIds.map((key) => queueRow(key, totals.services.get(key) ?? emptyGroup())),
    counters: counterIds.map((key) => deskRow(key, totals.counters.get(key) ?? emptyGroup())),
    officers: officerIds.map((key) => deskRow(key, totals.officers.get(key) ?? emptyGroup())),
    compliance: complianceOf(totals, config, serviceIds),
    compensations: compensationRecap(compensations),
    arrivals: [...totals.arrivals],
  };
}
