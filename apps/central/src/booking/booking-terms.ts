import {
  DEFAULT_BOOKING_RULES,
  withFixedHolidays,
  type BookingRules,
  type HolidayDates,
  type OpeningHours,
  type ServiceBooking,
} from '@giliran/domain';
import type { BookingTerms, SiteProfile } from '@giliran/protocol';
import type pg from 'pg';

/**
 * The booking terms a hub sends in its profile, kept with the site's acknowledged sequence at their arrival: a MOD's
 * quota change logged after that (`setting:changed`, kind `booking-capacity`) reaches central in the log and wins
 * over them until the hub's next profile. A profile without terms withdraws the site from central's booking.
 */
export async function putBookingTerms(
  db: pg.Pool | pg.PoolClient,
  siteId: string,
  terms: BookingTerms | null,
  now: Date,
): Promise<void> {
  if (!terms) {
    await db.query('DELETE FROM site_booking_terms WHERE site_id = $1', [siteId]);
    return;
  }
  await db.query(
    `INSERT INTO site_booking_terms (site_id, terms, acked_seq, updated_at)
     SELECT $1, $2, last_seq, $3 FROM sites WHERE id = $1
     ON CONFLICT (site_id) DO UPDATE SET terms = excluded.terms, acked_seq = excluded.acked_seq,
       updated_at = excluded.updated_at`,
    [siteId, JSON.stringify(terms), now.toISOString()],
  );
}

/** A site as central's booking sees it: its names from the profile, its terms with the newest quotas. */
export interface BookingSite {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly agencies: SiteProfile['agencies'];
  readonly services: SiteProfile['services'];
  readonly terms: BookingTerms;
}

/** The newest quota per service logged after the terms arrived. */
async function loggedCapacities(
  db: pg.Pool | pg.PoolClient,
  siteId: string,
  afterSeq: string,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ service_id: string; capacity: unknown }>(
    `SELECT DISTINCT ON (payload->>'target') payload->>'target' AS service_id, payload->'after' AS capacity
     FROM events WHERE site_id = $1 AND type = 'setting:changed' AND seq > $2
       AND payload->>'kind' = 'booking-capacity'
     ORDER BY payload->>'target', seq DESC`,
    [siteId, afterSeq],
  );
  return new Map(
    rows.flatMap((r) => (typeof r.capacity === 'number' ? [[r.service_id, r.capacity] as const] : [])),
  );
}

/** The site's booking as central takes it, or null when the site is unknown, disabled or takes no bookings. */
export async function bookingSite(db: pg.Pool | pg.PoolClient, siteId: string): Promise<BookingSite | null> {
  const { rows } = await db.query<{ terms: BookingTerms; acked_seq: string; profile: SiteProfile }>(
    `SELECT t.terms, t.acked_seq, p.profile FROM site_booking_terms t
     JOIN sites s ON s.id = t.site_id AND s.disabled_at IS NULL
     JOIN site_profiles p ON p.site_id = t.site_id
     WHERE t.site_id = $1`,
    [siteId],
  );
  const row = rows[0];
  if (!row) return null;
  const logged = await loggedCapacities(db, siteId, row.acked_seq);
  const terms: BookingTerms = {
    ...row.terms,
    services: row.terms.services.map((s) => ({ ...s, capacity: logged.get(s.id) ?? s.capacity })),
  };
  const { profile } = row;
  return {
    id: siteId,
    name: profile.name,
    timeZone: profile.timeZone,
    agencies: profile.agencies,
    services: profile.services,
    terms,
  };
}

export function rulesOf(terms: BookingTerms): BookingRules {
  return {
    horizonDays: terms.horizonDays,
    sessions: terms.sessions,
    walkInShare: terms.walkInShare,
    maxOpenPerPhone: terms.maxOpenPerPhone,
    noShowBlock: terms.noShowBlock,
    checkInBeforeMinutes: terms.checkInBeforeMinutes,
    checkInAfterMinutes: terms.checkInAfterMinutes,
    // Central only takes bookings; the hall calls them by its own rule.
    callRule: DEFAULT_BOOKING_RULES.callRule,
  };
}

/** The service's booking terms, or null when it takes none. */
export function serviceOf(site: BookingSite, serviceId: string): ServiceBooking | null {
  const service = site.terms.services.find((s) => s.id === serviceId);
  if (!service || service.capacity <= 0) return null;
  return { serviceId, capacity: service.capacity };
}

export function hoursOf(site: BookingSite, serviceId: string): OpeningHours {
  return site.terms.services.find((s) => s.id === serviceId)?.openingHours ?? site.terms.openingHours;
}

export function holidaysOf(site: BookingSite): HolidayDates {
  return withFixedHolidays(site.terms.holidays);
}
