import {
  addSkmTallies,
  EMPTY_SKM_TALLY,
  krejcieMorganSampleSize,
  SKM_AGE_BAND_LABELS,
  SKM_EDUCATION_LABELS,
  SKM_GENDER_LABELS,
  SKM_OCCUPATION_LABELS,
  SKM_UNSUR,
  skmIndex,
  type LocalizedText,
  type SkmTally,
} from '@giliran/domain';
import type { SkmFiguresView, SkmReportView } from '@giliran/protocol';
import type { SiteConfig } from '../config/site-config.ts';
import { HubError } from '../hub-error.ts';
import type { DemographicColumn, ServiceTally, SkmPeriodFilter, SkmStore } from './skm-store.ts';

export interface SkmReportRequest {
  readonly from: string;
  readonly to: string;
  readonly agencyId?: string | undefined;
  readonly serviceId?: string | undefined;
}

interface Scope {
  readonly kind: SkmReportView['scope']['kind'];
  readonly id: string | null;
  readonly name: LocalizedText;
  readonly serviceIds: readonly string[] | null;
  readonly agencyIds: readonly string[];
}

function scopeOf(site: SiteConfig, request: SkmReportRequest): Scope {
  if (request.serviceId !== undefined) {
    const service = site.services.find((s) => s.id === request.serviceId);
    if (!service) throw new HubError('SERVICE_NOT_FOUND');
    if (request.agencyId !== undefined && request.agencyId !== service.agencyId) {
      throw new HubError('VALIDATION_FAILED', [
        { path: 'serviceId', message: 'the service is not of that agency' },
      ]);
    }
    return {
      kind: 'service',
      id: service.id,
      name: service.name,
      serviceIds: [service.id],
      agencyIds: [service.agencyId],
    };
  }
  if (request.agencyId !== undefined) {
    const agency = site.agencies.find((a) => a.id === request.agencyId);
    if (!agency) throw new HubError('NOT_FOUND', [{ path: 'agencyId', message: 'no such agency' }]);
    const serviceIds = site.services.filter((s) => s.agencyId === agency.id).map((s) => s.id);
    return { kind: 'agency', id: agency.id, name: agency.name, serviceIds, agencyIds: [agency.id] };
  }
  return {
    kind: 'site',
    id: null,
    name: { id: site.name, en: site.name },
    serviceIds: null,
    agencyIds: site.agencies.map((a) => a.id),
  };
}

/** A scope's figures: the index of its answers against the sample its served tickets call for. */
export function skmFigures(tally: SkmTally, withoutTicket: number, population: number): SkmFiguresView {
  const index = skmIndex(tally);
  const sampleSize = krejcieMorganSampleSize(population);
  return {
    respondents: tally.respondents,
    withoutTicket,
    unsur: SKM_UNSUR.map((unsur, i) => {
      const result = index?.unsur[i];
      return {
        code: unsur.code,
        name: unsur.name,
        total: tally.totals[i] ?? 0,
        nrr: result?.nrr ?? null,
        converted: result?.converted ?? null,
        mutu: result?.mutu ?? null,
      };
    }),
    ikm: index?.ikm ?? null,
    converted: index?.converted ?? null,
    mutu: index?.mutu ?? null,
    kinerja: index?.kinerja ?? null,
    population,
    sampleSize,
    // No one served, no one to ask: a sample of 0 is not "reached" by an empty survey either.
    sampleReached: population > 0 && tally.respondents >= sampleSize,
  };
}

interface Sum {
  tally: SkmTally;
  withoutTicket: number;
}

function sumOf(rows: readonly ServiceTally[]): Sum {
  return rows.reduce<Sum>(
    (sum, row) => ({
      tally: addSkmTallies(sum.tally, row),
      withoutTicket: sum.withoutTicket + row.withoutTicket,
    }),
    { tally: EMPTY_SKM_TALLY, withoutTicket: 0 },
  );
}

const DEMOGRAPHICS: readonly [
  keyof SkmReportView['demographics'],
  DemographicColumn,
  Readonly<Record<string, LocalizedText>>,
][] = [
  ['gender', 'gender', SKM_GENDER_LABELS],
  ['ageBand', 'age_band', SKM_AGE_BAND_LABELS],
  ['education', 'education', SKM_EDUCATION_LABELS],
  ['occupation', 'occupation', SKM_OCCUPATION_LABELS],
];

/**
 * The IKM report of a period for the site, an agency or a service: its own figures, then a row per agency and per
 * service in it. Answers are counted on the day they were given; the population is the tickets served in the period.
 */
export function buildSkmReport(
  store: SkmStore,
  site: SiteConfig,
  request: SkmReportRequest,
  generatedAt: string,
): SkmReportView {
  const scope = scopeOf(site, request);
  const filter: SkmPeriodFilter = {
    from: request.from,
    to: request.to,
    serviceIds: scope.serviceIds,
    source: 'citizen',
  };
  const rows = store.tallies(filter);
  // Answers given at a counter-side tablet, in front of the officer: shown on their own, never mixed into the IKM.
  const atTablets = sumOf(store.tallies({ ...filter, source: 'counter-tablet' }));
  const served = store.servedTickets(filter);
  const population = (serviceIds: readonly string[]) =>
    serviceIds.reduce((sum, id) => sum + (served.get(id) ?? 0), 0);
  const inScope = (serviceId: string) => scope.serviceIds === null || scope.serviceIds.includes(serviceId);
  const services = site.services.filter((s) => inScope(s.id));

  const total = sumOf(rows);
  const demographics = Object.fromEntries(
    DEMOGRAPHICS.map(([key, column, labels]) => {
      const counts = store.demographic(filter, column);
      return [
        key,
        Object.entries(labels).map(([code, label]) => ({ code, label, count: counts.get(code) ?? 0 })),
      ];
    }),
  ) as SkmReportView['demographics'];

  return {
    from: request.from,
    to: request.to,
    generatedAt,
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    scope: { kind: scope.kind, id: scope.id, name: scope.name },
    figures: skmFigures(total.tally, total.withoutTicket, population(services.map((s) => s.id))),
    counterTablets: skmFigures(
      atTablets.tally,
      atTablets.withoutTicket,
      population(services.map((s) => s.id)),
    ),
    demographics,
    agencies: site.agencies
      .filter((a) => scope.agencyIds.includes(a.id))
      .map((agency) => {
        // An answer counts for the agency the service belonged to when it was given.
        const sum = sumOf(rows.filter((row) => row.agencyId === agency.id));
        const own = services.filter((s) => s.agencyId === agency.id).map((s) => s.id);
        return {
          id: agency.id,
          name: agency.name,
          figures: skmFigures(sum.tally, sum.withoutTicket, population(own)),
        };
      }),
    services: services.map((service) => {
      const sum = sumOf(rows.filter((row) => row.serviceId === service.id));
      return {
        id: service.id,
        agencyId: service.agencyId,
        name: service.name,
        figures: skmFigures(sum.tally, sum.withoutTicket, population([service.id])),
      };
    }),
  };
}
