import type { SkmTally } from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

/** The ticket columns a survey needs: which service, which day, how far it got. */
export interface SkmTicketRow {
  readonly id: string;
  readonly number: string;
  readonly service_day: string;
  readonly service_id: string;
  readonly status: string;
}

export interface StoredSkmResponse {
  readonly id: string;
  readonly submitted_at: string;
  readonly service_id: string;
  readonly ticket_id: string | null;
}

/** What a period's report is computed from: sums per service, never the rows one by one. */
export interface SkmPeriodFilter {
  readonly from: string;
  readonly to: string;
  /**
   * Whose answers: the citizens' own (kiosk, phone) or those given at a counter-side tablet, in front of the officer
   * who served them; the report keeps the two apart.
   */
  readonly source: 'citizen' | 'counter-tablet';
  /** Null for the whole site. */
  readonly serviceIds: readonly string[] | null;
}

export interface ServiceTally extends SkmTally {
  readonly serviceId: string;
  readonly agencyId: string;
  readonly withoutTicket: number;
}

const TICKET_COLUMNS = 'id, number, service_day, service_id, status';
const SCORE_SUMS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `SUM(u${i}) AS u${i}`).join(', ');
export const DEMOGRAPHIC_COLUMNS = ['gender', 'age_band', 'education', 'occupation'] as const;
export type DemographicColumn = (typeof DEMOGRAPHIC_COLUMNS)[number];

/** `AND service_id IN (?, ?, …)`, or nothing for the whole site. */
function scopeClause(filter: Omit<SkmPeriodFilter, 'source'>): { clause: string; params: string[] } {
  if (filter.serviceIds === null) return { clause: '', params: [] };
  if (filter.serviceIds.length === 0) return { clause: ' AND 0', params: [] };
  return {
    clause: ` AND service_id IN (${filter.serviceIds.map(() => '?').join(', ')})`,
    params: [...filter.serviceIds],
  };
}

/** The scope and, for answers, whose they are. */
function answerClause(filter: SkmPeriodFilter): { clause: string; params: string[] } {
  const scope = scopeClause(filter);
  const source = filter.source === 'citizen' ? ' AND counter_id IS NULL' : ' AND counter_id IS NOT NULL';
  return { clause: scope.clause + source, params: scope.params };
}

export class SkmStore {
  constructor(private readonly db: Db) {}

  ticketByCode(code: string): SkmTicketRow | undefined {
    return sql(this.db, `SELECT ${TICKET_COLUMNS} FROM tickets WHERE code = ?`).get(code) as
      SkmTicketRow | undefined;
  }

  ticketNumber(ticketId: string): string | undefined {
    const row = sql(this.db, 'SELECT number FROM tickets WHERE id = ?').get(ticketId) as
      { number: string } | undefined;
    return row?.number;
  }

  answered(ticketId: string): boolean {
    return sql(this.db, 'SELECT 1 FROM skm_responses WHERE ticket_id = ?').get(ticketId) !== undefined;
  }

  byId(id: string): StoredSkmResponse | undefined {
    return sql(this.db, 'SELECT id, submitted_at, service_id, ticket_id FROM skm_responses WHERE id = ?').get(
      id,
    ) as StoredSkmResponse | undefined;
  }

  /** Respondents and score sums per service (and the agency it had when answered) over the period. */
  tallies(filter: SkmPeriodFilter): ServiceTally[] {
    const scope = answerClause(filter);
    const rows = sql(
      this.db,
      `SELECT service_id, agency_id, COUNT(*) AS n, SUM(ticket_id IS NULL) AS without_ticket, ${SCORE_SUMS}
         FROM skm_responses WHERE service_day BETWEEN ? AND ?${scope.clause}
         GROUP BY service_id, agency_id`,
    ).all(filter.from, filter.to, ...scope.params) as Record<string, string | number>[];
    return rows.map((row) => ({
      serviceId: String(row.service_id),
      agencyId: String(row.agency_id),
      respondents: Number(row.n),
      withoutTicket: Number(row.without_ticket),
      totals: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => Number(row[`u${String(i)}`])),
    }));
  }

  /** How many respondents gave each value of one profile field. */
  demographic(filter: SkmPeriodFilter, column: DemographicColumn): Map<string, number> {
    const scope = answerClause(filter);
    const rows = sql(
      this.db,
      `SELECT ${column} AS value, COUNT(*) AS n FROM skm_responses
         WHERE service_day BETWEEN ? AND ?${scope.clause} GROUP BY ${column}`,
    ).all(filter.from, filter.to, ...scope.params) as { value: string; n: number }[];
    return new Map(rows.map((row) => [row.value, row.n]));
  }

  /** The survey's population: tickets served to the end (finished) per service in the period. */
  servedTickets(filter: Omit<SkmPeriodFilter, 'source'>): Map<string, number> {
    const scope = scopeClause(filter);
    const rows = sql(
      this.db,
      `SELECT service_id, COUNT(*) AS n FROM tickets
         WHERE status = 'done' AND service_day BETWEEN ? AND ?${scope.clause} GROUP BY service_id`,
    ).all(filter.from, filter.to, ...scope.params) as { service_id: string; n: number }[];
    return new Map(rows.map((row) => [row.service_id, row.n]));
  }
}
