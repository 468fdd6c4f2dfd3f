import { Histogram } from './report-histogram.ts';
import type { DaySummary, GroupTally, StepTally } from './report-types.ts';

/** Bump when what a day summary holds or means changes: stored summaries of an older version are recomputed. */
export const REPORT_SUMMARY_VERSION = 2;

export const COUNT_KEYS = [
  'issued',
  'priority',
  'served',
  'handedToAgency',
  'noShows',
  'cancelled',
  'transferred',
  'open',
  'lateService',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** One group's figures while they are being added up: counts plus duration histograms. */
export interface GroupTotals {
  readonly counts: Record<CountKey, number>;
  readonly wait: Histogram;
  readonly service: Histogram;
}

/** Figures of one day or of many days added together; `addDay` merges a stored day into it. */
export interface Totals {
  readonly services: Map<string, GroupTotals>;
  readonly counters: Map<string, GroupTotals>;
  readonly officers: Map<string, GroupTotals>;
  readonly compliance: Map<string, Map<string, StepTally>>;
  readonly arrivals: number[];
  /** Per service: count and service seconds per local hour the service started (48 numbers). */
  readonly serviceHours: Map<string, number[]>;
}

export function emptyTotals(): Totals {
  return {
    services: new Map(),
    counters: new Map(),
    officers: new Map(),
    compliance: new Map(),
    arrivals: Array.from({ length: 24 }, () => 0),
    serviceHours: new Map(),
  };
}

/** The service's hours row (count and seconds per hour), made on first use. */
export function serviceHoursOf(totals: Totals, serviceId: string): number[] {
  let hours = totals.serviceHours.get(serviceId);
  if (!hours) {
    hours = Array.from({ length: 48 }, () => 0);
    totals.serviceHours.set(serviceId, hours);
  }
  return hours;
}

function zeroCounts(): Record<CountKey, number> {
  return {
    issued: 0,
    priority: 0,
    served: 0,
    handedToAgency: 0,
    noShows: 0,
    cancelled: 0,
    transferred: 0,
    open: 0,
    lateService: 0,
  };
}

export function emptyGroup(): GroupTotals {
  return { counts: zeroCounts(), wait: new Histogram(), service: new Histogram() };
}

export function groupOf(groups: Map<string, GroupTotals>, key: string): GroupTotals {
  let group = groups.get(key);
  if (!group) {
    group = emptyGroup();
    groups.set(key, group);
  }
  return group;
}

export function emptyStep(): StepTally {
  return { measured: 0, withinStandard: 0, late: 0, handedOver: 0, seconds: 0 };
}

export function stepOf(totals: Totals, serviceId: string, key: string): StepTally {
  let steps = totals.compliance.get(serviceId);
  if (!steps) {
    steps = new Map();
    totals.compliance.set(serviceId, steps);
  }
  let step = steps.get(key);
  if (!step) {
    step = emptyStep();
    steps.set(key, step);
  }
  return step;
}

export function addStep(into: StepTally, from: StepTally): void {
  into.measured += from.measured;
  into.withinStandard += from.withinStandard;
  into.late += from.late;
  into.handedOver += from.handedOver;
  into.seconds += from.seconds;
}

export function mergeGroup(into: GroupTotals, from: GroupTotals): void {
  for (const key of COUNT_KEYS) into.counts[key] += from.counts[key];
  into.wait.merge(from.wait);
  into.service.merge(from.service);
}

function addTallies(groups: Map<string, GroupTotals>, tallies: Readonly<Record<string, GroupTally>>): void {
  for (const [key, tally] of Object.entries(tallies)) {
    const group = groupOf(groups, key);
    for (const count of COUNT_KEYS) group.counts[count] += tally[count];
    group.wait.addEncoded(tally.wait);
    group.service.addEncoded(tally.service);
  }
}

/** Adds a stored day to the totals of a range. */
export function addDay(totals: Totals, day: DaySummary): void {
  addTallies(totals.services, day.services);
  addTallies(totals.counters, day.counters);
  addTallies(totals.officers, day.officers);
  for (const [serviceId, steps] of Object.entries(day.compliance))
    for (const [key, step] of Object.entries(steps)) addStep(stepOf(totals, serviceId, key), step);
  day.arrivals.forEach((count, hour) => {
    totals.arrivals[hour] = (totals.arrivals[hour] ?? 0) + count;
  });
  for (const [serviceId, hours] of Object.entries(day.serviceHours)) {
    const into = serviceHoursOf(totals, serviceId);
    hours.forEach((value, i) => {
      into[i] = (into[i] ?? 0) + value;
    });
  }
}

function encodeGroups(groups: Map<string, GroupTotals>): Record<string, GroupTally> {
  const out: Record<string, GroupTally> = {};
  for (const [key, group] of groups)
    out[key] = { ...group.counts, wait: group.wait.encode(), service: group.service.encode() };
  return out;
}

/** The totals of one day in the form that is stored and merged later. */
export function toDaySummary(totals: Totals): DaySummary {
  const compliance: Record<string, Record<string, StepTally>> = {};
  for (const [serviceId, steps] of totals.compliance) compliance[serviceId] = Object.fromEntries(steps);
  return {
    version: REPORT_SUMMARY_VERSION,
    services: encodeGroups(totals.services),
    counters: encodeGroups(totals.counters),
    officers: encodeGroups(totals.officers),
    compliance,
    arrivals: [...totals.arrivals],
    serviceHours: Object.fromEntries(totals.serviceHours),
  };
}
