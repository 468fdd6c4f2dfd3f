import type { AgencyRecord, CounterRecord, ServiceRecord } from '@giliran/domain';
import { z } from 'zod';
import type { SiteConfig } from '../config/site-config.ts';

/*
 * The hall's agencies, services and counters as stored settings (issue 14): one row per record added or edited
 * from the screens, `setting.agency/<id>`, `setting.service/<id>`, `setting.counter/<id>`. At start they are laid
 * over the site file before every other setting (a counter must exist before its services are set), and a record
 * the file does not have is added. The stored value is the whole record, so the latest row alone says it.
 */

const Text = z.string().min(1);
const Localized = z.object({ id: Text, en: Text });

export const StoredAgency: z.ZodType<AgencyRecord> = z.object({
  name: Localized,
  shortName: z.string().min(1).max(10).optional(),
  retired: z.boolean(),
});

export const StoredService: z.ZodType<ServiceRecord> = z.object({
  agencyId: Text,
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  name: Localized,
  summary: z.object({ requirements: z.array(Localized), fee: Localized, duration: Localized }),
  standardMinutes: z.number().int().positive().optional(),
  retired: z.boolean(),
});

export const StoredCounter: z.ZodType<CounterRecord> = z.object({ name: Text, retired: z.boolean() });

type Agency = SiteConfig['agencies'][number];
type Service = SiteConfig['services'][number];
type Counter = SiteConfig['counters'][number];

/** Replaces the record with that id, or adds it at the end (new ones list after the file's). */
function upsert<T extends { readonly id: string }>(
  list: readonly T[],
  id: string,
  make: (old?: T) => T,
): T[] {
  const index = list.findIndex((item) => item.id === id);
  return index === -1 ? [...list, make()] : list.map((item, i) => (i === index ? make(item) : item));
}

export function readAgency(site: SiteConfig, id: string | null): AgencyRecord | null {
  const a = site.agencies.find((x) => x.id === id);
  return a
    ? { name: a.name, ...(a.shortName ? { shortName: a.shortName } : {}), retired: a.retired ?? false }
    : null;
}

export function writeAgency(site: SiteConfig, id: string, record: AgencyRecord): void {
  site.agencies = upsert(site.agencies, id, (): Agency => ({
    id,
    name: record.name,
    ...(record.shortName ? { shortName: record.shortName } : {}),
    ...(record.retired ? { retired: true } : {}),
  }));
}

const NO_SUMMARY: ServiceRecord['summary'] = {
  requirements: [],
  fee: { id: '-', en: '-' },
  duration: { id: '-', en: '-' },
};

export function readService(site: SiteConfig, id: string | null): ServiceRecord | null {
  const s = site.services.find((x) => x.id === id);
  return s
    ? {
        agencyId: s.agencyId,
        prefix: s.prefix,
        name: s.name,
        summary: s.summary ?? NO_SUMMARY,
        ...(s.standardMinutes !== undefined ? { standardMinutes: s.standardMinutes } : {}),
        retired: s.retired ?? false,
      }
    : null;
}

/** The service's own SOP overrides and hours are settings of their own and are kept. */
export function writeService(site: SiteConfig, id: string, record: ServiceRecord): void {
  site.services = upsert(site.services, id, (old?: Service): Service => {
    // Its own SOP overrides and hours are kept; the record's fields replace the rest.
    const kept: Service = {
      ...(old ?? { id, agencyId: record.agencyId, prefix: record.prefix, name: record.name }),
    };
    delete kept.standardMinutes;
    delete kept.retired;
    return {
      ...kept,
      id,
      agencyId: record.agencyId,
      prefix: record.prefix,
      name: record.name,
      summary: { ...record.summary, requirements: [...record.summary.requirements] },
      ...(record.standardMinutes !== undefined ? { standardMinutes: record.standardMinutes } : {}),
      ...(record.retired ? { retired: true } : {}),
    };
  });
}

export function readCounter(site: SiteConfig, id: string | null): CounterRecord | null {
  const c = site.counters.find((x) => x.id === id);
  return c ? { name: c.name, retired: c.retired ?? false } : null;
}

/** A new counter serves nothing until its `counter-services` row (written with it) says what. */
export function writeCounter(site: SiteConfig, id: string, record: CounterRecord): void {
  site.counters = upsert(site.counters, id, (old?: Counter): Counter => ({
    id,
    name: record.name,
    serviceIds: old?.serviceIds ?? [],
    ...(record.retired ? { retired: true } : {}),
  }));
}
