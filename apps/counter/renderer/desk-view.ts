import type { DeskState, DeskTicket } from './desk-state.ts';

/** Roughly the hub's call order: priority tickets first, then the oldest; a ratio setting may interleave them. */
function callOrder(a: DeskTicket, b: DeskTicket): number {
  if ((a.priority === null) !== (b.priority === null)) return a.priority === null ? 1 : -1;
  return a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : a.number.localeCompare(b.number);
}

/** A transferred ticket waits in its new service, in its old place by issue time (as the hub counts it). */
export const isWaiting = (t: DeskTicket): boolean => t.status === 'waiting' || t.status === 'transferred';

export function waitingFor(state: DeskState, serviceIds: readonly string[]): DeskTicket[] {
  const mine = new Set(serviceIds);
  return [...state.tickets.values()].filter((t) => isWaiting(t) && mine.has(t.serviceId)).sort(callOrder);
}

/** Today's no-shows of the counter's services, newest first: a citizen who comes back can be put back in line. */
export function noShowsFor(state: DeskState, serviceIds: readonly string[]): DeskTicket[] {
  const mine = new Set(serviceIds);
  return [...state.tickets.values()]
    .filter((t) => t.status === 'no_show' && mine.has(t.serviceId))
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}

export function activeTicket(state: DeskState, counterId: string): DeskTicket | null {
  const id = state.counters.get(counterId)?.activeTicketId ?? null;
  return id === null ? null : (state.tickets.get(id) ?? null);
}

/** Late-service compensation owed for this ticket and not yet given. */
export function owedFor(state: DeskState, ticketId: string) {
  return [...state.compensations.values()].find(
    (c) => c.kind === 'late_service' && c.ticketId === ticketId && !c.resolved,
  );
}

/** A waiting or no-show ticket of the counter's services by its printed number (e.g. "a 7" finds A007). */
export function findByNumber(
  state: DeskState,
  serviceIds: readonly string[],
  text: string,
): DeskTicket | null {
  const match = /^\s*([a-z]+)\s*0*(\d+)\s*$/i.exec(text);
  if (!match) return null;
  const [, letters = '', digits = ''] = match;
  const mine = new Set(serviceIds);
  for (const t of state.tickets.values()) {
    if (!mine.has(t.serviceId) || !(isWaiting(t) || t.status === 'no_show')) continue;
    const parts = /^([A-Z]+)0*(\d+)$/.exec(t.number);
    if (parts && parts[1] === letters.toUpperCase() && parts[2] === String(Number(digits))) return t;
  }
  return null;
}
