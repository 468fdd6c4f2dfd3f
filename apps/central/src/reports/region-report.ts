import {
  addDay,
  bookingReport,
  buildRecap,
  emptyTotals,
  type BookingReportFacts,
  type CompensationCount,
  type CompensationKind,
  type DaySummary,
  type ReportConfig,
  type Totals,
} from '@giliran/domain';
import type {
  CentralCompensationView,
  RegionSections,
  ReportRow,
  ReportView,
  SiteProfile,
} from '@giliran/protocol';
import type pg from 'pg';
import { CentralError, type Clock } from '../hub-shared.ts';
import { bookingSectionView, reportView, type ReportFileView, type ReportSite } from '../report-engine.ts';
import { regionComplaints, regionSkm } from './region-records.ts';
import { siteBookingFacts } from './site-bookings.ts';
import { SiteDays } from './site-days.ts';
import { reportConfigOf, reportSiteOf, SiteProfiles, type ProfiledSite } from './site-profiles.ts';

/** The region's combined report names this site. */
const REGION_SITE_ID = 'wilayah';

interface SiteRecap {
  readonly site: ProfiledSite;
  readonly days: readonly DaySummary[];
  readonly compensations: readonly CompensationCount[];
  /** The booking section's facts; null when the hub's report has none. */
  readonly bookings: BookingReportFacts | null;
  readonly view: ReportView;
}

const prefixed = <T>(record: Readonly<Record<string, T>>, prefix: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [`${prefix}${key}`, value]));

/** A site's day with its services, counters and officers keyed `site/…`: sites may use the same ids. */
function regionDay(siteId: string, day: DaySummary): DaySummary {
  const p = `${siteId}/`;
  return {
    ...day,
    services: prefixed(day.services, p),
    counters: prefixed(day.counters, p),
    officers: prefixed(day.officers, p),
    compliance: prefixed(day.compliance, p),
  };
}

/**
 * The profile of the region as one site: agencies merged by id (an agency serving at several halls is one row),
 * services, counters and officers per site, named "Site · Service".
 */
function regionProfile(sites: readonly ProfiledSite[]): SiteProfile {
  const first = sites[0]?.profile;
  const agencies = new Map<string, SiteProfile['agencies'][number]>();
  for (const s of sites) for (const a of s.profile.agencies) if (!agencies.has(a.id)) agencies.set(a.id, a);
  const named = (site: ProfiledSite, name: { id: string; en: string }) => ({
    id: `${site.name} · ${name.id}`,
    en: `${site.name} · ${name.en}`,
  });
  return {
    name: 'Wilayah',
    timeZone: first?.timeZone ?? 'Asia/Jakarta',
    sopStandards: first?.sopStandards ?? { 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 5, 7: 5, 8: 1 },
    sopStepNames: first?.sopStepNames ?? {},
    agencies: [...agencies.values()],
    services: sites.flatMap((s) =>
      s.profile.services.map((service) => ({
        id: `${s.id}/${service.id}`,
        agencyId: service.agencyId,
        name: named(s, service.name),
        // Each site's own standards travel with its services, so the region judges each step as its hall did.
        sopStandards: { ...s.profile.sopStandards, ...service.sopStandards },
      })),
    ),
    counters: sites.flatMap((s) =>
      s.profile.counters.map((c) => ({
        id: `${s.id}/${c.id}`,
        name: `${s.name} · ${c.name}`,
        serviceIds: c.serviceIds.map((id) => `${s.id}/${id}`),
      })),
    ),
    officers: sites.flatMap((s) =>
      s.profile.officers.map((o) => ({
        username: `${s.id}/${o.username}`,
        name: `${o.name} (${s.name})`,
      })),
    ),
  };
}

/** The sites' booking facts as one, services keyed `site/…` like the region's profile; null when no site has any. */
function regionBookings(recaps: readonly SiteRecap[]): BookingReportFacts | null {
  const sites = recaps.filter((r) => r.bookings !== null);
  if (sites.length === 0) return null;
  const keyed = <T extends { readonly serviceId: string }>(siteId: string, rows: readonly T[]): T[] =>
    rows.map((row) => ({ ...row, serviceId: `${siteId}/${row.serviceId}` }));
  return {
    tickets: sites.flatMap((r) => keyed(r.site.id, r.bookings?.tickets ?? [])),
    bookings: sites.flatMap((r) => keyed(r.site.id, r.bookings?.bookings ?? [])),
  };
}

function totalsOf(days: readonly DaySummary[]): Totals {
  const totals = emptyTotals();
  for (const day of days) addDay(totals, day);
  return totals;
}

/**
 * Central's region reports: the hall's recap for each site, built from the events its hub sent by the hub's own
 * report engine, and the region's combined recap with each site's totals, SKM/IKM and complaints beside it.
 */
export class RegionReports {
  private readonly profiles: SiteProfiles;
  private readonly days: SiteDays;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {
    this.profiles = new SiteProfiles(pool);
    this.days = new SiteDays(pool);
  }

  putProfile(siteId: string, profile: SiteProfile, now: Date): Promise<void> {
    return this.profiles.put(siteId, profile, now);
  }

