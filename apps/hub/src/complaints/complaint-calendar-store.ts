import {
  DEFAULT_COMPLAINT_DEADLINES,
  type ComplaintCategory,
  type ComplaintDeadlineRule,
  type ComplaintDeadlineRules,
  type Holiday,
  type HolidayDates,
  withFixedHolidays,
} from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

/** The holiday calendar and the categories' deadline rules: small tables, read whole. */
export class ComplaintCalendarStore {
  constructor(private readonly db: Db) {}

  holidays(year?: number): Holiday[] {
    if (year === undefined) {
      return sql(this.db, 'SELECT date, kind, name FROM holidays ORDER BY date').all() as Holiday[];
    }
    return sql(this.db, 'SELECT date, kind, name FROM holidays WHERE date LIKE ? ORDER BY date').all(
      `${year}-%`,
    ) as Holiday[];
  }

  /** The entered holidays and, for every year, the fixed-date national ones (fixed-holidays.ts). */
  holidayDates(): HolidayDates {
    return withFixedHolidays(this.holidays().map((h) => h.date));
  }

  rules(): ComplaintDeadlineRules {
    const rows = sql(this.db, 'SELECT category, unit, amount FROM complaint_categories').all() as {
      category: ComplaintCategory;
      unit: 'hours' | 'working_days';
      amount: number;
    }[];
    // The defaults stand for any category a row is missing for.
    const rules: Record<ComplaintCategory, ComplaintDeadlineRule> = { ...DEFAULT_COMPLAINT_DEADLINES };
    for (const r of rows) rules[r.category] = { unit: r.unit, amount: r.amount };
    return rules;
  }
}
