import {
  awaitsAnswer,
  complaintDeadline,
  type ComplaintCategory,
  type ComplaintDeadline,
} from '@giliran/domain';
import {
  ComplaintCategoriesRequest,
  HolidaysRequest,
  type CalendarYearsView,
  type ComplaintCategoryRule,
  type HolidayView,
} from '@giliran/protocol';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { CalendarYears } from './calendar-years.ts';
import { ComplaintCalendarStore } from './complaint-calendar-store.ts';
import { parse } from './parse.ts';
import type { ComplaintRow, ComplaintStore } from './complaint-store.ts';

export interface CalendarDeps {
  readonly db: Db;
  readonly complaints: ComplaintStore;
  readonly timeZone: string;
  readonly now: () => string;
  /** Deadlines moved: tell the staff screens, and raise any that is now past. */
  readonly onMoved: (rows: readonly ComplaintRow[], at: string) => void;
}

/** The holiday calendar and the categories' rules: what every deadline is computed from. */
export class ComplaintCalendar {
  private readonly store: ComplaintCalendarStore;

  /** Which years' calendars are confirmed: a deadline counted through another is provisional. */
  readonly years: CalendarYears;

  constructor(private readonly deps: CalendarDeps) {
    this.store = new ComplaintCalendarStore(deps.db);
    this.years = new CalendarYears(deps.db, deps.timeZone);
  }

  /** A complaint's deadline counted through a year whose calendar is not confirmed (answered ones never are). */
  isProvisional(row: ComplaintRow): boolean {
    return awaitsAnswer(row.status) && this.years.isProvisional(row.received_at, row.deadline_at);
  }

  yearsView(today: string): CalendarYearsView {
    const thisYear = Number(today.slice(0, 4));
    return {
      years: [thisYear, thisYear + 1].map((year) => ({
        ...this.years.status(year),
        entered: this.store.holidays(year).length,
      })),
      missingYear: this.years.missingNextYear(today),
    };
  }

  /**
   * MOD or admin confirm that a year's holidays and cuti bersama are entered as the SKB publishes them: deadlines
   * counted through it are counted again and are no longer provisional, and the staff screens hear of them.
   */
  confirmYear(actor: Actor, year: number, today: string): CalendarYearsView {
    this.years.confirm(year, actor.id, this.deps.now());
    this.recomputeDeadlines();
    const touched = this.deps.complaints
      .awaiting()
      .filter(
        (row) => row.deadline_at.slice(0, 4) >= String(year) && row.received_at.slice(0, 4) <= String(year),
      );
    this.deps.onMoved(touched, this.deps.now());
    return this.yearsView(today);
  }

  deadlineOf(receivedAt: string, category: ComplaintCategory): ComplaintDeadline {
    return complaintDeadline(
      receivedAt,
      this.store.rules()[category],
      this.deps.timeZone,
      this.store.holidayDates(),
    );
  }

  holidays(year: number | undefined): HolidayView[] {
    return this.store.holidays(year);
  }

  setHolidays(actor: Actor, body: unknown): HolidayView[] {
    const request = parse(HolidaysRequest, body);
    this.store.replaceYear(request.year, request.holidays, actor.id, this.deps.now());
    this.recomputeDeadlines();
    return this.store.holidays(request.year);
  }

  categories(): ComplaintCategoryRule[] {
    return Object.entries(this.store.rules()).map(([category, rule]) => ({
      category: category as ComplaintCategory,
      ...rule,
    }));
  }

  setCategories(body: unknown): ComplaintCategoryRule[] {
    this.store.replaceRules(parse(ComplaintCategoriesRequest, body).categories);
    this.recomputeDeadlines();
    return this.categories();
  }

  /**
   * A new calendar or rule moves the deadlines of complaints still owed an answer and not yet compensated: a
   * cuti bersama declared late in the year gives them the day. A deadline already missed stays missed.
   */
  private recomputeDeadlines(): void {
    const rules = this.store.rules();
    const holidays = this.store.holidayDates();
    const moved = this.deps.complaints
      .awaiting()
      .map((row) => ({
        row,
        next: complaintDeadline(row.received_at, rules[row.category], this.deps.timeZone, holidays),
      }))
      .filter(({ row, next }) => next.deadlineAt !== row.deadline_at);
    this.deps.complaints.setDeadlines(moved.map(({ row, next }) => ({ id: row.id, ...next })));
    this.deps.onMoved(
      moved.map(({ row }) => row),
      this.deps.now(),
    );
  }
}
