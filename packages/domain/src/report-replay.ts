import type { QueueEvent } from './events.ts';
import type { ReportTicket, TicketTransfer } from './report-types.ts';
import { applyInPlace, initialState } from './state.ts';

/**
 * The tickets of one service day as a report reads them, folded from that day's queue events in log order with
 * the queue's own `applyInPlace`: what a hub's tickets read model holds, rebuilt anywhere the log is (central
 * builds the region's reports this way). A ticket event about a ticket issued before the log's copy begins (a
 * hub enrolled mid-day) has nothing to change and is passed over.
 */
export function reportTicketsOf(serviceDay: string, events: Iterable<QueueEvent>): ReportTicket[] {
  const state = initialState();
  state.serviceDay = serviceDay;
  const servedBy = new Map<string, string>();
  const transfers = new Map<string, TicketTransfer[]>();
  for (const event of events) {
    const ticketId = 'ticketId' in event ? event.ticketId : null;
    const unknown = ticketId !== null && !state.tickets.has(ticketId);
    if (unknown && event.type.startsWith('ticket:') && event.type !== 'ticket:issued') continue;
    applyInPlace(state, event);
    if (event.type === 'ticket:finished' || event.type === 'ticket:no-show')
      servedBy.set(event.ticketId, event.by);
    if (event.type === 'ticket:transferred') {
      const list = transfers.get(event.ticketId) ?? [];
      list.push({
        fromServiceId: event.fromServiceId,
        toServiceId: event.toServiceId,
        counterId: event.counterId,
        by: event.by,
        at: event.at,
      });
      transfers.set(event.ticketId, list);
    }
  }
  return [...state.tickets.values()]
    .filter((t) => t.serviceDay === serviceDay)
    .map((t) => ({
      serviceId: t.serviceId,
      priority: t.priority,
      status: t.status,
      outcome: t.outcome,
      counterId: t.counterId,
      issuedAt: t.issuedAt,
      firstCalledAt: t.firstCalledAt,
      calledAt: t.calledAt,
      finishedAt: t.finishedAt,
      lateTier: t.lateTier,
      steps: t.steps.map((s) => ({ ...s })),
      servedBy: servedBy.get(t.id) ?? null,
      transfers: transfers.get(t.id) ?? [],
    }));
}
