import type { QueueEvent, TicketTransfer } from '@giliran/domain';
import type { Db } from './database.ts';

/**
 * Keeps the tickets read model's report columns (schema v4) true to the log, in the commit's own transaction:
 * `served_by` from a finish or no-show, `transfers` from each transfer. TicketState does not carry them because no
 * queue rule needs them; only reports do.
 */
export class ReportColumns {
  private readonly setServedBy;
  private readonly addTransfer;

  constructor(db: Db) {
    this.setServedBy = db.prepare<[string, string]>('UPDATE tickets SET served_by = ? WHERE id = ?');
    this.addTransfer = db.prepare<[string, string]>(
      `UPDATE tickets SET transfers = json_insert(coalesce(transfers, '[]'), '$[#]', json(?)) WHERE id = ?`,
    );
  }

  record(event: QueueEvent): void {
    if (event.type === 'ticket:finished' || event.type === 'ticket:no-show') {
      this.setServedBy.run(event.by, event.ticketId);
    } else if (event.type === 'ticket:transferred') {
      const transfer: TicketTransfer = {
        fromServiceId: event.fromServiceId,
        toServiceId: event.toServiceId,
        counterId: event.counterId,
        by: event.by,
        at: event.at,
      };
      this.addTransfer.run(JSON.stringify(transfer), event.ticketId);
    }
  }
}
