import { SYSTEM_ACTOR, type QuoteChannel } from '@giliran/domain';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { findTicketByCode } from '../queue/ticket-lookup.ts';

/**
 * Logs the waits shown outside the issue (status page, later messages) through the command bus: the domain decides
 * the `ticket:wait-quoted` events (skipping a wait shown unchanged) and they are committed like any other.
 */
export class WaitPromises {
  constructor(
    private readonly bus: CommandBus,
    private readonly engine: QueueEngine,
    private readonly store: QueueStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  shownByCode(codes: readonly string[], channel: QuoteChannel): void {
    const ids: string[] = [];
    for (const code of codes) {
      const ticket = findTicketByCode(this.engine, this.store, code);
      if (ticket && this.engine.state.tickets.get(ticket.id) === ticket) ids.push(ticket.id);
    }
    if (ids.length === 0) return;
    this.bus
      .executeSystem({
        type: 'QuoteWait',
        ticketIds: ids,
        channel,
        now: this.engine.nowIso(),
        by: SYSTEM_ACTOR,
      })
      .catch(this.onError);
  }
}
