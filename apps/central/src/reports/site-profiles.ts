import { DEFAULT_SOP_STANDARDS, type ReportConfig } from '@giliran/domain';
import type { SiteProfile } from '@giliran/protocol';
import type pg from 'pg';
import { sha256 } from '../hub-shared.ts';
import type { ReportSite } from '../report-engine.ts';
import { putBookingTerms } from '../booking/booking-terms.ts';

/** A site as its reports see it: the hub's profile, or plain ids until its hub has sent one. */
export interface ProfiledSite {
  readonly id: string;
  /** The name the region enrolled it under (the hub's own name is in its profile, on its own reports). */
  readonly name: string;
  /** The newest service day central holds events of (null before the first). */
  readonly serviceDay: string | null;
  readonly profile: SiteProfile;
  /** Which profile judged a stored day: a changed standard makes the stored days stale. */
  readonly profileSha: string;
}

const noProfile = (name: string): SiteProfile => ({
  name,
  timeZone: 'Asia/Jakarta',
  sopStandards: { ...DEFAULT_SOP_STANDARDS },
  sopStepNames: {},
  agencies: [],
  services: [],
  counters: [],
  officers: [],
});

export function reportConfigOf(profile: SiteProfile): ReportConfig {
  return {
    timeZone: profile.timeZone,
    sopStandards: profile.sopStandards,
    services: profile.services.map((s) => ({
      id: s.id,
      agencyId: s.agencyId,
      prefix: '',
      ...(s.sopStandards ? { sopStandards: s.sopStandards } : {}),
    })),
    counters: profile.counters,
  };
}

export function reportSiteOf(id: string, profile: SiteProfile): ReportSite {
  return { id, ...profile };
}

/** The profiles hubs send (`PUT /api/central/profile`) and the sites with them, for the reports. */
export class SiteProfiles {
  constructor(private readonly pool: pg.Pool) {}

  async put(siteId: string, profile: SiteProfile, now: Date): Promise<void> {
    const { booking, ...judging } = profile;
    const text = JSON.stringify(profile);
    // The booking terms judge no day: a quota change must not make the stored days stale.
    const sha = sha256(JSON.stringify(judging));
    await this.pool.query(
      `INSERT INTO site_profiles (site_id, profile, profile_sha256, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (site_id) DO UPDATE SET profile = excluded.profile, profile_sha256 = excluded.profile_sha256,
         updated_at = excluded.updated_at`,
      [siteId, text, sha, now.toISOString()],
    );
    await putBookingTerms(this.pool, siteId, booking ?? null, now);
  }

  /** Every site (or the one asked for) with its profile, in the order the region lists them. */
  async sites(only?: string): Promise<ProfiledSite[]> {
    const { rows } = await this.pool.query<{
      id: string;
      name: string;
      service_day: string | null;
      profile: SiteProfile | null;
      profile_sha256: string | null;
    }>(
      `SELECT s.id, s.name, s.service_day, p.profile, p.profile_sha256 FROM sites s
       LEFT JOIN site_profiles p ON p.site_id = s.id
       WHERE $1::text IS NULL OR s.id = $1 ORDER BY s.region, s.name, s.id`,
      [only ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      serviceDay: r.service_day,
      profile: r.profile ?? noProfile(r.name),
      profileSha: r.profile_sha256 ?? '',
    }));
  }
}
