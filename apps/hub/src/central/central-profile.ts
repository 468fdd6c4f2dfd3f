import type { QueueConfig } from '@giliran/domain';
import type { BookingTerms, SiteProfile } from '@giliran/protocol';
import { bookingRulesOf } from '../config/booking-settings.ts';
import type { SiteConfig } from '../config/site-config.ts';

/**
 * The site's booking terms for central, which takes its bookings (issue 18): the rules, the hours, each service's
 * capacity (MOD's setting applied) and what the citizen is told of it, and the holidays entered at the hall.
 */
export function bookingTerms(site: SiteConfig, holidays: readonly string[]): BookingTerms | undefined {
  if (!site.booking) return undefined;
  const rules = bookingRulesOf(site);
  return {
    horizonDays: rules.horizonDays,
    sessions: [...rules.sessions],
    walkInShare: rules.walkInShare,
    maxOpenPerPhone: rules.maxOpenPerPhone,
    noShowBlock: rules.noShowBlock,
    checkInBeforeMinutes: rules.checkInBeforeMinutes,
    checkInAfterMinutes: rules.checkInAfterMinutes,
    openingHours: site.openingHours,
    services: site.services.map((s) => ({
      id: s.id,
      capacity: site.booking?.capacity[s.id] ?? 0,
      openingHours: s.openingHours ?? null,
      requirements: s.summary?.requirements ?? [],
      fee: s.summary?.fee ?? null,
      duration: s.summary?.duration ?? null,
    })),
    // The newest few thousand are plenty: the booking horizon is at most 90 days ahead.
    holidays: holidays.slice(-3000),
  };
}

/**
 * What central needs to build this hall's reports as the hall builds them: the names of its agencies, services,
 * counters, SOP steps and officers, and the SOP standards its tickets are judged by (the running config, fitted
 * and with settings applied). No PINs, devices, printers or addresses.
 */
export function siteProfile(
  site: SiteConfig,
  config: QueueConfig,
  officers: Map<string, string>,
  holidays: readonly string[] = [],
): SiteProfile {
  const booking = bookingTerms(site, holidays);
  const names = new Map(site.services.map((s) => [s.id, s.name]));
  return {
    name: site.name,
    timeZone: site.timeZone,
    sopStandards: { ...config.sopStandards },
    sopStepNames: { ...site.sopStepNames },
    agencies: site.agencies.map((a) => ({ id: a.id, name: a.name })),
    services: config.services.map((s) => ({
      id: s.id,
      agencyId: s.agencyId,
      name: names.get(s.id) ?? { id: s.id, en: s.id },
      ...(s.sopStandards ? { sopStandards: { ...s.sopStandards } } : {}),
    })),
    counters: site.counters.map((c) => ({ id: c.id, name: c.name, serviceIds: [...c.serviceIds] })),
    officers: [...officers].map(([username, name]) => ({ username, name })),
    ...(booking ? { booking } : {}),
  };
}
