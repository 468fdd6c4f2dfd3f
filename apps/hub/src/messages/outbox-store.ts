import type { MessageAction, MessageChannel, TicketContact } from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'withdrawn';

export interface OutboxRow {
  readonly id: number;
  readonly dedupe_key: string;
  readonly event_id: number;
  readonly kind: string;
  readonly channel: MessageChannel;
  readonly recipient: string | null;
  readonly locale: string;
  readonly subject: string | null;
  readonly body: string;
  readonly ref: string;
  readonly visit_day: string;
  readonly created_at: string;
  readonly not_before: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly next_attempt_at: string;
  readonly last_error: string | null;
  readonly sent_at: string | null;
  readonly provider_id: string | null;
  /** The text's values (JSON, schema v15); null for messages written before. */
  readonly variables?: string | null;
}

/**
 * The message outbox and the kiosk's contacts (schema v11). Rows are written inside the transaction that appends
 * the events causing them (`write`), then moved along by the sender: pending → sending → sent, or back to pending
 * with a later attempt, or failed after the limit. Withdrawn: a reminder whose booking moved or was cancelled.
 */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** The policy's decision, in the appending transaction; a key already there is the same message, skipped. */
  write(actions: readonly MessageAction[], eventId: number, now: string): void {
    for (const action of actions) {
      if (action.do === 'withdraw') {
        const kinds = JSON.stringify(action.kinds);
        sql(
          this.db,
          `UPDATE message_outbox SET status = 'withdrawn', next_attempt_at = ?
           WHERE ref = ? AND status = 'pending' AND kind IN (SELECT value FROM json_each(?))`,
        ).run(now, action.ref, kinds);
        continue;
      }
      const m = action.message;
      sql(
        this.db,
        `INSERT OR IGNORE INTO message_outbox (dedupe_key, event_id, kind, channel, recipient, locale, subject, body,
           ref, visit_day, created_at, not_before, next_attempt_at, variables)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        m.key,
        eventId,
        m.kind,
        m.channel,
        m.to,
        m.locale,
        m.subject,
        m.body,
        m.ref,
        m.visitDay,
        now,
        m.notBefore,
        m.notBefore,
        JSON.stringify(m.values),
      );
    }
  }

  /**
   * Marks up to `limit` due messages as being sent, one attempt more each, and returns them: committed before any
   * leaves, so a hub killed mid-send finds them as `sending` and sends each at most once more.
   */
  claimDue(now: string, limit: number): OutboxRow[] {
    return this.db.transaction(() => {
      const rows = sql(
        this.db,
        `SELECT * FROM message_outbox WHERE status = 'pending' AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ?`,
      ).all(now, limit) as OutboxRow[];
      const claim = sql(
        this.db,
        `UPDATE message_outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'`,
      );
      for (const row of rows) claim.run(row.id);
      return rows.map((row) => ({ ...row, status: 'sending' as const, attempts: row.attempts + 1 }));
    })();
  }

  /** What a killed hub left in flight goes out again (it may have left already: at most once more). */
  recoverInFlight(): number {
    return sql(this.db, `UPDATE message_outbox SET status = 'pending' WHERE status = 'sending'`).run()
      .changes;
  }

  /** The moment the next message falls due, or null. */
  nextDue(): string | null {
    const row = sql(
      this.db,
      `SELECT MIN(next_attempt_at) AS at FROM message_outbox WHERE status = 'pending'`,
    ).get() as { at: string | null };
    return row.at;
  }

  /** The outcome of each attempt, several in one transaction (one fsync). */
  settle(outcomes: readonly Outcome[]): void {
    if (outcomes.length === 0) return;
    this.db.transaction(() => {
      for (const o of outcomes) {
        if (o.status === 'sent')
          sql(
            this.db,
            `UPDATE message_outbox SET status = 'sent', sent_at = ?, provider_id = ?, last_error = NULL WHERE id = ?`,
          ).run(o.at, o.providerId, o.id);
        else
          sql(
            this.db,
            `UPDATE message_outbox SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?`,
          ).run(o.status, o.nextAttemptAt, o.error.slice(0, 500), o.id);
      }
    })();
  }

  /** A failed message sent again from MOD: a fresh round of attempts. */
  retry(id: number, now: string): boolean {
    return (
      sql(
        this.db,
        `UPDATE message_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?
         WHERE id = ? AND status = 'failed' AND recipient IS NOT NULL`,
      ).run(now, id).changes === 1
    );
  }

  list(status: OutboxStatus | null, limit: number): OutboxRow[] {
    const where = status === null ? '' : 'WHERE status = ?';
    const args = status === null ? [limit] : [status, limit];
    return sql(this.db, `SELECT * FROM message_outbox ${where} ORDER BY id DESC LIMIT ?`).all(
      ...args,
    ) as OutboxRow[];
  }

  counts(): Record<OutboxStatus, number> {
    const rows = sql(this.db, 'SELECT status, COUNT(*) AS n FROM message_outbox GROUP BY status').all() as {
      status: OutboxStatus;
      n: number;
    }[];
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0, withdrawn: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** What a kind of message of a day was about (the tickets already told their turn is near). */
  refsOfKind(kind: string, visitDay: string): string[] {
    return (
      sql(this.db, 'SELECT DISTINCT ref FROM message_outbox WHERE kind = ? AND visit_day = ?').all(
        kind,
        visitDay,
      ) as {
        ref: string;
      }[]
    ).map((r) => r.ref);
  }

  saveContact(contact: TicketContact, serviceDay: string, at: string): void {
    sql(
      this.db,
      `INSERT INTO message_contacts (ticket_id, service_day, address, locale, given_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET address = excluded.address, locale = excluded.locale,
         given_at = excluded.given_at`,
    ).run(contact.ticketId, serviceDay, contact.address, contact.locale, at);
  }

  contactsOf(serviceDay: string): TicketContact[] {
    const rows = sql(
      this.db,
      `SELECT ticket_id, address, locale FROM message_contacts WHERE service_day = ? AND address IS NOT NULL`,
    ).all(serviceDay) as { ticket_id: string; address: string; locale: string }[];
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      address: r.address,
      locale: r.locale === 'en' ? 'en' : 'id',
    }));
  }

  /**
   * UU 27/2022: numbers, addresses and the texts that carry a name are erased once their visit is more than the
   * keeping period past. Unsent messages of those days are withdrawn with them.
   */
  eraseVisitsBefore(day: string, now: string): { messages: number; contacts: number; bookingEvents: number } {
    return this.db.transaction(() => {
      const messages = sql(
        this.db,
        `UPDATE message_outbox SET recipient = NULL, body = '', subject = NULL, variables = NULL, erased_at = ?,
           status = CASE WHEN status IN ('pending', 'sending') THEN 'withdrawn' ELSE status END
         WHERE visit_day < ? AND erased_at IS NULL`,
      ).run(now, day).changes;
      const contacts = sql(
        this.db,
        `UPDATE message_contacts SET address = NULL, erased_at = ? WHERE service_day < ? AND erased_at IS NULL`,
      ).run(now, day).changes;
      // A booking's number is in its events (the booking feature logs it): blanked there too, in place, as the
      // empty number a booking checked in offline has, so a rebuild from the log still gives the same rows. The
      // log is otherwise never rewritten; the law's erasure is the one exception, and central never had them.
      const bookingEvents = sql(
        this.db,
        `UPDATE events SET payload = json_remove(json_set(payload, '$.phone', ''), '$.email')
         WHERE type LIKE 'booking:%' AND json_extract(payload, '$.date') < ?
           AND (json_extract(payload, '$.phone') != '' OR json_extract(payload, '$.email') IS NOT NULL)`,
      ).run(day).changes;
      // And in the bookings' own rows (the booking feature's projection of those events).
      sql(this.db, "UPDATE bookings SET phone = '' WHERE date < ? AND phone != ''").run(day);
      return { messages, contacts, bookingEvents };
    })();
  }
}

export type Outcome =
  | { readonly id: number; readonly status: 'sent'; readonly at: string; readonly providerId: string | null }
  | {
      readonly id: number;
      readonly status: 'pending' | 'failed';
      readonly nextAttemptAt: string;
      readonly error: string;
    };
