import type { QueueEvent, QuoteChannel, WaitQuoted } from './events.ts';
import { serviceDayOf } from './local-time.ts';

/** A promise and what happened: the ticket was called `actualMinutes` after the wait was quoted. */
export interface JudgedQuote {
  readonly ticketId: string;
  readonly serviceId: string;
  readonly day: string;
  readonly channel: QuoteChannel;
  readonly minutes: number;
  readonly naiveMinutes: number | null;
  readonly actualMinutes: number;
}

/** How right a set of promises was. Errors are quoted − actual, in minutes: negative is too hopeful. */
export interface AccuracyFigures {
  readonly tickets: number;
  /** Mean absolute error. */
  readonly mae: number | null;
  /** Median and 90th percentile of the absolute error. */
  readonly medianError: number | null;
  readonly p90Error: number | null;
  /** Mean squared error, minutes²: what "30 % lower than naive" is measured on. */
  readonly mse: number | null;
  /** Share (0–1) within ±max(5 min, 25 % of the actual wait). */
  readonly withinTolerance: number | null;
  /** Mean signed error: below 0 the promises were too hopeful, above 0 too gloomy. */
  readonly bias: number | null;
}

export const TOLERANCE_MINUTES = 5;
export const TOLERANCE_SHARE = 0.25;

export function withinTolerance(quoted: number, actual: number): boolean {
  return Math.abs(quoted - actual) <= Math.max(TOLERANCE_MINUTES, TOLERANCE_SHARE * actual);
}

/** Nearest-rank percentile of sorted values, as the report's histograms read theirs. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p * sorted.length) / 100)));
  return sorted[rank - 1] ?? null;
}

export function accuracyOf(pairs: readonly { quoted: number; actual: number }[]): AccuracyFigures {
  const n = pairs.length;
  if (n === 0)
    return {
      tickets: 0,
      mae: null,
      medianError: null,
      p90Error: null,
      mse: null,
      withinTolerance: null,
      bias: null,
    };
  const errors = pairs.map((p) => p.quoted - p.actual);
  const absolute = errors.map(Math.abs).sort((a, b) => a - b);
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    tickets: n,
    mae: sum(absolute) / n,
    medianError: percentile(absolute, 50),
    p90Error: percentile(absolute, 90),
    mse: sum(errors.map((e) => e * e)) / n,
    withinTolerance: pairs.filter((p) => withinTolerance(p.quoted, p.actual)).length / n,
    bias: sum(errors) / n,
  };
}

/** Figures of one service on one day (or of everything, `serviceId`/`day` null), the estimator beside naive. */
export interface AccuracyRow {
  readonly serviceId: string | null;
  readonly day: string | null;
  readonly estimator: AccuracyFigures;
  readonly naive: AccuracyFigures;
  /** Promises judged where the naive estimate showed nothing (every counter paused): left out of both columns. */
  readonly naiveSilent: number;
}

function rowOf(serviceId: string | null, day: string | null, quotes: readonly JudgedQuote[]): AccuracyRow {
  const both = quotes.filter((q) => q.naiveMinutes !== null);
  return {
    serviceId,
    day,
    estimator: accuracyOf(both.map((q) => ({ quoted: q.minutes, actual: q.actualMinutes }))),
    naive: accuracyOf(both.map((q) => ({ quoted: q.naiveMinutes ?? 0, actual: q.actualMinutes }))),
    naiveSilent: quotes.length - both.length,
  };
}

function groupBy(
  quotes: readonly JudgedQuote[],
  key: (q: JudgedQuote) => string,
): Map<string, JudgedQuote[]> {
  const groups = new Map<string, JudgedQuote[]>();
  for (const q of quotes) {
    const k = key(q);
    const list = groups.get(k);
    if (list) list.push(q);
    else groups.set(k, [q]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface AccuracyReport {
  /** Per service and day, by day then service. */
  readonly rows: AccuracyRow[];
  /** Per service over the whole range. */
  readonly services: AccuracyRow[];
  readonly total: AccuracyRow;
}

/** What the wait-accuracy report shows: per service and day, per service, and the total. */
export function accuracyReport(quotes: readonly JudgedQuote[]): AccuracyReport {
  const rows = [...groupBy(quotes, (q) => `${q.day}\u0000${q.serviceId}`)].map(([key, list]) => {
    const [day = '', serviceId = ''] = key.split('\u0000');
    return rowOf(serviceId, day, list);
  });
  const services = [...groupBy(quotes, (q) => q.serviceId)].map(([serviceId, list]) =>
    rowOf(serviceId, null, list),
  );
  return { rows, services, total: rowOf(null, null, quotes) };
}

/**
 * Pairs each logged promise with the ticket's next call. Events in log order; promises of tickets never called
 * (cancelled, still waiting, the day closed) have no actual wait and are left out.
 */
export function judgeQuotes(
  events: Iterable<QueueEvent>,
  timeZone: string,
  channel: QuoteChannel | null = 'issue',
): JudgedQuote[] {
  const pending = new Map<string, WaitQuoted[]>();
  const judged: JudgedQuote[] = [];
  for (const event of events) {
    if (event.type === 'ticket:wait-quoted') {
      if (event.minutes === null || (channel !== null && event.channel !== channel)) continue;
      const list = pending.get(event.ticketId);
      if (list) list.push(event);
      else pending.set(event.ticketId, [event]);
    } else if (event.type === 'ticket:called') {
      const calledMs = Date.parse(event.at);
      for (const quote of pending.get(event.ticketId) ?? []) {
        judged.push({
          ticketId: quote.ticketId,
          serviceId: quote.serviceId,
          day: serviceDayOf(quote.at, timeZone),
          channel: quote.channel,
          minutes: quote.minutes ?? 0,
          naiveMinutes: quote.naiveMinutes,
          actualMinutes: Math.max(0, (calledMs - Date.parse(quote.at)) / 60_000),
        });
      }
      pending.delete(event.ticketId);
    }
  }
  return judged;
}
