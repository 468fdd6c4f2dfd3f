import type { SyncBatch, SyncEvent } from '@giliran/protocol';
import type pg from 'pg';
import type { CompensationRow, TicketRow } from './queue-projection.ts';

/** What the write expects the site's row to hold: if it holds anything else, nothing is written. */
export interface ExpectedHead {
  readonly lastSeq: number;
  readonly offset: number;
  /**
   * Outside a transaction that locked the row: also require no resume pending and the site enabled, which the
   * locked path checked (and may have changed) itself.
   */
  readonly unlocked: boolean;
}

/**
 * A batch's whole write in one statement: the site's head moved (only if it still is where the batch was checked
 * against), the new events stored, the changed tickets and compensations upserted. Each part joins the head's
 * update, so if another batch moved the head meanwhile (through any central process) nothing at all is written.
 * Rows travel as one JSON text per table, unpacked by `json_to_recordset`: no per-value array escaping in the
 * client, and PostgreSQL parses each once. A single statement is atomic on its own, so a batch at the head needs
 * no BEGIN and COMMIT round trips.
 */
const WRITE_BATCH = `
WITH head AS (
  UPDATE sites SET last_seq = $4, last_contact_at = $5,
    last_event_at = coalesce($6::timestamptz, last_event_at),
    service_day = coalesce($7, service_day),
    hub_head = greatest(hub_head, $8), hub_head_at = coalesce($9::timestamptz, hub_head_at)
  WHERE id = $1 AND last_seq = $2 AND seq_offset = $3
    AND (NOT $13::boolean OR (resume_requested_by IS NULL AND disabled_at IS NULL))
  RETURNING id
), stored AS (
  INSERT INTO events (site_id, seq, type, service_day, at, payload)
  SELECT head.id, e.seq, e.type, e."serviceDay", e.at, e.payload
  FROM head, json_to_recordset($10::json)
    AS e(seq bigint, type text, "serviceDay" text, at timestamptz, payload jsonb)
), tickets AS (
  INSERT INTO site_tickets (site_id, ticket_id, service_day, number, service_id, priority, channel, status,
    counter_id, issued_at, first_called_at, finished_at, outcome, served_by, transfers)
  SELECT head.id, t."ticketId", t."serviceDay", t.number, t."serviceId", t.priority, t.channel, t.status,
    t."counterId", t."issuedAt", t."firstCalledAt", t."finishedAt", t.outcome, t."servedBy", t.transfers
  FROM head, json_to_recordset($11::json) AS t("ticketId" text, "serviceDay" text, number text,
    "serviceId" text, priority text, channel text, status text, "counterId" text, "issuedAt" timestamptz,
    "firstCalledAt" timestamptz, "finishedAt" timestamptz, outcome text, "servedBy" text, transfers int)
  ON CONFLICT (site_id, ticket_id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
    counter_id = excluded.counter_id, first_called_at = excluded.first_called_at,
    finished_at = excluded.finished_at, outcome = excluded.outcome, served_by = excluded.served_by,
    transfers = excluded.transfers
), compensations AS (
  INSERT INTO site_compensations (site_id, compensation_id, service_day, kind, ticket_id, counter_id,
    raised_at, resolved_at)
  SELECT head.id, c."compensationId", c."serviceDay", c.kind, c."ticketId", c."counterId", c."raisedAt",
    c."resolvedAt"
  FROM head, json_to_recordset($12::json) AS c("compensationId" text, "serviceDay" text, kind text,
    "ticketId" text, "counterId" text, "raisedAt" timestamptz, "resolvedAt" timestamptz)
  ON CONFLICT (site_id, compensation_id) DO UPDATE SET resolved_at = excluded.resolved_at
)
SELECT count(*)::int AS moved FROM head`;

/** Stores `fresh` (already in central's numbering) and its read-model rows; false when the head had moved. */
export async function writeBatch(
  db: pg.Pool | pg.PoolClient,
  batch: SyncBatch,
  expected: ExpectedHead,
  fresh: readonly SyncEvent[],
  rows: { tickets: readonly TicketRow[]; compensations: readonly CompensationRow[] },
  now: Date,
): Promise<boolean> {
  const newest = fresh.at(-1);
  // Named: each connection plans the statement once, not per batch.
  const { rows: result } = await db.query<{ moved: number }>({
    name: 'central-write-batch',
    text: WRITE_BATCH,
    values: [
      batch.siteId,
      expected.lastSeq,
      expected.offset,
      newest?.seq ?? expected.lastSeq,
      now.toISOString(),
      newest?.at ?? null,
      newest?.serviceDay ?? null,
      batch.head + expected.offset,
      batch.headAt,
      JSON.stringify(fresh),
      JSON.stringify(rows.tickets),
      JSON.stringify(rows.compensations),
      expected.unlocked,
    ],
  });
  return result[0]?.moved === 1;
}
