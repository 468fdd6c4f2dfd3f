import { localTime, yearsBetween } from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { confirmedYearKey, SettingsStore } from '../db/settings-store.ts';

/** 2026 was seeded from its SKB (schema v6): confirmed from the start. */
const SEEDED_YEARS: readonly number[] = [2026];
/** From 1 October MOD and admin are reminded to enter next year's SKB: it is usually signed in September. */
export const WARNING_FROM = '10-01';

export interface YearStatus {
  readonly year: number;
  readonly confirmed: boolean;
  readonly confirmedAt: string | null;
  readonly confirmedBy: string | null;
}

/**
 * Which years' holiday calendars MOD or admin have confirmed as the published SKB (holidays and cuti bersama); a
 * confirmation is a `calendar:year-confirmed` event, projected into `settings`. A deadline counted through a year
 * not yet confirmed knows only that year's fixed-date holidays: it is provisional, and is counted again when the
 * year is confirmed.
 */
export class CalendarYears {
  private readonly settings: SettingsStore;

  constructor(
    db: Db,
    private readonly timeZone: string,
  ) {
    this.settings = new SettingsStore(db);
  }

  status(year: number): YearStatus {
    const stored = this.settings.get(confirmedYearKey(year));
    if (stored === undefined)
      return { year, confirmed: SEEDED_YEARS.includes(year), confirmedAt: null, confirmedBy: null };
    const { at, by } = JSON.parse(stored) as { at: string; by: string };
    return { year, confirmed: true, confirmedAt: at, confirmedBy: by };
  }

  /** A deadline from receipt to its end touches a year whose calendar is not confirmed. */
  isProvisional(receivedAt: string, deadlineAt: string): boolean {
    const from = localTime(receivedAt, this.timeZone).date;
    const to = localTime(deadlineAt, this.timeZone).date;
    return yearsBetween(from, to).some((year) => !this.status(year).confirmed);
  }

  /** From 1 October: next year, when its calendar is not confirmed yet; otherwise null. */
  missingNextYear(today: string): number | null {
    const next = Number(today.slice(0, 4)) + 1;
    return today.slice(5) >= WARNING_FROM && !this.status(next).confirmed ? next : null;
  }
}
