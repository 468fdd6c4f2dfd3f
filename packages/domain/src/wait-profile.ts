import { COUNTER_STEPS, findService, standardsFor, type QueueConfig, type SopStandards } from './config.ts';
import { localTime } from './local-time.ts';
import type { QueueState } from './state.ts';
import type { ServiceTimes } from './wait-history.ts';

/**
 * How many of today's tickets weigh as much as the history: a few tickets today should not outvote months (desk
 * times are heavy-tailed, so twenty of them still scatter), yet a slow day shows by mid-morning.
 */
const HISTORY_WEIGHT = 10;
/** History of a weekday with fewer tickets than this is too thin: all days are used instead. */
const MIN_HISTORY_SAMPLES = 5;
/** The SOP standard is only a first guess: two real tickets outweigh it. */
const STANDARD_WEIGHT = 2;
/** Minutes from the call to the officer's first step (the citizen walks over), before anything is measured. */
const DEFAULT_WALK_MINUTES = 1;
/** Service times at an MPP desk are heavy-tailed: without data, the spread is taken as this share of the mean. */
const DEFAULT_SPREAD = 0.7;

/** What one ticket of a service costs a counter, in minutes, with its spread. */
export interface ServiceProfile {
  /** First counter step → finish. */
  readonly serviceMinutes: number;
  /** Call → the counter is free again (walk, service; no-shows count with their short visit). */
  readonly cycleMinutes: number;
  readonly sdMinutes: number;
  readonly standards: SopStandards;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function sd(values: readonly number[], of: number): number {
  return Math.sqrt(values.reduce((a, b) => a + (b - of) ** 2, 0) / values.length);
}

/** Weighted mean of (value, weight) pairs, ignoring absent values. */
function blend(parts: readonly (readonly [number | null, number])[]): number {
  let sum = 0;
  let weight = 0;
  for (const [value, w] of parts) {
    if (value === null || w <= 0) continue;
    sum += value * w;
    weight += w;
  }
  return weight === 0 ? 0 : sum / weight;
}

/** The history's service times for this weekday (else all days), at the pace of this hour of the day. */
function historyTimes(config: QueueConfig, serviceId: string, now: string): ServiceTimes | null {
  const history = config.waitHistory?.services[serviceId];
  if (!history) return null;
  const local = localTime(now, config.timeZone);
  const weekday = history.byWeekday[local.weekday];
  const times =
    weekday && weekday.count >= MIN_HISTORY_SAMPLES
      ? weekday
      : history.all.count >= MIN_HISTORY_SAMPLES
        ? history.all
        : null;
  if (!times) return null;
  const factor = history.hourFactor[Math.floor(local.minuteOfDay / 60)] ?? 1;
  return { ...times, meanMinutes: times.meanMinutes * factor };
}

/**
 * Today's tickets, the hall's history for this weekday and the SOP standard, each weighed by how much it knows:
 * early in the day history leads, by mid-morning today's pace does.
 */
export function serviceProfile(
  state: QueueState,
  config: QueueConfig,
  serviceId: string,
  now: string,
): ServiceProfile {
  const service = findService(config, serviceId);
  const standards = service ? standardsFor(config, service) : config.sopStandards;
  const standardTotal = COUNTER_STEPS.reduce((sum, step) => sum + standards[step], 0);
  const history = historyTimes(config, serviceId, now);
  const served = (state.recentService.get(serviceId) ?? []).map((s) => s / 60);
  const cycles = (state.recentCycle.get(serviceId) ?? []).map((s) => s / 60);
  const prior = history?.meanMinutes ?? standardTotal;
  const priorWeight = history ? HISTORY_WEIGHT : STANDARD_WEIGHT;
  const serviceMinutes = blend([
    [mean(served), served.length],
    [prior, priorWeight],
  ]);
  const cycleMinutes = blend([
    [mean(cycles), cycles.length],
    [serviceMinutes + DEFAULT_WALK_MINUTES, priorWeight],
  ]);
  const todaySd = cycles.length >= MIN_HISTORY_SAMPLES ? sd(cycles, mean(cycles) ?? 0) : null;
  const sdMinutes =
    history && history.sdMinutes > 0 ? history.sdMinutes : (todaySd ?? DEFAULT_SPREAD * cycleMinutes);
  return { serviceMinutes, cycleMinutes, sdMinutes, standards };
}

/** Typical minutes away per pause reason, until today's own pauses say otherwise (DOMAIN.md reasons). */
export const USUAL_PAUSE_MINUTES: Readonly<Record<string, number>> = {
  istirahat: 60,
  sholat: 15,
  sholat_jumat: 90,
  urusan_dinas: 30,
  lainnya: 15,
};

export function usualPauseMinutes(state: QueueState, reason: string): number {
  const today = mean(state.pauseLengths.get(reason) ?? []);
  return today === null ? (USUAL_PAUSE_MINUTES[reason] ?? 15) : today / 60;
}
