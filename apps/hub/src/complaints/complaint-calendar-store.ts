import {
  DEFAULT_COMPLAINT_DEADLINES,
  type ComplaintCategory,
  type ComplaintDeadlineRule,
  type ComplaintDeadlineRules,
  isFixedHoliday,
  type Holiday,
  type HolidayDates,
} from '@giliran/domain';
import type { ComplaintCategoryRule } from '@giliran/protocol';
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
    const dates = new Set(this.holidays().map((h) => h.date));
    return { has: (date: string) => dates.has(date) || isFixedHoliday(date) };
  }

  /** One year's list replaces what that year had; other years stay as they are. */
  replaceYear(year: number, holidays: readonly Holiday[], by: string, at: string): void {
    this.db.transaction(() => {
      sql(this.db, 'DELETE FROM holidays WHERE date LIKE ?').run(`${year}-%`);
      const insert = sql(
        this.db,
        'INSERT INTO holidays (date, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)',
      );
      for (const h of holidays) insert.run(h.date, h.kind, h.name, at, by);
    })();
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

  replaceRules(rules: readonly ComplaintCategoryRule[]): void {
    const update = sql(this.db, 'UPDATE complaint_categories SET unit = ?, amount = ? WHERE category = ?');
    this.db.transaction(() => {
      for (const r of rules) update.run(r.unit, r.amount, r.category);
    })();
  }
}
