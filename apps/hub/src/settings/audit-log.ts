import { localTime } from '@giliran/domain';
import type { AuditAction, AuditEntry, AuditQuery, SettingsArea } from '@giliran/protocol';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actor_role: string;
  area: SettingsArea;
  target: string | null;
  action: AuditAction;
  before: string | null;
  after: string | null;
}

const DAY_MS = 86_400_000;

/** Indonesian zones are whole hours ahead of UTC without daylight saving: the local time at UTC midnight is the offset. */
function localMidnight(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
  return utcMidnight - localTime(new Date(utcMidnight).toISOString(), timeZone).minuteOfDay * 60_000;
}

/** A day means the site's local day (`to` includes all of it); an instant is taken as it is. */
function bound(value: string | undefined, timeZone: string, end: boolean): string | null {
  if (value === undefined) return null;
  if (value.length === 10) return new Date(localMidnight(value, timeZone) + (end ? DAY_MS : 0)).toISOString();
  return new Date(value).toISOString();
}

/** Newest first. */
export function listAudit(db: Db, query: AuditQuery, timeZone: string): AuditEntry[] {
  const from = bound(query.from, timeZone, false);
  const to = bound(query.to, timeZone, true);
  const rows = sql(
    db,
    `SELECT * FROM audit_log
     WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) AND (@area IS NULL OR area = @area)
     ORDER BY id DESC LIMIT @limit`,
  ).all({ from, to, area: query.area ?? null, limit: query.limit }) as AuditRow[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorRole: row.actor_role,
    area: row.area,
    target: row.target,
    action: row.action,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}
