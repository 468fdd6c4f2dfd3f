// The report the hub should give for the simulated day, worked out from the simulation's ledger alone, by the rules
// of the README's Reports section: `issued` where a ticket was issued, `transferred` where it was moved from, the
// rest where it ended (its last counter, the officer whose finish or no-show closed it); waits issue → first call,
// service first step → finish; whole seconds (floored), mean rounded half up, P90 by nearest rank.
import { findService, standardsFor, type QueueConfig } from '@giliran/domain';
import { toQueueConfig } from '../../apps/hub/src/config/site-config.ts';
import type { SiteConfig } from '../../apps/hub/src/index.ts';
import type { Ledger, SimTicket } from './load-ledger.ts';

export interface Durations {
  readonly count: number;
  readonly averageSeconds: number | null;
  readonly p90Seconds: number | null;
  readonly maxSeconds: number | null;
}

export interface Row {
  readonly key: string;
  readonly issued: number | null;
  readonly priority: number | null;
  readonly served: number;
  readonly handedToAgency: number;
  readonly noShows: number;
  readonly cancelled: number | null;
  readonly transferred: number;
  readonly open: number | null;
  readonly lateService: number | null;
  readonly wait: Durations;
  readonly service: Durations;
}

export interface ExpectedReport {
  readonly total: Row;
  readonly agencies: readonly Row[];
  readonly services: readonly Row[];
  readonly counters: readonly Row[];
  readonly officers: readonly Row[];
  readonly arrivals: readonly number[];
  readonly lateTickets: number;
  /** Late-service compensations resolved at the desk. */
  readonly apologies: number;
}

interface Bucket {
  issued: number;
  priority: number;
  served: number;
  handedToAgency: number;
  noShows: number;
  cancelled: number;
  transferred: number;
  open: number;
  lateService: number;
  wait: number[];
  service: number[];
}

const emptyBucket = (): Bucket => ({
  issued: 0,
  priority: 0,
  served: 0,
  handedToAgency: 0,
  noShows: 0,
  cancelled: 0,
  transferred: 0,
  open: 0,
  lateService: 0,
  wait: [],
  service: [],
});

