import type { ChangedBy, SettingChanged } from './record-events.ts';

/*
 * Setting up the hall from the screens (issue 14): adding, editing and retiring agencies, services and counters.
 * Pure: the hub passes the hall as it stands and the change; the answer is the `setting:changed` events to append
 * (stored like every other setting, so a restart and `db:rebuild` lay them over the site file again) or a coded
 * refusal. Nothing is ever deleted: a retired service keeps its tickets, prefix and reports, and its prefix is
 * never given to another service, so a number issued today cannot mean two services.
 */

export type HallRuleCode =
  | 'AGENCY_EXISTS'
  | 'AGENCY_NOT_FOUND'
  | 'AGENCY_RETIRED'
  | 'AGENCY_IN_USE'
  | 'SERVICE_EXISTS'
  | 'SERVICE_NOT_FOUND'
  | 'SERVICE_RETIRED'
  | 'PREFIX_TAKEN'
  | 'COUNTER_EXISTS'
  | 'COUNTER_NOT_FOUND'
  | 'COUNTER_IN_USE';

export class HallRuleError extends Error {
  constructor(readonly code: HallRuleCode) {
    super(code);
    this.name = 'HallRuleError';
  }
}

export interface HallText {
  readonly id: string;
  readonly en: string;
}

export interface AgencyRecord {
  readonly name: HallText;
  readonly shortName?: string | undefined;
  readonly retired: boolean;
}

export interface ServiceRecord {
  readonly agencyId: string;
  /** Fixed once created: the letters on every ticket the service ever issued. */
  readonly prefix: string;
  readonly name: HallText;
  readonly summary: {
    readonly requirements: readonly HallText[];
    readonly fee: HallText;
    readonly duration: HallText;
  };
  readonly standardMinutes?: number | undefined;
  readonly retired: boolean;
}

export interface CounterRecord {
  readonly name: string;
  readonly retired: boolean;
}

/** The hall as the hub holds it now, with what the live queue says about each counter. */
export interface HallFacts {
  readonly agencies: readonly ({ readonly id: string } & AgencyRecord)[];
  readonly services: readonly ({ readonly id: string } & ServiceRecord)[];
  readonly counters: readonly ({
    readonly id: string;
    readonly serviceIds: readonly string[];
  } & CounterRecord)[];
  /** Counters open, paused or with a ticket called or in service: they cannot be retired until closed. */
  readonly busyCounterIds: readonly string[];
}

export type HallKind = 'agency' | 'service' | 'counter';

function changed(
  kind: string,
  target: string,
  before: unknown,
  after: unknown,
  by: ChangedBy,
  area = 'hall',
): SettingChanged {
  return {
    type: 'setting:changed',
    ...by,
    kind,
    area,
    target,
    stored: true,
    storedValue: JSON.stringify(after),
    before,
    after,
    ...(before === null ? { action: 'create' as const } : {}),
  };
}

function agencyOf(hall: HallFacts, id: string) {
  const found = hall.agencies.find((a) => a.id === id);
  if (!found) throw new HallRuleError('AGENCY_NOT_FOUND');
  return found;
}

function serviceOf(hall: HallFacts, id: string) {
  const found = hall.services.find((s) => s.id === id);
  if (!found) throw new HallRuleError('SERVICE_NOT_FOUND');
  return found;
}

function counterOf(hall: HallFacts, id: string) {
  const found = hall.counters.find((c) => c.id === id);
  if (!found) throw new HallRuleError('COUNTER_NOT_FOUND');
  return found;
}

const agencyRecord = ({ name, shortName, retired }: AgencyRecord): AgencyRecord =>
  shortName === undefined ? { name, retired } : { name, shortName, retired };

const serviceRecord = (s: ServiceRecord): ServiceRecord => ({
  agencyId: s.agencyId,
  prefix: s.prefix,
  name: s.name,
  summary: s.summary,
  ...(s.standardMinutes !== undefined ? { standardMinutes: s.standardMinutes } : {}),
  retired: s.retired,
});

export function decideAddAgency(
  hall: HallFacts,
  id: string,
  agency: Omit<AgencyRecord, 'retired'>,
  by: ChangedBy,
): SettingChanged {
  if (hall.agencies.some((a) => a.id === id)) throw new HallRuleError('AGENCY_EXISTS');
  return changed('agency', id, null, agencyRecord({ ...agency, retired: false }), by);
}

/** An agency is retired only once none of its services is still offered. */
export function decideEditAgency(
  hall: HallFacts,
  id: string,
  change: Partial<AgencyRecord>,
  by: ChangedBy,
): SettingChanged {
  const before = agencyRecord(agencyOf(hall, id));
  const after = agencyRecord({ ...before, ...change });
  if (after.retired && !before.retired && hall.services.some((s) => s.agencyId === id && !s.retired))
    throw new HallRuleError('AGENCY_IN_USE');
  return changed('agency', id, before, after, by);
}

function requireOpenAgency(hall: HallFacts, agencyId: string): void {
  if (agencyOf(hall, agencyId).retired) throw new HallRuleError('AGENCY_RETIRED');
}

export function decideAddService(
  hall: HallFacts,
  id: string,
  service: Omit<ServiceRecord, 'retired'>,
  by: ChangedBy,
): SettingChanged {
  if (hall.services.some((s) => s.id === id)) throw new HallRuleError('SERVICE_EXISTS');
  // Retired services keep their prefix: their numbers from earlier today are still on people's tickets.
  if (hall.services.some((s) => s.prefix === service.prefix)) throw new HallRuleError('PREFIX_TAKEN');
  requireOpenAgency(hall, service.agencyId);
  return changed('service', id, null, serviceRecord({ ...service, retired: false }), by);
}

/** Name, summary, standard, agency or retirement; the prefix stays. A retired service takes no new tickets. */
export function decideEditService(
  hall: HallFacts,
  id: string,
  change: Partial<Omit<ServiceRecord, 'prefix'>>,
  by: ChangedBy,
): SettingChanged {
  const before = serviceRecord(serviceOf(hall, id));
  const after = serviceRecord({ ...before, ...change, prefix: before.prefix });
  if (after.agencyId !== before.agencyId || (before.retired && !after.retired))
    requireOpenAgency(hall, after.agencyId);
  return changed('service', id, before, after, by);
}

/** A new counter, with the services it serves (stored as the counter's services setting, as a change of it is). */
export function decideAddCounter(
  hall: HallFacts,
  id: string,
  counter: { readonly name: string; readonly serviceIds: readonly string[] },
  by: ChangedBy,
): SettingChanged[] {
  if (hall.counters.some((c) => c.id === id)) throw new HallRuleError('COUNTER_EXISTS');
  for (const serviceId of counter.serviceIds)
    if (serviceOf(hall, serviceId).retired) throw new HallRuleError('SERVICE_RETIRED');
  return [
    changed('counter', id, null, { name: counter.name, retired: false }, by),
    changed('counter-services', id, null, [...counter.serviceIds], by, 'counter-services'),
  ];
}

/** Renaming, retiring or bringing back a counter; a counter in use is closed by its officer first. */
export function decideEditCounter(
  hall: HallFacts,
  id: string,
  change: Partial<CounterRecord>,
  by: ChangedBy,
): SettingChanged {
  const found = counterOf(hall, id);
  const before: CounterRecord = { name: found.name, retired: found.retired };
  const after: CounterRecord = { ...before, ...change };
  if (after.retired && !before.retired && hall.busyCounterIds.includes(id))
    throw new HallRuleError('COUNTER_IN_USE');
  return changed('counter', id, before, after, by);
}
