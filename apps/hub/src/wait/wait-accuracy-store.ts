import type { QueueEvent } from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

/** The promises and the calls that judge them, in log order, for service days in a range (the day index finds them). */
export function quoteAndCallEvents(db: Db, from: string, to: string): QueueEvent[] {
  const rows = sql(
    db,
    `SELECT payload FROM events
     WHERE service_day BETWEEN ? AND ? AND type IN ('ticket:wait-quoted', 'ticket:called') ORDER BY id`,
  ).all(from, to) as { payload: string }[];
  return rows.map((r) => JSON.parse(r.payload) as QueueEvent);
}
