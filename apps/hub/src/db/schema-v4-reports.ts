/**
 * Schema version 4: what the day and range reports read from (issue 6).
 *
 * - `tickets.served_by`: the officer whose finish or no-show closed the ticket (that event's `by`), and
 *   `tickets.transfers`: a JSON list of the ticket's transfers. A report then reads the tickets table alone instead
 *   of fishing those out of the event log's JSON; both are filled for tickets already on file from their events.
 * - `report_days`: the summary of each closed service day. Past days never change, so a range report merges these
 *   instead of reading every ticket again: its counts as JSON, its duration histograms as one binary array (see
 *   reports/report-codec.ts). Compensations are not in it: they are resolved days later.
 */
export const SCHEMA_V4 = `
ALTER TABLE tickets ADD COLUMN served_by TEXT;
ALTER TABLE tickets ADD COLUMN transfers TEXT;

UPDATE tickets SET served_by = closer.by FROM (
  SELECT json_extract(payload, '$.ticketId') AS ticket_id, json_extract(payload, '$.by') AS by, MAX(id)
  FROM events WHERE type IN ('ticket:finished', 'ticket:no-show') GROUP BY ticket_id
) AS closer WHERE tickets.id = closer.ticket_id;

UPDATE tickets SET transfers = moved.list FROM (
  SELECT json_extract(payload, '$.ticketId') AS ticket_id,
    json_group_array(json_object(
      'fromServiceId', json_extract(payload, '$.fromServiceId'),
      'toServiceId', json_extract(payload, '$.toServiceId'),
      'counterId', json_extract(payload, '$.counterId'),
      'by', json_extract(payload, '$.by'),
      'at', json_extract(payload, '$.at')) ORDER BY id) AS list
  FROM events WHERE type = 'ticket:transferred' GROUP BY ticket_id
) AS moved WHERE tickets.id = moved.ticket_id;

CREATE TABLE IF NOT EXISTS report_days (
  service_day TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  computed_at TEXT NOT NULL,
  counts TEXT NOT NULL,
  histograms BLOB NOT NULL
);

CREATE INDEX IF NOT EXISTS compensations_by_day ON compensations (service_day, kind);
`;
