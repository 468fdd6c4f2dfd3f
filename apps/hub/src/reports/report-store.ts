import {
  REPORT_SUMMARY_VERSION,
  type CompensationCount,
  type CompensationKind,
  type DaySummary,
  type FinishOutcome,
  type PriorityCategory,
  type ReportTicket,
  type StepRecord,
  type TicketStatus,
  type TicketTransfer,
} from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { decodeDay, encodeDay } from './report-codec.ts';

interface ReportTicketRow {
  service_id: string;
  priority: string | null;
  status: string;
  outcome: string | null;
  counter_id: string | null;
  issued_at: string;
  first_called_at: string | null;
  called_at: string | null;
  finished_at: string | null;
  late_tier: number;
  steps: string;
  served_by: string | null;
  transfers: string | null;
}

// The read model is written only by the hub from validated events, so its text columns hold the domain's values.
function toReportTicket(row: ReportTicketRow): ReportTicket {
  return {
    serviceId: row.service_id,
    priority: row.priority as PriorityCategory | null,
    status: row.status as TicketStatus,
    outcome: row.outcome as FinishOutcome | null,
    counterId: row.counter_id,
    issuedAt: row.issued_at,
    firstCalledAt: row.first_called_at,
    calledAt: row.called_at,
    finishedAt: row.finished_at,
    lateTier: row.late_tier,
    steps: JSON.parse(row.steps) as StepRecord[],
    servedBy: row.served_by,
    transfers: row.transfers === null ? [] : (JSON.parse(row.transfers) as TicketTransfer[]),
  };
}

export interface StoredDay {
  readonly day: string;
  readonly summary: DaySummary;
}

/** What reports read from SQLite, and the per-day summaries they keep there. */
export class ReportStore {
  constructor(private readonly db: Db) {}

  /** The day's tickets, only the columns a report uses (the `(service_day, number)` index finds them). */
  ticketsOfDay(day: string): ReportTicket[] {
    const rows = sql(
      this.db,
      `SELECT service_id, priority, status, outcome, counter_id, issued_at, first_called_at, called_at,
         finished_at, late_tier, steps, served_by, transfers
       FROM tickets WHERE service_day = ?`,
    ).all(day) as ReportTicketRow[];
    return rows.map(toReportTicket);
  }

  /** The first service day on file, where the history of summaries starts. */
  firstDay(): string | null {
    const row = sql(this.db, 'SELECT MIN(service_day) AS day FROM tickets').get() as { day: string | null };
    return row.day;
  }

  /** Which days in the range have a stored summary of the current format (without reading them). */
  storedDayKeys(from: string, to: string): Set<string> {
    const rows = sql(
      this.db,
      'SELECT service_day FROM report_days WHERE service_day BETWEEN ? AND ? AND version = ?',
    ).all(from, to, REPORT_SUMMARY_VERSION) as { service_day: string }[];
    return new Set(rows.map((r) => r.service_day));
  }

  /** Stored summaries of the current format for days in the range. */
  storedDays(from: string, to: string): StoredDay[] {
    const rows = sql(
      this.db,
      `SELECT service_day, counts, histograms FROM report_days
       WHERE service_day BETWEEN ? AND ? AND version = ?`,
    ).all(from, to, REPORT_SUMMARY_VERSION) as { service_day: string; counts: string; histograms: Buffer }[];
    return rows.map((r) => ({ day: r.service_day, summary: decodeDay(r.counts, r.histograms) }));
  }

  /** Keeps summaries of closed days, all in one transaction (one fsync). */
  saveDays(days: readonly StoredDay[], computedAt: string): void {
    const insert = sql(
      this.db,
      `INSERT INTO report_days (service_day, version, computed_at, counts, histograms) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (service_day) DO UPDATE SET version = excluded.version, computed_at = excluded.computed_at,
         counts = excluded.counts, histograms = excluded.histograms`,
    );
    this.db.transaction(() => {
      for (const { day, summary } of days) {
        const encoded = encodeDay(summary);
        insert.run(day, REPORT_SUMMARY_VERSION, computedAt, encoded.counts, encoded.histograms);
      }
    })();
  }

  /** Compensations raised in the range by kind, with how many are resolved by now (always read fresh). */
  compensationCounts(from: string, to: string): CompensationCount[] {
    const rows = sql(
      this.db,
      `SELECT kind, COUNT(*) AS raised, COUNT(resolved_at) AS resolved FROM compensations
       WHERE service_day BETWEEN ? AND ? GROUP BY kind`,
    ).all(from, to) as { kind: string; raised: number; resolved: number }[];
    return rows.map((r) => ({ kind: r.kind as CompensationKind, raised: r.raised, resolved: r.resolved }));
  }

  /** Display names of accounts, for the officer rows. */
  accountNames(): Map<string, string> {
    const rows = sql(this.db, 'SELECT username, name FROM accounts').all() as {
      username: string;
      name: string;
    }[];
    return new Map(rows.map((r) => [r.username, r.name]));
  }
}
