import type { TicketState } from '@giliran/domain';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { ticketFromRow } from '../views/views.ts';

/** Today's tickets come from the live state; older ones from the read model. */
export function findTicket(engine: QueueEngine, store: QueueStore, id: string): TicketState | undefined {
  const live = engine.state.tickets.get(id);
  if (live) return live;
  const row = store.ticketRow(id);
  return row ? ticketFromRow(row) : undefined;
}

export function findTicketByCode(
  engine: QueueEngine,
  store: QueueStore,
  code: string,
): TicketState | undefined {
  if (!/^[A-Z0-9]{6,16}$/.test(code)) return undefined;
  const row = store.ticketRowByCode(code);
  if (!row) return undefined;
  return engine.state.tickets.get(row.id) ?? ticketFromRow(row);
}
