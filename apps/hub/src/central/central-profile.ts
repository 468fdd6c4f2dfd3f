import type { QueueConfig } from '@giliran/domain';
import type { SiteProfile } from '@giliran/protocol';
import type { SiteConfig } from '../config/site-config.ts';

/**
 * What central needs to build this hall's reports as the hall builds them: the names of its agencies, services,
 * counters, SOP steps and officers, and the SOP standards its tickets are judged by (the running config, fitted
 * and with settings applied). No PINs, devices, printers or addresses.
 */
export function siteProfile(
  site: SiteConfig,
  config: QueueConfig,
  officers: Map<string, string>,
): SiteProfile {
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
  };
}
