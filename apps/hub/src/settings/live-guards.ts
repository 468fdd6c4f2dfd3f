import { isWaiting, type QueueState } from '@giliran/domain';
import type { SiteConfig } from '../config/site-config.ts';
import { HubError } from '../hub-error.ts';

/**
 * A change of counters' services must not strand anyone: a service that still has tickets waiting keeps at least
 * one counter. A ticket already called or being served at a counter that stops offering its service is finished
 * there as usual (stepping, finishing and no-show do not ask which services the counter offers); only the next
 * call follows the new list.
 */
export function requireWaitingServicesCovered(
  before: SiteConfig,
  after: SiteConfig,
  state: QueueState,
): void {
  const servedAfter = new Set(after.counters.flatMap((c) => c.serviceIds));
  const dropped = new Set(before.counters.flatMap((c) => c.serviceIds).filter((id) => !servedAfter.has(id)));
  if (dropped.size === 0) return;
  const waiting = new Map<string, number>();
  for (const ticket of state.tickets.values())
    if (dropped.has(ticket.serviceId) && isWaiting(ticket))
      waiting.set(ticket.serviceId, (waiting.get(ticket.serviceId) ?? 0) + 1);
  if (waiting.size === 0) return;
  throw new HubError(
    'SERVICE_UNCOVERED',
    [...waiting].map(([serviceId, count]) => ({
      path: 'serviceIds',
      message: `${serviceId}: ${String(count)} waiting and no other counter serves it`,
    })),
  );
}
