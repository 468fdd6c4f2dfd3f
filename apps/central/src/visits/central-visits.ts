import { randomUUID } from 'node:crypto';
import { checkCrew, localTime, MobileRuleError } from '@giliran/domain';
import {
  VisitScheduledFeed,
  type CentralVisitInput,
  type CentralVisitState,
  type CentralVisitView,
} from '@giliran/protocol';
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { enqueueFeedItem } from '../feed/site-feed.ts';
import { CentralError } from '../hub-shared.ts';

/** A site that sent no profile yet is read in WIB, where most units are. */
const DEFAULT_ZONE = 'Asia/Jakarta';
/** PostgreSQL's unique_violation: a second visit on a day another request took a moment before. */
const UNIQUE_VIOLATION = '23505';

interface VisitRow {
  id: string;
  site_id: string;
  scheduled_by: string;
  scheduled_at: Date;
  cursor: string;
  payload: Record<string, unknown>;
  hub_cursor: string;
  hub_pulled_at: Date | null;
  answer: string | null;
  refused_code: string | null;
}

function stateOf(row: VisitRow): CentralVisitState {
  if (row.answer === 'central:feed-applied') return 'scheduled';
  if (row.answer === 'central:feed-refused') return 'refused';
  return Number(row.hub_cursor) >= Number(row.cursor) ? 'pulled' : 'sent';
}

function toView(row: VisitRow): CentralVisitView {
  const payload = VisitScheduledFeed.parse(row.payload);
  const state = stateOf(row);
  return {
    visitId: row.id,
    siteId: row.site_id,
    date: payload.date,
    place: payload.place,
    suratTugasNumber: payload.suratTugasNumber,
    crew: payload.crew,
    notice: payload.notice,
    agencies: payload.agencies,
    approvedBy: payload.approvedBy,
    scheduledBy: row.scheduled_by,
    scheduledAt: row.scheduled_at.toISOString(),
    feedCursor: Number(row.cursor),
    state,
    pulledAt: state === 'sent' ? null : (row.hub_pulled_at?.toISOString() ?? null),
    refusedCode: state === 'refused' ? row.refused_code : null,
  };
}

/** A visit with the unit's newest answer to it, if its log has brought one back. */
const SELECT_VISITS = `
  SELECT v.id, v.site_id, v.scheduled_by, v.scheduled_at, f.cursor, f.payload, s.hub_cursor, s.hub_pulled_at,
         a.type AS answer, a.payload->>'code' AS refused_code
  FROM mobile_visits v
  JOIN feed_items f ON f.id = v.id
  JOIN site_feeds s ON s.site_id = v.site_id
  LEFT JOIN LATERAL (
    SELECT e.type, e.payload FROM events e
    WHERE e.site_id = v.site_id AND e.payload->>'itemId' = v.id::text
      AND e.type IN ('central:feed-applied', 'central:feed-refused')
    ORDER BY e.seq DESC LIMIT 1
  ) a ON true`;

/**
 * The region's side of a mobile unit's schedule: a visit planned at central is checked by the same rules as on the
 * laptop (crew, date), held once per unit and day, and enqueued in the unit's feed in the same transaction.
 */
export class CentralVisits {
  constructor(private readonly pool: pg.Pool) {}

  async schedule(siteId: string, input: CentralVisitInput, by: string, now: Date): Promise<CentralVisitView> {
    const visitId = input.visitId ?? randomUUID();
    try {
      await inTransaction(this.pool, async (client) => {
        const zone = await this.mobileSiteZone(client, siteId);
        if (await this.held(client, siteId, visitId)) return;
        const payload = VisitScheduledFeed.parse({ ...input, visitId });
        checkVisit(payload, localTime(now.toISOString(), zone).date);
        const taken = await client.query('SELECT 1 FROM mobile_visits WHERE site_id = $1 AND date = $2', [
          siteId,
          payload.date,
        ]);
        if (taken.rowCount !== 0) throw new CentralError('MOBILE_DATE_TAKEN');
        await enqueueFeedItem(client, siteId, 'visit:scheduled', payload, { id: visitId, now });
        await client.query(
          `INSERT INTO mobile_visits (id, site_id, date, scheduled_by, scheduled_at) VALUES ($1, $2, $3, $4, $5)`,
          [visitId, siteId, payload.date, by, now.toISOString()],
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new CentralError('MOBILE_DATE_TAKEN');
      throw error;
    }
    const [view] = await this.query(`${SELECT_VISITS} WHERE v.id = $1`, [visitId]);
    if (!view) throw new Error('scheduled visit not found');
    return view;
  }

  /** What central scheduled for a unit, newest day first, each with how far it has got. */
  async list(siteId: string): Promise<CentralVisitView[]> {
    await this.mobileSiteZone(this.pool, siteId);
    return this.query(`${SELECT_VISITS} WHERE v.site_id = $1 ORDER BY v.date DESC`, [siteId]);
  }

  private async query(text: string, values: unknown[]): Promise<CentralVisitView[]> {
    const { rows } = await this.pool.query<VisitRow>(text, values);
    return rows.map(toView);
  }

  /** The site's time zone (from the profile its hub sent); 404 for an unknown site, 409 for a hall. */
  private async mobileSiteZone(db: pg.Pool | pg.PoolClient, siteId: string): Promise<string> {
    const { rows } = await db.query<{ kind: string; zone: string | null }>(
      `SELECT s.kind, p.profile->>'timeZone' AS zone FROM sites s
       LEFT JOIN site_profiles p ON p.site_id = s.id WHERE s.id = $1`,
      [siteId],
    );
    const site = rows[0];
    if (!site) throw new CentralError('CENTRAL_SITE_NOT_FOUND');
    if (site.kind !== 'mobile') throw new CentralError('CENTRAL_SITE_NOT_MOBILE');
    return site.zone ?? DEFAULT_ZONE;
  }

  /** A retried submit (the same visit id) is the visit already held; that id on another site is a conflict. */
  private async held(client: pg.PoolClient, siteId: string, visitId: string): Promise<boolean> {
    const { rows } = await client.query<{ site_id: string }>(
      'SELECT site_id FROM mobile_visits WHERE id = $1',
      [visitId],
    );
    const row = rows[0];
    if (row && row.site_id !== siteId) throw new CentralError('CENTRAL_FEED_ID_CONFLICT');
    return row !== undefined;
  }
}

/** The laptop's rules, so central refuses what the unit would: a crew of at most four with a coordinator, no past day. */
function checkVisit(visit: VisitScheduledFeed, today: string): void {
  try {
    checkCrew(visit.crew);
  } catch (error) {
    if (error instanceof MobileRuleError) throw new CentralError(error.code);
    throw error;
  }
  if (visit.date < today) throw new CentralError('MOBILE_DATE_PAST');
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;
}
