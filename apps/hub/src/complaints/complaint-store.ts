import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '@giliran/domain';
import type { ComplaintListQuery } from '@giliran/protocol';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { HubError } from '../hub-error.ts';

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

export type NewComplaint = Omit<
  ComplaintRow,
  | 'register_seq'
  | 'status'
  | 'answer'
  | 'answer_channel'
  | 'answered_at'
  | 'answered_by'
  | 'late_compensation_id'
>;

export interface HistoryRow {
  at: string;
  actor: string;
  kind: 'received' | 'status' | 'category' | 'late';
  status: ComplaintStatus;
  category: ComplaintCategory | null;
  note: string | null;
}

/** An idempotency key to commit with the write: a retried request then gets the same complaint back. */
export interface Replay {
  readonly actor: string;
  readonly key: string;
  readonly command: string;
}

const AWAITING = "status IN ('received', 'verified', 'in_follow_up')";
/**
 * Owed an answer and able to raise complaint_late (an officer's sanction): a filing from the public form counts
 * once MOD has verified it. Until then it may be spam: a script's flood of filings sanctions nobody, and MOD closes
 * spam unanswered with its reason, which stops its clock. A verified one past its deadline is raised at once.
 */
const RAISES_LATE =
  "(status IN ('verified', 'in_follow_up') OR (status = 'received' AND channel <> 'website'))";

/** The register's rows and their history. Every write is one transaction, fsynced before the hub answers. */
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
    }
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

  /** The id an earlier request with this key produced; a key used for another command is a conflict. */
  replayOf(actor: string, key: string, command: string): string | null {
    const row = sql(this.db, 'SELECT command, result_ref FROM idempotency WHERE actor = ? AND key = ?').get(
      actor,
      key,
    ) as { command: string; result_ref: string | null } | undefined;
    if (!row) return null;
    if (row.command !== command || row.result_ref === null) throw new HubError('IDEMPOTENCY_CONFLICT');
    return row.result_ref;
  }

  /** Files a complaint with the next register number of its year and its first history entry. */
  insert(complaint: NewComplaint, replay: Replay | null): ComplaintRow {
    return this.db.transaction(() => {
      const { seq } = sql(
        this.db,
        'SELECT COALESCE(MAX(register_seq), 0) + 1 AS seq FROM complaints WHERE register_year = ?',
      ).get(complaint.register_year) as { seq: number };
      sql(
        this.db,
        `INSERT INTO complaints (id, code, register_year, register_seq, channel, channel_ref, name, occupation,
           address, contact, text, agency_id, ticket_ref, ticket_id, ticket_number, category, status, received_at,
           received_by, deadline_at, deadline_day)
         VALUES (@id, @code, @register_year, @seq, @channel, @channel_ref, @name, @occupation, @address, @contact,
           @text, @agency_id, @ticket_ref, @ticket_id, @ticket_number, @category, 'received', @received_at,
           @received_by, @deadline_at, @deadline_day)`,
      ).run({ ...complaint, seq });
      this.appendHistory(complaint.id, {
        at: complaint.received_at,
        actor: complaint.received_by,
        kind: 'received',
        status: 'received',
        category: complaint.category,
        note: null,
      });
      this.remember(replay, complaint.id, complaint.received_at);
      return this.byId(complaint.id) as ComplaintRow;
    })();
  }

  /** A status change; an answer also records its text, return channel, who and when. */
  setStatus(
    id: string,
    entry: HistoryRow,
    answer: { text: string; channel: ComplaintChannel } | null,
    replay: Replay | null,
  ): void {
    this.db.transaction(() => {
      if (answer) {
        sql(
          this.db,
          `UPDATE complaints SET status = ?, answer = ?, answer_channel = ?, answered_at = ?, answered_by = ?
           WHERE id = ?`,
        ).run(entry.status, answer.text, answer.channel, entry.at, entry.actor, id);
      } else {
        sql(this.db, 'UPDATE complaints SET status = ? WHERE id = ?').run(entry.status, id);
      }
      this.appendHistory(id, entry);
      this.remember(replay, id, entry.at);
    })();
  }

  setCategory(
    id: string,
    deadline: { deadlineAt: string; lastDay: string | null },
    entry: HistoryRow,
    replay: Replay | null,
  ): void {
    this.db.transaction(() => {
      sql(this.db, 'UPDATE complaints SET category = ?, deadline_at = ?, deadline_day = ? WHERE id = ?').run(
        entry.category,
        deadline.deadlineAt,
        deadline.lastDay,
        id,
      );
      this.appendHistory(id, entry);
      this.remember(replay, id, entry.at);
    })();
  }

  /** Complaints still owed an answer whose compensation is not raised yet: their deadlines may still move. */
  awaiting(): ComplaintRow[] {
    return sql(
      this.db,
      `SELECT * FROM complaints WHERE late_compensation_id IS NULL AND ${AWAITING} ORDER BY deadline_at`,
    ).all() as ComplaintRow[];
  }

  setDeadlines(changes: readonly { id: string; deadlineAt: string; lastDay: string | null }[]): void {
    const update = sql(this.db, 'UPDATE complaints SET deadline_at = ?, deadline_day = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const c of changes) update.run(c.deadlineAt, c.lastDay, c.id);
    })();
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

  /** Once per complaint: the guard in the WHERE keeps a second caller from overwriting the first. */
  markLate(id: string, compensationId: string, at: string): boolean {
    return this.db.transaction(() => {
      const row = this.byId(id);
      const changed = sql(
        this.db,
        'UPDATE complaints SET late_compensation_id = ? WHERE id = ? AND late_compensation_id IS NULL',
      ).run(compensationId, id).changes;
      if (changed === 0 || !row) return false;
      this.appendHistory(id, {
        at,
        actor: 'system',
        kind: 'late',
        status: row.status,
        category: null,
        note: null,
      });
      return true;
    })();
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

  private appendHistory(id: string, entry: HistoryRow): void {
    sql(
      this.db,
      `INSERT INTO complaint_history (complaint_id, at, actor, kind, status, category, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, entry.at, entry.actor, entry.kind, entry.status, entry.category, entry.note);
  }

  private remember(replay: Replay | null, id: string, at: string): void {
    if (!replay) return;
    sql(
      this.db,
      'INSERT INTO idempotency (actor, key, command, result_ref, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(replay.actor, replay.key, replay.command, id, at);
  }
}
