// Date ranges of the site's calendar, as `YYYY-MM-DD` labels: UTC arithmetic on labels never crosses a zone.
const DAY_MS = 86_400_000;

export const MAX_REPORT_DAYS = 366;

export type Preset = 'today' | 'yesterday' | 'week' | 'month';
export const PRESETS: readonly Preset[] = ['today', 'yesterday', 'week', 'month'];

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysIn(range: DateRange): number {
  return (
    Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / DAY_MS) + 1
  );
}

/** A preset counted back from the hub's today (not the PC's: its clock or zone may be off). */
export function presetRange(preset: Preset, today: string): DateRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: shiftDate(today, -1), to: shiftDate(today, -1) };
    case 'week':
      return { from: shiftDate(today, -6), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

export type RangeProblem = 'rangeBackwards' | 'rangeTooLong' | null;

/** Checked before asking the hub, which would refuse the same with a 400. */
export function rangeProblem(range: DateRange): RangeProblem {
  if (range.to < range.from) return 'rangeBackwards';
  return daysIn(range) > MAX_REPORT_DAYS ? 'rangeTooLong' : null;
}

export function reportQuery(range: DateRange): string {
  return `from=${range.from}&to=${range.to}`;
}
