import type { ComplaintCategory, ComplaintChannel, ComplaintFacts, ComplaintStatus } from '@giliran/domain';
import type { ComplaintListQuery } from '@giliran/protocol';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

export interface ComplaintRow {
  id: string;
  code: string;
  register_year: number;
  register_seq: number;
  channel: ComplaintChannel;
  channel_ref: string | null;
  name: string;
  occupation: string | null;
  address: string | null;
  contact: string | null;
  text: string;
  agency_id: string | null;
  ticket_ref: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  category: ComplaintCategory;
  status: ComplaintStatus;
  received_at: string;
  received_by: string;
  deadline_at: string;
  deadline_day: string | null;
  answer: string | null;
  answer_channel: ComplaintChannel | null;
  answered_at: string | null;
  answered_by: string | null;
  late_compensation_id: string | null;
}

export interface HistoryRow {
  at: string;
  actor: string;
  kind: 'received' | 'status' | 'category' | 'late';
  status: ComplaintStatus;
  category: ComplaintCategory | null;
  note: string | null;
}

/** What the register's pure rules need of a row. */
export function factsOf(row: ComplaintRow): ComplaintFacts {
  return {
    id: row.id,
    status: row.status,
    channel: row.channel,
    receivedAt: row.received_at,
    category: row.category,
    deadlineAt: row.deadline_at,
    deadlineDay: row.deadline_day,
    lateCompensationId: row.late_compensation_id,
  };
}

const AWAITING = "status IN ('received', 'verified', 'in_follow_up')";
/**
 * Owed an answer and able to raise complaint_late (an officer's sanction): a filing from the public form counts
 * once MOD has verified it. Until then it may be spam: a script's flood of filings sanctions nobody, and MOD marks
 * it `spam`, which stops its clock. A verified one past its deadline is raised at once.
 */
const RAISES_LATE =
  "(status IN ('verified', 'in_follow_up') OR (status = 'received' AND channel <> 'website'))";

/** Marked by MOD as no complaint at all: out of the register's counts unless asked for by its status. */
const NOT_SPAM = "status <> 'spam'";

/** The register's rows and their history, as the log's projection wrote them (db/record-projection.ts). */
export class ComplaintStore {
  constructor(private readonly db: Db) {}

  byId(id: string): ComplaintRow | undefined {
    return sql(this.db, 'SELECT * FROM complaints WHERE id = ?').get(id) as ComplaintRow | undefined;
  }

  byCode(code: string): ComplaintRow | undefined {
    return sql(this.db, 'SELECT * FROM complaints WHERE code = ?').get(code) as ComplaintRow | undefined;
  }

  history(id: string): HistoryRow[] {
    return sql(
      this.db,
      'SELECT at, actor, kind, status, category, note FROM complaint_history WHERE complaint_id = ? ORDER BY id',
    ).all(id) as HistoryRow[];
  }

  /** The newest first; `late` is decided against `now` because an unanswered complaint turns late by itself. */
  list(query: ComplaintListQuery, now: string, limit = 500): ComplaintRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.status === 'open') where.push(AWAITING);
    else if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    } else where.push(NOT_SPAM); // the register and its counts are complaints; spam is seen by asking for it
    for (const [column, value] of [
      ['category', query.category],
      ['channel', query.channel],
      ['agency_id', query.agencyId],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    if (query.late !== undefined) {
      const late = `(answered_at >= deadline_at OR (answered_at IS NULL AND ${AWAITING} AND deadline_at <= ?))`;
      where.push(query.late === 'true' ? late : `NOT ${late}`);
      params.push(now);
    }
    if (query.q) {
      where.push(
        "(code LIKE ? ESCAPE '\\' OR (register_year || '/' || printf('%04d', register_seq)) LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')",
      );
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like, like);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // Built from fixed fragments only (values are bound), so the statement cache stays small.
    return sql(this.db, `SELECT * FROM complaints ${clause} ORDER BY received_at DESC, id LIMIT ?`).all(
      ...params,
      limit,
    ) as ComplaintRow[];
  }

  /** Complaints still owed an answer whose compensation is not raised yet: their deadlines may still move. */
  awaiting(): ComplaintRow[] {
    return sql(
      this.db,
      `SELECT * FROM complaints WHERE late_compensation_id IS NULL AND ${AWAITING} ORDER BY deadline_at`,
    ).all() as ComplaintRow[];
  }

  /** Unanswered at or past their deadline and not yet compensated (the partial index answers this). */
  dueBy(now: string): ComplaintRow[] {
    return sql(
      this.db,
      `SELECT * FROM complaints WHERE late_compensation_id IS NULL AND ${RAISES_LATE} AND deadline_at <= ?
       ORDER BY deadline_at`,
    ).all(now) as ComplaintRow[];
  }

  nextDeadlineAfter(now: string): string | null {
    const row = sql(
      this.db,
      `SELECT MIN(deadline_at) AS next FROM complaints
       WHERE late_compensation_id IS NULL AND ${RAISES_LATE} AND deadline_at > ?`,
    ).get(now) as { next: string | null };
    return row.next;
  }

  /** A ticket by the code of its QR, or by its number on the most recent day within `fromDay`…`toDay`. */
  findTicket(
    reference: { code: string } | { number: string; fromDay: string; toDay: string },
  ): { id: string; number: string } | undefined {
    if ('code' in reference) {
      return sql(this.db, 'SELECT id, number FROM tickets WHERE code = ?').get(reference.code) as
        { id: string; number: string } | undefined;
    }
    return sql(
      this.db,
      `SELECT id, number FROM tickets WHERE service_day BETWEEN ? AND ? AND number = ?
       ORDER BY service_day DESC LIMIT 1`,
    ).get(reference.fromDay, reference.toDay, reference.number) as { id: string; number: string } | undefined;
  }

  /** The year's last register number (0 before its first complaint). */
  lastRegisterSeq(year: number): number {
    const row = sql(this.db, 'SELECT MAX(register_seq) AS seq FROM complaints WHERE register_year = ?').get(
      year,
    ) as {
      seq: number | null;
    };
    return row.seq ?? 0;
  }
}
