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

/**
 * The rows a batch will change that exist before it, read in its transaction (the site's row lock keeps them ours)
 * or, at the head, before its one write statement (whose check of the site's head refuses the write if another
 * batch changed them meanwhile). An empty list costs no query.
 */
export async function loadProjection(
  db: pg.Pool | pg.PoolClient,
  siteId: string,
  ticketIds: readonly string[],
  compensationIds: readonly string[],
): Promise<Projection> {
  const tickets: { rows: TicketRecord[] } =
    ticketIds.length === 0
      ? { rows: [] }
      : await db.query<TicketRecord>(
          'SELECT * FROM site_tickets WHERE site_id = $1 AND ticket_id = ANY($2::text[])',
          [siteId, ticketIds],
        );
  if (compensationIds.length === 0)
    return {
      tickets: new Map(tickets.rows.map((r) => [r.ticket_id, ticketFromRecord(r)])),
      compensations: new Map(),
    };
  const compensations = await db.query<{
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
