import type { SyncEvent } from '@giliran/protocol';
import type { Db } from '../db/database.ts';
import { redactForCentral } from './central-redaction.ts';

interface PushRow {
  acked_seq: number;
  last_error: string | null;
  last_success_at: string | null;
}

interface EventRow {
  id: number;
  service_day: string;
  type: string;
  at: string;
  payload: string;
}

/**
 * What the hub remembers of its push to central, in its own database: the acknowledged sequence survives a
 * restart, so the push resumes where central stands. The table is created here, apart from the numbered
 * migrations, because it belongs to the push alone and every hub has it empty until central is configured.
 */
export class CentralPushStore {
  private readonly selectState;
  private readonly selectBatch;
  private readonly selectHead;

  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS central_push (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      site_id TEXT NOT NULL,
      acked_seq INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_success_at TEXT
    )`);
    this.selectState = db.prepare(
      'SELECT acked_seq, last_error, last_success_at FROM central_push WHERE id = 1',
    );
    this.selectBatch = db.prepare<[number, number]>(
      'SELECT id, service_day, type, at, payload FROM events WHERE id > ? ORDER BY id LIMIT ?',
    );
    this.selectHead = db.prepare('SELECT id, at FROM events ORDER BY id DESC LIMIT 1');
  }

  state(): PushRow {
    const row = this.selectState.get() as PushRow | undefined;
    return row ?? { acked_seq: 0, last_error: null, last_success_at: null };
  }

  /** Starts the record for this site; a hub moved to another site id starts again from the beginning. */
  open(siteId: string): void {
    const row = this.db.prepare('SELECT site_id FROM central_push WHERE id = 1').get() as
      { site_id: string } | undefined;
    if (row?.site_id === siteId) return;
    this.db
      .prepare(
        `INSERT INTO central_push (id, site_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id,
         acked_seq = 0, last_error = NULL, last_success_at = NULL`,
      )
      .run(siteId);
  }

  acked(seq: number, at: string): void {
    this.db
      .prepare('UPDATE central_push SET acked_seq = ?, last_error = NULL, last_success_at = ? WHERE id = 1')
      .run(seq, at);
  }

  failed(error: string): void {
    this.db.prepare('UPDATE central_push SET last_error = ? WHERE id = 1').run(error);
  }

  /** The hub's newest event: its sequence and when it happened. */
  head(): { seq: number; at: string | null } {
    const row = this.selectHead.get() as { id: number; at: string } | undefined;
    return { seq: row?.id ?? 0, at: row?.at ?? null };
  }

  pending(after: number): number {
    return this.db.prepare('SELECT count(*) FROM events WHERE id > ?').pluck().get(after) as number;
  }

  /** The next events after `after`, in order, at most `limit` of them and about `maxBytes` of JSON. */
  batch(after: number, limit: number, maxBytes: number): SyncEvent[] {
    const rows = this.selectBatch.all(after, limit) as EventRow[];
    const events: SyncEvent[] = [];
    let bytes = 0;
    for (const row of rows) {
      bytes += row.payload.length + 100;
      if (events.length > 0 && bytes > maxBytes) break;
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      events.push({
        seq: row.id,
        type: row.type,
        serviceDay: row.service_day,
        // Central reads instants as ISO 8601 with a zone: the hub's are, but a stray format must not stall the push.
        at: Number.isNaN(Date.parse(row.at)) ? row.at : new Date(row.at).toISOString(),
        payload: redactForCentral(row.type, payload),
      });
    }
    return events;
  }
}
