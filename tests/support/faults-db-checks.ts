import Database from 'better-sqlite3';
import type { SiteConfig } from '../../apps/hub/src/index.ts';

export interface TicketDbRow {
  readonly id: string;
  readonly service_day: string;
  readonly service_id: string;
  readonly seq: number;
  readonly number: string;
  readonly status: string;
  readonly print_status: string;
}

export interface NumberingCheck {
  readonly failures: string[];
  /** Highest sequence per `serviceDay|serviceId`. */
  readonly maxSeq: Map<string, number>;
  readonly rows: TicketDbRow[];
}

/**
 * Read straight from the SQLite file (read-only; a running hub in WAL mode does not mind): per service day and
 * service the sequence is exactly 1..n, each number matches its sequence, and ticket rows and `ticket:issued`
 * events correspond one to one.
 */
export function checkNumbering(file: string, site: SiteConfig): NumberingCheck {
  const prefix = new Map(site.services.map((s) => [s.id, s.prefix]));
  const numberOf = (serviceId: string, seq: number) =>
    `${prefix.get(serviceId) ?? '?'}${String(seq).padStart(site.numberWidth, '0')}`;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT id, service_day, service_id, seq, number, status, print_status FROM tickets
         ORDER BY service_day, service_id, seq`,
      )
      .all() as TicketDbRow[];
    const issued = db.prepare("SELECT payload FROM events WHERE type = 'ticket:issued'").all() as {
      payload: string;
    }[];
    const failures: string[] = [];
    const maxSeq = new Map<string, number>();
    // No fault test transfers a ticket, so each row still carries the service it was numbered for.
    for (const row of rows) {
      const key = `${row.service_day}|${row.service_id}`;
      const expected = (maxSeq.get(key) ?? 0) + 1;
      if (row.seq !== expected)
        failures.push(`${key}: expected seq ${expected}, found ${row.seq} (${row.number})`);
      if (row.number !== numberOf(row.service_id, row.seq))
        failures.push(`${key}: seq ${row.seq} has number ${row.number}`);
      maxSeq.set(key, Math.max(row.seq, expected));
    }
    const issuedNumbers = new Map<string, string>();
    for (const { payload } of issued) {
      const event = JSON.parse(payload) as { ticketId: string; number: string };
      if (issuedNumbers.has(event.ticketId))
        failures.push(`ticket ${event.ticketId} issued twice in the log`);
      issuedNumbers.set(event.ticketId, event.number);
    }
    if (issuedNumbers.size !== rows.length)
      failures.push(`${rows.length} ticket rows but ${issuedNumbers.size} ticket:issued events`);
    for (const row of rows) {
      if (issuedNumbers.get(row.id) !== row.number)
        failures.push(`ticket ${row.number}: its issued event says ${String(issuedNumbers.get(row.id))}`);
    }
    return { failures, maxSeq, rows };
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of a database file: 'ok' or the problems SQLite found. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
