import type { HubEvent } from '@giliran/domain';
import type { VisitChanged } from '@giliran/protocol';
import { STAFF_ROOM, type HubSocketServer } from '../socket/socket-server.ts';

/**
 * Which visits and requests a committed batch touched, or null when none: one message per batch (forty register
 * entries typed in a row are forty batches, but a visit scheduled and approved from central's feed is one).
 */
export function visitChanges(
  batch: readonly { readonly id: number; readonly event: HubEvent }[],
): VisitChanged | null {
  const visitIds = new Set<string>();
  const requestIds = new Set<string>();
  let eventId = 0;
  for (const { id, event } of batch) {
    if (!event.type.startsWith('visit:') && !event.type.startsWith('visit-request:')) continue;
    eventId = id;
    if ('visitId' in event && typeof event.visitId === 'string') visitIds.add(event.visitId);
    if ('requestId' in event && typeof event.requestId === 'string') requestIds.add(event.requestId);
  }
  if (eventId === 0) return null;
  return { visitIds: [...visitIds], requestIds: [...requestIds], eventId };
}

/** Staff screens hear that the unit's records moved on (never what a visitor gave): `/mobile` reloads its view. */
export function announceVisitChanges(
  io: HubSocketServer,
  batch: readonly { readonly id: number; readonly event: HubEvent }[],
): void {
  const changed = visitChanges(batch);
  if (changed) io.to(STAFF_ROOM).emit('visit:changed', changed);
}
