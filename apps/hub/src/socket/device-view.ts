import type { QueueEvent } from '@giliran/domain';
import type { Snapshot } from '@giliran/protocol';

/**
 * What a kiosk or display in the public hall may receive: no ticket codes (the key to a citizen's status page)
 * and no compensation records (remedies and officers' sanctions are staff matters).
 */
export function publicEvent(event: QueueEvent): QueueEvent | null {
  if (event.type.startsWith('compensation:')) return null;
  if (event.type === 'ticket:issued') return { ...event, code: '' };
  return event;
}

export function publicSnapshot(snapshot: Snapshot): Snapshot {
  return { ...codelessSnapshot(snapshot), compensations: [] };
}

/** Officers are staff, but hold no ticket codes (auth/ticket-codes.ts): the snapshot without them. */
export function codelessSnapshot(snapshot: Snapshot): Snapshot {
  return { ...snapshot, tickets: snapshot.tickets.map((t) => ({ ...t, code: '' })) };
}

/** An event as an officer may hear it: a new ticket's number, not its code. */
export function codelessEvent(event: QueueEvent): QueueEvent {
  return event.type === 'ticket:issued' ? { ...event, code: '' } : event;
}
