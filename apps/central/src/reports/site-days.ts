import {
  isQueueEvent,
  REPORT_SUMMARY_VERSION,
  reportTicketsOf,
  summarizeDay,
  type DaySummary,
  type HubEvent,
  type QueueEvent,
  type ReportConfig,
} from '@giliran/domain';
import type pg from 'pg';
import { decodeDay, encodeDay } from '../report-engine.ts';
import type { ProfiledSite } from './site-profiles.ts';

/**
 * One site's day summaries, as its hub makes them: the day's queue events folded by the domain into the tickets a
 * report reads, summarised by `summarizeDay`. A day before the site's newest is closed (a hub sends in order, so
 * central holds all of it): its summary is kept, tagged with the profile that judged it.
 */
export class SiteDays {
  constructor(private readonly pool: pg.Pool) {}

  async summaries(site: ProfiledSite, config: ReportConfig, from: string, to: string): Promise<DaySummary[]> {
    if (site.serviceDay === null) return [];
    const last = site.serviceDay < to ? site.serviceDay : to;
    if (last < from) return [];
    const [days, stored] = await Promise.all([
      this.pool.query<{ service_day: string }>(
        'SELECT DISTINCT service_day FROM events WHERE site_id = $1 AND service_day BETWEEN $2 AND $3',
        [site.id, from, last],
      ),
      this.pool.query<{ service_day: string; counts: string; histograms: Buffer }>(
        `SELECT service_day, counts, histograms FROM site_report_days
         WHERE site_id = $1 AND service_day BETWEEN $2 AND $3 AND version = $4 AND profile_sha256 = $5`,
        [site.id, from, last, REPORT_SUMMARY_VERSION, site.profileSha],
      ),
    ]);
    const kept = new Map(stored.rows.map((r) => [r.service_day, decodeDay(r.counts, r.histograms)]));
    const result: DaySummary[] = [];
    for (const { service_day: day } of days.rows) {
      const summary = kept.get(day) ?? (await this.summarise(site, config, day));
      result.push(summary);
    }
    return result;
  }

  private async summarise(site: ProfiledSite, config: ReportConfig, day: string): Promise<DaySummary> {
    const events = await queueEventsOf(this.pool, site.id, day);
    const summary = summarizeDay(reportTicketsOf(day, events), config);
    if (site.serviceDay !== null && day < site.serviceDay) {
      const encoded = encodeDay(summary);
      await this.pool.query(
        `INSERT INTO site_report_days (site_id, service_day, version, profile_sha256, counts, histograms, computed_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (site_id, service_day) DO UPDATE SET version = excluded.version,
           profile_sha256 = excluded.profile_sha256, counts = excluded.counts, histograms = excluded.histograms,
           computed_at = excluded.computed_at`,
        [site.id, day, REPORT_SUMMARY_VERSION, site.profileSha, encoded.counts, encoded.histograms],
      );
    }
    return summary;
  }
}

/** A site's queue events of one service day, in the hub's order: what the hub's engine folds. */
export async function queueEventsOf(pool: pg.Pool, siteId: string, day: string): Promise<QueueEvent[]> {
  const { rows } = await pool.query<{ payload: HubEvent }>(
    `SELECT payload FROM events WHERE site_id = $1 AND service_day = $2
       AND (type LIKE 'ticket:%' OR type LIKE 'counter:%' OR type LIKE 'compensation:%')
     ORDER BY seq`,
    [siteId, day],
  );
  return rows.map((r) => r.payload).filter(isQueueEvent);
}
