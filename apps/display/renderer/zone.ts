/** Which part of the hall this TV covers (a hall with several TVs); empty lists mean the whole hall. */
export interface Zone {
  readonly agencyIds: readonly string[];
  readonly counterIds: readonly string[];
}

export const WHOLE_HALL: Zone = { agencyIds: [], counterIds: [] };

interface ServiceRef {
  readonly id: string;
  readonly agency: { readonly id: string };
}

interface CounterRef {
  readonly id: string;
  readonly serviceIds: readonly string[];
}

function allowed(list: readonly string[], id: string | undefined): boolean {
  // Not knowing yet (services still loading) must not hide a call: only a known outsider is left out.
  return list.length === 0 || id === undefined || list.includes(id);
}

/** A call belongs on this screen when its counter and its service's agency both pass the zone. */
export function callInZone(
  zone: Zone,
  call: { readonly counterId: string; readonly serviceId: string },
  services: readonly ServiceRef[],
): boolean {
  const agencyId = services.find((s) => s.id === call.serviceId)?.agency.id;
  return allowed(zone.counterIds, call.counterId) && allowed(zone.agencyIds, agencyId);
}

/** A service's waiting count belongs here when its agency is in the zone and a zone counter serves it. */
export function serviceInZone(zone: Zone, service: ServiceRef, counters: readonly CounterRef[]): boolean {
  if (!allowed(zone.agencyIds, service.agency.id)) return false;
  if (zone.counterIds.length === 0) return true;
  return counters.some((c) => zone.counterIds.includes(c.id) && c.serviceIds.includes(service.id));
}
