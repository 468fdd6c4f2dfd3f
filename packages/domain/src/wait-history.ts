import type { Weekday } from './local-time.ts';
import { weekdayOf } from './report-chain-timing.ts';
import type { EncodedHistogram } from './report-histogram.ts';
import type { DaySummary } from './report-types.ts';

/** Service times (first counter step → finish) of one service over some days, in minutes. */
export interface ServiceTimes {
  readonly count: number;
  readonly meanMinutes: number;
  readonly sdMinutes: number;
}

export interface ServiceHistory {
  readonly all: ServiceTimes;
  /** The same figures for days of one weekday only: Mondays after a weekend are not Thursdays. */
  readonly byWeekday: Partial<Record<Weekday, ServiceTimes>>;
  /** Priority tickets of this service per local hour of the day (24 entries), averaged over the days. */
  readonly priorityPerHour: readonly number[];
  /**
   * How the pace moves through the day: per local hour (24 entries), the mean service time of services started in
   * that hour ÷ the mean over all hours, pulled towards 1 while an hour has few tickets (1 = no difference known).
   */
  readonly hourFactor: readonly number[];
}

/** What the estimator learns from the hall's own closed days (the stored day summaries). */
export interface WaitHistory {
  readonly days: number;
  readonly services: Readonly<Record<string, ServiceHistory>>;
}

export const NO_HISTORY: WaitHistory = { days: 0, services: {} };

class Moments {
  count = 0;
  sum = 0;
  sumSquares = 0;

  addHistogram(encoded: EncodedHistogram): void {
    for (let i = 0; i + 1 < encoded.length; i += 2) {
      const minutes = (encoded[i] ?? 0) / 60;
      const n = encoded[i + 1] ?? 0;
      this.count += n;
      this.sum += minutes * n;
      this.sumSquares += minutes * minutes * n;
    }
  }

  times(): ServiceTimes {
    if (this.count === 0) return { count: 0, meanMinutes: 0, sdMinutes: 0 };
    const mean = this.sum / this.count;
    const variance = Math.max(0, this.sumSquares / this.count - mean * mean);
    return { count: this.count, meanMinutes: mean, sdMinutes: Math.sqrt(variance) };
  }
}

interface Builder {
  readonly all: Moments;
  readonly byWeekday: Map<Weekday, Moments>;
  readonly priorityPerHour: number[];
  /** Count and service seconds per local hour, summed over the days (48 numbers). */
  readonly hours: number[];
}

/**
 * An hour's own mean counts as much as this many tickets of the all-hours mean: one slow afternoon of five
 * tickets should not make every afternoon slow. Heavy-tailed desk times scatter an hour's mean a lot: on the
 * wait-accuracy bench's days (no real hour effect) 20 made the estimate worse by noise (MAE 6.67 → 6.81 min),
 * 60 left it as it was (6.69).
 */
export const HOUR_PRIOR_TICKETS = 60;

function builderOf(builders: Map<string, Builder>, serviceId: string): Builder {
  let found = builders.get(serviceId);
  if (!found) {
    found = {
      all: new Moments(),
      byWeekday: new Map(),
      priorityPerHour: new Array<number>(24).fill(0),
      hours: new Array<number>(48).fill(0),
    };
    builders.set(serviceId, found);
  }
  return found;
}

/** Each hour's mean ÷ the overall mean, shrunk towards 1 by HOUR_PRIOR_TICKETS (see `hourFactor`). */
function hourFactors(hours: readonly number[]): number[] {
  let count = 0;
  let seconds = 0;
  for (let h = 0; h < 24; h++) {
    count += hours[2 * h] ?? 0;
    seconds += hours[2 * h + 1] ?? 0;
  }
  if (count === 0 || seconds === 0) return new Array<number>(24).fill(1);
  const overall = seconds / count;
  return Array.from({ length: 24 }, (_, h) => {
    const n = hours[2 * h] ?? 0;
    const sum = hours[2 * h + 1] ?? 0;
    return (sum + HOUR_PRIOR_TICKETS * overall) / ((n + HOUR_PRIOR_TICKETS) * overall);
  });
}

/**
 * Learns service times per service and weekday, and when priority tickets of each service arrive, from stored day
 * summaries. A summary keeps each service's priority count for the whole day and the hall's arrivals per hour, so
 * a service's priority arrivals per hour are its share of the day spread over the hall's own arrival curve.
 */
export function waitHistoryFrom(days: readonly { day: string; summary: DaySummary }[]): WaitHistory {
  const builders = new Map<string, Builder>();
  for (const { day, summary } of days) {
    const weekday = weekdayOf(day);
    const issuedAll = summary.arrivals.reduce((a, b) => a + b, 0);
    for (const [serviceId, tally] of Object.entries(summary.services)) {
      const builder = builderOf(builders, serviceId);
      builder.all.addHistogram(tally.service);
      let weekdayMoments = builder.byWeekday.get(weekday);
      if (!weekdayMoments) {
        weekdayMoments = new Moments();
        builder.byWeekday.set(weekday, weekdayMoments);
      }
      weekdayMoments.addHistogram(tally.service);
      (summary.serviceHours[serviceId] ?? []).forEach((value, i) => {
        builder.hours[i] = (builder.hours[i] ?? 0) + value;
      });
      if (issuedAll === 0 || tally.priority === 0) continue;
      const share = tally.priority / issuedAll;
      summary.arrivals.forEach((arrivals, hour) => {
        builder.priorityPerHour[hour] =
          (builder.priorityPerHour[hour] ?? 0) + (share * arrivals) / days.length;
      });
    }
  }
  const services: Record<string, ServiceHistory> = {};
  for (const [serviceId, builder] of builders) {
    const byWeekday: Partial<Record<Weekday, ServiceTimes>> = {};
    for (const [weekday, moments] of builder.byWeekday) byWeekday[weekday] = moments.times();
    services[serviceId] = {
      all: builder.all.times(),
      byWeekday,
      priorityPerHour: builder.priorityPerHour,
      hourFactor: hourFactors(builder.hours),
    };
  }
  return { days: days.length, services };
}
