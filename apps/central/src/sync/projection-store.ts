import type pg from 'pg';
import type { CompensationRow, Projection, TicketRow } from './queue-projection.ts';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

interface TicketRecord {
  ticket_id: string;
  service_day: string;
  number: string;
  service_id: string;
  priority: string | null;
  channel: string;
  status: string;
  counter_id: string | null;
  issued_at: Date;
  first_called_at: Date | null;
  finished_at: Date | null;
  outcome: string | null;
  served_by: string | null;
  transfers: number;
}

export function ticketFromRecord(r: TicketRecord): TicketRow {
  return {
    ticketId: r.ticket_id,
    serviceDay: r.service_day,
    number: r.number,
    serviceId: r.service_id,
    priority: r.priority,
    channel: r.channel,
    status: r.status,
    counterId: r.counter_id,
    issuedAt: r.issued_at.toISOString(),
    firstCalledAt: iso(r.first_called_at),
    finishedAt: iso(r.finished_at),
    outcome: r.outcome,
    servedBy: r.served_by,
    transfers: r.transfers,
  };
}

/** The rows a batch will change, read inside its transaction (the site's row lock keeps them ours). */
export async function loadProjection(
  client: pg.PoolClient,
  siteId: string,
  ticketIds: readonly string[],
  compensationIds: readonly string[],
): Promise<Projection> {
  const tickets = await client.query<TicketRecord>(
    'SELECT * FROM site_tickets WHERE site_id = $1 AND ticket_id = ANY($2::text[])',
    [siteId, ticketIds],
  );
  const compensations = await client.query<{
    compensation_id: string;
    service_day: string;
    kind: string;
    ticket_id: string | null;
    counter_id: string | null;
    raised_at: Date;
    resolved_at: Date | null;
  }>('SELECT * FROM site_compensations WHERE site_id = $1 AND compensation_id = ANY($2::text[])', [
    siteId,
    compensationIds,
  ]);
  return {
    tickets: new Map(tickets.rows.map((r) => [r.ticket_id, ticketFromRecord(r)])),
    compensations: new Map(
      compensations.rows.map((r): [string, CompensationRow] => [
        r.compensation_id,
        {
          compensationId: r.compensation_id,
          serviceDay: r.service_day,
          kind: r.kind,
          ticketId: r.ticket_id,
          counterId: r.counter_id,
          raisedAt: r.raised_at.toISOString(),
          resolvedAt: iso(r.resolved_at),
        },
      ]),
    ),
  };
}

/** Writes the changed rows back, one statement per table (arrays unnested). */
export async function saveProjection(
  client: pg.PoolClient,
  siteId: string,
  rows: { tickets: readonly TicketRow[]; compensations: readonly CompensationRow[] },
): Promise<void> {
  const t = rows.tickets;
  if (t.length > 0)
    await client.query(
      `INSERT INTO site_tickets (site_id, ticket_id, service_day, number, service_id, priority, channel, status,
         counter_id, issued_at, first_called_at, finished_at, outcome, served_by, transfers)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::text[], $14::text[], $15::int[])
       ON CONFLICT (site_id, ticket_id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
         counter_id = excluded.counter_id, first_called_at = excluded.first_called_at,
         finished_at = excluded.finished_at, outcome = excluded.outcome, served_by = excluded.served_by,
         transfers = excluded.transfers`,
      [
        siteId,
        t.map((r) => r.ticketId),
        t.map((r) => r.serviceDay),
        t.map((r) => r.number),
        t.map((r) => r.serviceId),
        t.map((r) => r.priority),
        t.map((r) => r.channel),
        t.map((r) => r.status),
        t.map((r) => r.counterId),
        t.map((r) => r.issuedAt),
        t.map((r) => r.firstCalledAt),
        t.map((r) => r.finishedAt),
        t.map((r) => r.outcome),
        t.map((r) => r.servedBy),
        t.map((r) => r.transfers),
      ],
    );
  const c = rows.compensations;
  if (c.length > 0)
    await client.query(
      `INSERT INTO site_compensations (site_id, compensation_id, service_day, kind, ticket_id, counter_id,
         raised_at, resolved_at)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
         $8::timestamptz[])
       ON CONFLICT (site_id, compensation_id) DO UPDATE SET resolved_at = excluded.resolved_at`,
      [
        siteId,
        c.map((r) => r.compensationId),
        c.map((r) => r.serviceDay),
        c.map((r) => r.kind),
        c.map((r) => r.ticketId),
        c.map((r) => r.counterId),
        c.map((r) => r.raisedAt),
        c.map((r) => r.resolvedAt),
      ],
    );
}