/** Computed here on purpose rather than with the hub's Histogram: an independent recount. */
export function durations(values: readonly number[]): Durations {
  if (values.length === 0) return { count: 0, averageSeconds: null, p90Seconds: null, maxSeconds: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  // Nearest rank ⌈0.9 × N⌉ in integers: (9N + 9) div 10, no floating point to round the wrong way.
  const rank = Math.floor((9 * sorted.length + 9) / 10);
  return {
    count: sorted.length,
    averageSeconds: Math.round(sum / sorted.length),
    p90Seconds: sorted[rank - 1] ?? null,
    maxSeconds: sorted[sorted.length - 1] ?? null,
  };
}

const wholeSeconds = (fromMs: number, toMs: number) => Math.max(0, Math.floor((toMs - fromMs) / 1000));

const configs = new WeakMap<SiteConfig, QueueConfig>();
/** The site as the hub's domain sees it, made once per site: the day asks for it at every desk action. */
function configOf(site: SiteConfig): QueueConfig {
  let config = configs.get(site);
  if (!config) configs.set(site, (config = toQueueConfig(site)));
  return config;
}

/**
 * Minutes a ticket may wait uncalled before it is owed late service: SOP steps 2–3 plus the first tier, with the
 * standards the hub times the service by (a service's own total is fitted over its steps: config/site-config.ts).
 */
export function lateAfterMs(site: SiteConfig, serviceId: string): number {
  const config = configOf(site);
  const service = findService(config, serviceId);
  if (!service) throw new Error(`no service ${serviceId}`);
  const standards = standardsFor(config, service);
  const firstTier = site.compensation.lateService[0];
  if (!firstTier) throw new Error('the site has no late-service tier');
  return (standards[2] + standards[3] + firstTier.minutesLate) * 60_000;
}

function isLate(t: SimTicket, site: SiteConfig, endMs: number): boolean {
  const stoppedWaiting = t.firstCalledAt ?? t.leftAt ?? endMs;
  return stoppedWaiting - t.issuedAt >= lateAfterMs(site, t.issuedFor);
}

function localHour(ms: number, offsetHours: number): number {
  return Math.floor((((ms / 3_600_000 + offsetHours) % 24) + 24) % 24);
}

function addOutcome(b: Bucket, t: SimTicket, late: boolean): void {
  if (t.status === 'done') b.served++;
  if (t.outcome === 'handed_to_agency') b.handedToAgency++;
  if (t.status === 'no_show') b.noShows++;
  if (t.status === 'cancelled') b.cancelled++;
  if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving') b.open++;
  if (late) b.lateService++;
  if (t.firstCalledAt !== null) b.wait.push(wholeSeconds(t.issuedAt, t.firstCalledAt));
  if (t.status === 'done' && t.finishedAt !== null) {
    const start = t.firstStepAt ?? t.lastCalledAt ?? t.issuedAt;
    b.service.push(wholeSeconds(start, t.finishedAt));
  }
}

function merge(into: Bucket, from: Bucket): void {
  for (const key of [
    'issued',
    'priority',
    'served',
    'handedToAgency',
    'noShows',
    'cancelled',
    'transferred',
    'open',
    'lateService',
  ] as const)
    into[key] += from[key];
  into.wait.push(...from.wait);
  into.service.push(...from.service);
}

const queueRow = (key: string, b: Bucket): Row => ({
  key,
  issued: b.issued,
  priority: b.priority,
  served: b.served,
  handedToAgency: b.handedToAgency,
  noShows: b.noShows,
  cancelled: b.cancelled,
  transferred: b.transferred,
  open: b.open,
  lateService: b.lateService,
  wait: durations(b.wait),
  service: durations(b.service),
});

const deskRow = (key: string, b: Bucket): Row => ({
  ...queueRow(key, b),
  issued: null,
  priority: null,
  cancelled: null,
  open: null,
  lateService: null,
});

/** `endMs`: when the report is taken; a ticket still waiting uncalled then is late if it has waited long enough. */
export function expectedReport(
  ledger: Ledger,
  site: SiteConfig,
  endMs: number,
  zoneOffsetHours: number,
): ExpectedReport {
  const of = (map: Map<string, Bucket>, key: string) => {
    let bucket = map.get(key);
    if (!bucket) {
      bucket = emptyBucket();
      map.set(key, bucket);
    }
    return bucket;
  };
  const services = new Map(site.services.map((s) => [s.id, emptyBucket()]));
  const counters = new Map(site.counters.map((c) => [c.id, emptyBucket()]));
  const officers = new Map<string, Bucket>();
  const arrivals = Array.from({ length: 24 }, () => 0);
  let lateTickets = 0;
  let apologies = 0;
  for (const t of ledger.tickets.values()) {
    const issuedFor = of(services, t.issuedFor);
    issuedFor.issued++;
    if (t.priority) issuedFor.priority++;
    const hour = localHour(t.issuedAt, zoneOffsetHours);
    arrivals[hour] = (arrivals[hour] ?? 0) + 1;
    for (const move of t.transfers) {
      of(services, move.from).transferred++;
      of(counters, move.counterId).transferred++;
      of(officers, move.by).transferred++;
    }
    const late = isLate(t, site, endMs);
    if (late) lateTickets++;
    if (t.apologised) apologies++;
    addOutcome(of(services, t.serviceId), t, late);
    if (t.counterId !== null) addOutcome(of(counters, t.counterId), t, late);
    if (t.closedBy !== null) addOutcome(of(officers, t.closedBy), t, late);
  }
  const agencies = new Map(site.agencies.map((a) => [a.id, emptyBucket()]));
  const total = emptyBucket();
  for (const service of site.services) {
    const bucket = of(services, service.id);
    merge(of(agencies, service.agencyId), bucket);
    merge(total, bucket);
  }
  return {
    total: queueRow('total', total),
    agencies: [...agencies].map(([key, b]) => queueRow(key, b)),
    services: [...services].map(([key, b]) => queueRow(key, b)),
    counters: [...counters].map(([key, b]) => deskRow(key, b)),
    officers: [...officers].map(([key, b]) => deskRow(key, b)),
    arrivals,
    lateTickets,
    apologies,
  };
}
