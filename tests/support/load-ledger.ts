// The simulation's own count of its day: every ticket as the driver saw it happen, on the driver's own clock.
// Nothing here reads the hub's state; the expected report is worked out from these records alone.

export type SimStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

export interface SimTransfer {
  readonly from: string;
  readonly to: string;
  /** The counter holding the ticket when it was moved (the driver only transfers at the desk). */
  readonly counterId: string;
  readonly by: string;
}

export interface SimTicket {
  readonly id: string;
  readonly number: string;
  /** The service it was issued for. */
  readonly issuedFor: string;
  readonly priority: boolean;
  readonly issuedAt: number;
  serviceId: string;
  status: SimStatus;
  /** The counter that last held it; back to none when it is transferred into another queue. */
  counterId: string | null;
  firstCalledAt: number | null;
  /** The officer's first step at any desk (a transferred ticket keeps its first one). */
  firstStepAt: number | null;
  lastCalledAt: number | null;
  finishedAt: number | null;
  /** When it stopped waiting uncalled without being called: cancelled in the queue. */
  leftAt: number | null;
  outcome: 'completed' | 'handed_to_agency' | null;
  /** The officer whose finish or no-show closed it. */
  closedBy: string | null;
  /** Owed late service, and given the apology and drink at the desk (the compensation resolved). */
  apologised: boolean;
  readonly transfers: SimTransfer[];
}

/** A call (or recall) as every display must have seen it. */
export interface SimCall {
  readonly ticketId: string;
  readonly counterId: string;
  readonly kind: 'called' | 'recalled';
}

export class Ledger {
  readonly tickets = new Map<string, SimTicket>();
  readonly calls: SimCall[] = [];
  /** Waiting tickets by service, for the desks to know there is someone to call. */
  private readonly waiting = new Map<string, Set<string>>();

  private get(id: string): SimTicket {
    const ticket = this.tickets.get(id);
    if (!ticket) throw new Error(`the hub answered with ticket ${id}, which the simulation never issued`);
    return ticket;
  }

  private expect(ticket: SimTicket, allowed: readonly SimStatus[], action: string): void {
    if (!allowed.includes(ticket.status))
      throw new Error(`${action} ${ticket.number}: the simulation has it ${ticket.status}`);
  }

  private queue(serviceId: string): Set<string> {
    let ids = this.waiting.get(serviceId);
    if (!ids) {
      ids = new Set();
      this.waiting.set(serviceId, ids);
    }
    return ids;
  }

  waitingFor(serviceId: string): number {
    return this.waiting.get(serviceId)?.size ?? 0;
  }

  isWaitingUncalled(id: string): boolean {
    const ticket = this.tickets.get(id);
    return ticket?.status === 'waiting' && ticket.firstCalledAt === null;
  }

  issued(id: string, number: string, serviceId: string, priority: boolean, at: number): void {
    if (this.tickets.has(id)) throw new Error(`ticket ${id} issued twice`);
    this.tickets.set(id, {
      id,
      number,
      issuedFor: serviceId,
      priority,
      issuedAt: at,
      serviceId,
      status: 'waiting',
      counterId: null,
      firstCalledAt: null,
      firstStepAt: null,
      lastCalledAt: null,
      finishedAt: null,
      leftAt: null,
      outcome: null,
      closedBy: null,
      apologised: false,
      transfers: [],
    });
    this.queue(serviceId).add(id);
  }

  called(id: string, counterId: string, at: number): SimTicket {
    const t = this.get(id);
    this.expect(t, ['waiting'], `call at ${counterId}`);
    this.queue(t.serviceId).delete(id);
    t.status = 'called';
    t.counterId = counterId;
    t.firstCalledAt ??= at;
    t.lastCalledAt = at;
    this.calls.push({ ticketId: id, counterId, kind: 'called' });
    return t;
  }

  recalled(id: string, counterId: string): void {
    this.expect(this.get(id), ['called'], 'recall');
    this.calls.push({ ticketId: id, counterId, kind: 'recalled' });
  }

  stepped(id: string, at: number): void {
    const t = this.get(id);
    this.expect(t, ['called', 'serving'], 'step');
    t.status = 'serving';
    t.firstStepAt ??= at;
  }

  finished(id: string, by: string, outcome: 'completed' | 'handed_to_agency', at: number): void {
    const t = this.get(id);
    this.expect(t, ['serving'], 'finish');
    t.status = 'done';
    t.finishedAt = at;
    t.outcome = outcome;
    t.closedBy = by;
  }

  noShow(id: string, by: string): void {
    const t = this.get(id);
    this.expect(t, ['called'], 'no-show');
    t.status = 'no_show';
    t.closedBy = by;
  }

  transferred(id: string, to: string, by: string): void {
    const t = this.get(id);
    this.expect(t, ['called', 'serving'], 'transfer');
    if (t.counterId === null) throw new Error(`transfer ${t.number}: at no counter`);
    t.transfers.push({ from: t.serviceId, to, counterId: t.counterId, by });
    t.serviceId = to;
    t.status = 'waiting';
    t.counterId = null;
    this.queue(to).add(id);
  }

  apologised(id: string): void {
    const t = this.get(id);
    if (t.apologised) throw new Error(`${t.number}: apologised twice`);
    t.apologised = true;
  }

  cancelled(id: string, at: number): void {
    const t = this.get(id);
    this.expect(t, ['waiting', 'called', 'serving'], 'cancel');
    if (t.status === 'waiting') {
      this.queue(t.serviceId).delete(id);
      if (t.firstCalledAt === null) t.leftAt = at;
    }
    t.status = 'cancelled';
    t.finishedAt = at;
  }

  get openCount(): number {
    let open = 0;
    for (const t of this.tickets.values())
      if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving') open++;
    return open;
  }
}
