import {
  awaitsAnswer,
  decideDeadlineMoves,
  deadlineOn,
  holidaysWithYear,
  type ComplaintCalendarState,
  type ComplaintCategory,
  type ComplaintDeadline,
  type RecordEvent,
} from '@giliran/domain';
import {
  ComplaintCategoriesRequest,
  HolidaysRequest,
  type CalendarYearsView,
  type ComplaintCategoryRule,
  type HolidayView,
} from '@giliran/protocol';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { ADMINS, MANAGERS } from '../auth/roles.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { Db } from '../db/database.ts';
import { CalendarYears } from './calendar-years.ts';
import { ComplaintCalendarStore } from './complaint-calendar-store.ts';
import { factsOf, type ComplaintRow, type ComplaintStore } from './complaint-store.ts';

/** The year of `POST /api/calendar/years/:year/confirm`, as the bus checks it (the route checks its window). */
const ConfirmYear = z.strictObject({ year: z.number().int() });

export interface CalendarDeps {
  readonly db: Db;
  readonly bus: CommandBus;
  readonly complaints: ComplaintStore;
  readonly timeZone: string;
  /** Deadlines moved: raise any that is now past. */
  readonly onMoved: () => void;
}

/**
 * The holiday calendar and the categories' rules: what every deadline is computed from. A change is one command
 * whose events are the new calendar and every deadline it moves (a cuti bersama declared late in the year gives
 * the complaints still owed an answer the day; a deadline already missed stays missed).
 */
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
   * MOD or admin confirm that a year's holidays and cuti bersama are entered as the SKB publishes them: one
   * command whose events are the confirmation and any deadline counted again. Deadlines through that year are no
   * longer provisional, and the staff screens hear of them (hub.ts, on `calendar:year-confirmed`).
   */
  confirmYear(actor: Actor, year: number, today: string, key?: string): Promise<CalendarYearsView> {
    return this.deps.bus.record(
      actor,
      {
        name: 'calendar:confirm-year',
        allowed: (a) => MANAGERS.includes(a.role),
        schema: ConfirmYear,
        decide: (request, ctx) => {
          const confirmed: RecordEvent = { type: 'calendar:year-confirmed', ...ctx.by, year: request.year };
          return { events: [confirmed, ...this.moves(this.state(), ctx.now)], ref: String(request.year) };
        },
        sameTarget: (request, ref) => ref === String(request.year),
        applied: () => {
          this.deps.onMoved();
        },
        answer: () => this.yearsView(today),
      },
      { year },
      key,
    );
  }

  /** Complaints still owed an answer whose deadline is counted through `year`: what its confirmation changes. */
  touchedBy(year: number): ComplaintRow[] {
    const y = String(year);
    return this.deps.complaints
      .awaiting()
      .filter((row) => row.deadline_at.slice(0, 4) >= y && row.received_at.slice(0, 4) <= y);
  }

  state(): ComplaintCalendarState {
    return {
      rules: this.store.rules(),
      holidayDates: this.store.holidayDates(),
      timeZone: this.deps.timeZone,
    };
  }

  deadlineOf(receivedAt: string, category: ComplaintCategory): ComplaintDeadline {
    return deadlineOn(this.state(), receivedAt, category);
  }

  holidays(year: number | undefined): HolidayView[] {
    return this.store.holidays(year);
  }

  setHolidays(actor: Actor, body: unknown): Promise<HolidayView[]> {
    return this.deps.bus.record(
      actor,
      {
        name: 'calendar:holidays',
        allowed: (a) => MANAGERS.includes(a.role),
        schema: HolidaysRequest,
        decide: (request, ctx) => {
          const calendar = {
            ...this.state(),
            holidayDates: holidaysWithYear(this.store.holidays(), request.year, request.holidays),
          };
          const replaced: RecordEvent = {
            type: 'calendar:holidays-replaced',
            ...ctx.by,
            year: request.year,
            holidays: request.holidays,
          };
          return { events: [replaced, ...this.moves(calendar, ctx.now)], ref: String(request.year) };
        },
        applied: () => {
          this.deps.onMoved();
        },
        answer: (ref) => this.store.holidays(Number(ref)),
      },
      body,
    );
  }

  categories(): ComplaintCategoryRule[] {
    return Object.entries(this.store.rules()).map(([category, rule]) => ({
      category: category as ComplaintCategory,
      ...rule,
    }));
  }

  setCategories(actor: Actor, body: unknown): Promise<ComplaintCategoryRule[]> {
    return this.deps.bus.record(
      actor,
      {
        name: 'calendar:rules',
        allowed: (a) => ADMINS.includes(a.role),
        schema: ComplaintCategoriesRequest,
        decide: (request, ctx) => {
          const rules = { ...this.store.rules() };
          for (const r of request.categories) rules[r.category] = { unit: r.unit, amount: r.amount };
          const replaced: RecordEvent = {
            type: 'calendar:rules-replaced',
            ...ctx.by,
            rules: request.categories,
          };
          return { events: [replaced, ...this.moves({ ...this.state(), rules }, ctx.now)], ref: '' };
        },
        applied: () => {
          this.deps.onMoved();
        },
        answer: () => this.categories(),
      },
      body,
    );
  }

  private moves(calendar: ComplaintCalendarState, at: string): RecordEvent[] {
    return decideDeadlineMoves(this.deps.complaints.awaiting().map(factsOf), calendar, at);
  }
}
