import type { TimingView } from '../wire.ts';

export type AlertKind = 'step-late' | 'soon-late' | 'compensation' | 'hub' | 'print-failed' | 'warning';

export interface LiveAlert {
  /** One alert per happening: the same ticket, step and deadline never alert twice. */
  readonly key: string;
  readonly kind: AlertKind;
  /** Hub clock, ms. */
  readonly at: number;
  readonly number: string | null;
  readonly counterId: string | null;
  readonly step: number | null;
  /** For `soon-late`: whole minutes left, rounded up. */
  readonly minutesLeft: number | null;
  readonly text: string | null;
  /** The English of `text` when the hub gives both (standing warnings). */
  readonly textEn?: string;
}

/** A waiting ticket is announced this long before it becomes owed late-service compensation. */
export const SOON_LATE_MS = 2 * 60_000;

/** The timing as it stands at `hubNow`: counted from the stage's start, never less than the hub reported. */
export function elapsedNow(timing: TimingView, hubNow: number): number {
  return Math.max(timing.elapsedSeconds, Math.floor((hubNow - Date.parse(timing.since)) / 1000));
}

/**
 * The alerts the MOD has not seen yet: a step that has just run past its standard, and a waiting ticket about to
 * become late ("A012 akan terlambat dalam 2 menit"). Pure: the caller keeps `seen` and the clock.
 */
export function detectAlerts(
  timings: readonly TimingView[],
  hubNow: number,
  seen: ReadonlySet<string>,
): LiveAlert[] {
  const found: LiveAlert[] = [];
  for (const t of timings) {
    const base = { at: hubNow, number: t.number, counterId: t.counterId, text: null };
    if (t.phase === 'serving' && elapsedNow(t, hubNow) > t.standardSeconds) {
      const key = `step-late:${t.ticketId}:${String(t.step)}`;
      if (!seen.has(key)) found.push({ ...base, key, kind: 'step-late', step: t.step, minutesLeft: null });
    }
    if (t.phase === 'waiting' && t.compensationDueAt !== null) {
      const left = Date.parse(t.compensationDueAt) - hubNow;
      const key = `soon-late:${t.ticketId}:${t.compensationDueAt}`;
      if (left > 0 && left <= SOON_LATE_MS && !seen.has(key))
        found.push({ ...base, key, kind: 'soon-late', step: null, minutesLeft: Math.ceil(left / 60_000) });
    }
  }
  return found;
}