  /** The day a report defaults to: the newest service day any site has sent (or today in UTC before any). */
  async today(): Promise<string> {
    const { rows } = await this.pool.query<{ day: string | null }>(
      'SELECT max(service_day) AS day FROM sites',
    );
    return rows[0]?.day ?? new Date(this.clock.now()).toISOString().slice(0, 10);
  }

  async report(from: string, to: string, siteId?: string): Promise<ReportFileView> {
    const sites = await this.profiles.sites(siteId);
    if (siteId !== undefined && sites.length === 0) throw new CentralError('CENTRAL_SITE_NOT_FOUND');
    const generatedAt = new Date(this.clock.now()).toISOString();
    const recaps = await Promise.all(sites.map((site) => this.siteRecap(site, from, to, generatedAt)));
    const region = await this.sections(recaps, from, to);
    if (siteId !== undefined && recaps[0]) return { ...recaps[0].view, region };
    const profile = regionProfile(sites);
    const config: ReportConfig = reportConfigOf(profile);
    const totals = totalsOf(recaps.flatMap((r) => r.days.map((d) => regionDay(r.site.id, d))));
    const recap = buildRecap(
      totals,
      config,
      recaps.flatMap((r) => r.compensations),
      { from, to },
    );
    const live = recaps.some((r) => r.view.live);
    const site: ReportSite = reportSiteOf(REGION_SITE_ID, profile);
    const view = reportView({ recap, live, generatedAt }, site, officerNames(profile));
    const bookings = regionBookings(recaps);
    return {
      ...view,
      ...(bookings ? { bookings: bookingSectionView(bookingReport(bookings), profile.services) } : {}),
      region,
    };
  }

  private async siteRecap(
    site: ProfiledSite,
    from: string,
    to: string,
    generatedAt: string,
  ): Promise<SiteRecap> {
    const config = reportConfigOf(site.profile);
    const [days, compensations, bookings] = await Promise.all([
      this.days.summaries(site, config, from, to),
      this.compensationCounts(site.id, from, to),
      siteBookingFacts(this.pool, site, from, to),
    ]);
    const recap = buildRecap(totalsOf(days), config, compensations, { from, to });
    const live = site.serviceDay !== null && from <= site.serviceDay && site.serviceDay <= to;
    const view = reportView(
      { recap, live, generatedAt },
      reportSiteOf(site.id, site.profile),
      officerNames(site.profile),
    );
    if (bookings === null) return { site, days, compensations, bookings, view };
    const section = bookingSectionView(bookingReport(bookings), site.profile.services);
    return { site, days, compensations, bookings, view: { ...view, bookings: section } };
  }

  /** A site's compensations raised on a service day, with the ticket's number: the drill-down of /pusat. */
  async compensations(siteId: string, day: string): Promise<CentralCompensationView[]> {
    const site = await this.pool.query('SELECT 1 FROM sites WHERE id = $1', [siteId]);
    if (site.rowCount === 0) throw new CentralError('CENTRAL_SITE_NOT_FOUND');
    const { rows } = await this.pool.query<{
      compensation_id: string;
      kind: string;
      ticket_id: string | null;
      number: string | null;
      counter_id: string | null;
      raised_at: Date;
      resolved_at: Date | null;
    }>(
      `SELECT c.compensation_id, c.kind, c.ticket_id, t.number, c.counter_id, c.raised_at, c.resolved_at
       FROM site_compensations c
       LEFT JOIN site_tickets t ON t.site_id = c.site_id AND t.ticket_id = c.ticket_id
       WHERE c.site_id = $1 AND c.service_day = $2 ORDER BY c.raised_at, c.compensation_id`,
      [siteId, day],
    );
    return rows.map((r) => ({
      compensationId: r.compensation_id,
      kind: r.kind,
      ticketId: r.ticket_id,
      number: r.number,
      counterId: r.counter_id,
      raisedAt: r.raised_at.toISOString(),
      resolvedAt: r.resolved_at?.toISOString() ?? null,
    }));
  }

  /** Compensations raised in the range by kind, resolved by now: central's copy of the hub's register. */
  private async compensationCounts(siteId: string, from: string, to: string): Promise<CompensationCount[]> {
    const { rows } = await this.pool.query<{ kind: string; raised: number; resolved: number }>(
      `SELECT kind, count(*)::int AS raised, count(resolved_at)::int AS resolved FROM site_compensations
       WHERE site_id = $1 AND service_day BETWEEN $2 AND $3 GROUP BY kind`,
      [siteId, from, to],
    );
    // Central stores the kinds the hub logged, which are the domain's.
    return rows.map((r) => ({ kind: r.kind as CompensationKind, raised: r.raised, resolved: r.resolved }));
  }

  private async sections(recaps: readonly SiteRecap[], from: string, to: string): Promise<RegionSections> {
    const sites = recaps.map((r) => r.site);
    const [skm, complaints] = await Promise.all([
      regionSkm(this.pool, sites, from, to),
      regionComplaints(this.pool, sites, from, to, this.clock.now()),
    ]);
    return {
      sites: recaps.map((r): ReportRow => ({
        ...r.view.total,
        key: r.site.id,
        name: { id: r.site.name, en: r.site.name },
      })),
      skm,
      complaints: complaints.rows,
      openComplaints: complaints.open,
    };
  }
}

function officerNames(profile: SiteProfile): Map<string, string> {
  return new Map(profile.officers.map((o) => [o.username, o.name]));
}
