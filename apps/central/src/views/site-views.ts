import type { CentralSiteView, CentralTicketView, DayFigures, SiteStatus } from '@giliran/protocol';
import type pg from 'pg';
import { CentralError } from '../hub-shared.ts';
import { ticketFromRecord } from '../sync/projection-store.ts';

/** A site that has not reached central for this long is shown offline (hubs push at least every few seconds). */
export const OFFLINE_AFTER_MS = 2 * 60_000;
/** Central's copy may trail the hub's newest event by this much and still count as in sync. */
export const IN_SYNC_WITHIN_MS = 60_000;

interface SiteRecord {
  id: string;
  kind: 'hall' | 'mobile';
  name: string;
  region: string;
  disabled_at: Date | null;
  last_seq: string;
  last_event_at: Date | null;
  last_contact_at: Date | null;
  hub_head: string;
  hub_head_at: Date | null;
  service_day: string | null;
}

/** In sync, behind (the hub holds events central does not), or offline (no contact lately, or never). */
export function siteStatus(site: SiteRecord, now: number): { status: SiteStatus; behindMinutes: number } {
  const lag =
    site.hub_head_at && site.last_event_at
      ? Math.max(0, site.hub_head_at.getTime() - site.last_event_at.getTime())
      : 0;
  const behindMinutes = Math.round(lag / 6000) / 10;
  if (site.last_contact_at === null || now - site.last_contact_at.getTime() > OFFLINE_AFTER_MS)
    return { status: 'offline', behindMinutes };
  const behind = Number(site.hub_head) > Number(site.last_seq) && lag > IN_SYNC_WITHIN_MS;
  return { status: behind ? 'behind' : 'in_sync', behindMinutes };
}

const FIGURES_SQL = `
SELECT t.site_id,
  count(*)::int AS issued,
  count(*) FILTER (WHERE status IN ('waiting', 'transferred'))::int AS waiting,
  count(*) FILTER (WHERE status IN ('called', 'serving'))::int AS serving,
  count(*) FILTER (WHERE status = 'done')::int AS served,
  count(*) FILTER (WHERE status = 'done' AND outcome = 'handed_to_agency')::int AS handed,
  count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
  count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
  coalesce(sum(transfers), 0)::int AS transferred,
  avg(extract(epoch FROM first_called_at - issued_at)) AS avg_wait
FROM site_tickets t
WHERE (t.site_id, t.service_day) IN (SELECT unnest($1::text[]), unnest($2::text[]))
GROUP BY t.site_id`;

interface FiguresRecord {
  site_id: string;
  issued: number;
  waiting: number;
  serving: number;
  served: number;
  handed: number;
  no_show: number;
  cancelled: number;
  transferred: number;
  avg_wait: string | null;
}

const EMPTY_DAY: DayFigures = {
  issued: 0,
  waiting: 0,
  serving: 0,
  served: 0,
  handedToAgency: 0,
  noShow: 0,
  cancelled: 0,
  transferred: 0,
  compensationsOpen: 0,
  avgWaitSeconds: null,
};

/** Central's read side: the sites with their live state and the day's figures, a site's tickets of a day. */
export class SiteViews {
  constructor(private readonly pool: pg.Pool) {}

  async list(now: number): Promise<CentralSiteView[]> {
    const { rows } = await this.pool.query<SiteRecord>('SELECT * FROM sites ORDER BY region, name, id');
    const figures = await this.dayFigures(
      rows.filter((r) => r.service_day !== null).map((r) => [r.id, r.service_day ?? '']),
    );
    return rows.map((site) => {
      const { status, behindMinutes } = siteStatus(site, now);
      return {
        id: site.id,
        kind: site.kind,
        name: site.name,
        region: site.region,
        disabled: site.disabled_at !== null,
        lastSeq: Number(site.last_seq),
        lastEventAt: site.last_event_at?.toISOString() ?? null,
        lastContactAt: site.last_contact_at?.toISOString() ?? null,
        behindEvents: Math.max(0, Number(site.hub_head) - Number(site.last_seq)),
        behindMinutes,
        status,
        serviceDay: site.service_day,
        today: site.service_day === null ? null : (figures.get(site.id) ?? EMPTY_DAY),
      };
    });
  }

  /** Figures of one service day per site, from the tickets and compensations central built from the events. */
  async dayFigures(days: readonly (readonly [string, string])[]): Promise<Map<string, DayFigures>> {
    const result = new Map<string, DayFigures>();
    if (days.length === 0) return result;
    const params = [days.map((d) => d[0]), days.map((d) => d[1])];
    const { rows } = await this.pool.query<FiguresRecord>(FIGURES_SQL, params);
    const open = await this.pool.query<{ site_id: string; n: number }>(
      `SELECT site_id, count(*)::int AS n FROM site_compensations
       WHERE resolved_at IS NULL AND (site_id, service_day) IN (SELECT unnest($1::text[]), unnest($2::text[]))
       GROUP BY site_id`,
      params,
    );
    const openBySite = new Map(open.rows.map((r) => [r.site_id, r.n]));
    for (const r of rows)
      result.set(r.site_id, {
        issued: r.issued,
        waiting: r.waiting,
        serving: r.serving,
        served: r.served,
        handedToAgency: r.handed,
        noShow: r.no_show,
        cancelled: r.cancelled,
        transferred: r.transferred,
        compensationsOpen: openBySite.get(r.site_id) ?? 0,
        avgWaitSeconds: r.avg_wait === null ? null : Math.round(Number(r.avg_wait) * 10) / 10,
      });
    for (const [siteId, n] of openBySite)
      if (!result.has(siteId)) result.set(siteId, { ...EMPTY_DAY, compensationsOpen: n });
    return result;
  }

  async tickets(siteId: string, serviceDay: string): Promise<CentralTicketView[]> {
    const site = await this.pool.query('SELECT 1 FROM sites WHERE id = $1', [siteId]);
    if (site.rowCount === 0) throw new CentralError('CENTRAL_SITE_NOT_FOUND');
    const { rows } = await this.pool.query<Parameters<typeof ticketFromRecord>[0]>(
      'SELECT * FROM site_tickets WHERE site_id = $1 AND service_day = $2 ORDER BY issued_at, ticket_id',
      [siteId, serviceDay],
    );
    return rows.map((r) => {
      const t = ticketFromRecord(r);
      return {
        ticketId: t.ticketId,
        number: t.number,
        serviceId: t.serviceId,
        priority: t.priority,
        channel: t.channel,
        status: t.status,
        counterId: t.counterId,
        issuedAt: t.issuedAt,
        firstCalledAt: t.firstCalledAt,
        finishedAt: t.finishedAt,
        outcome: t.outcome,
        servedBy: t.servedBy,
      };
    });
  }
}
