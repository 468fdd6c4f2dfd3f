import {
  byIssueTime,
  chooseNext,
  type BookedCalling,
  type CallOrderTicket,
  type CallStreaks,
} from './call-order.ts';
import type { BookingCallRule } from './booking-rules.ts';
import type { CounterConfig, PriorityRatio } from './config.ts';
import type { TicketState } from './state.ts';

/** A ticket in the forecast's line; a citizen about to take a ticket is one too (id `''`). */
export interface LineTicket extends CallOrderTicket {
  readonly id: string;
  readonly serviceId: string;
  readonly priority: boolean;
}

export function lineTicket(t: TicketState): LineTicket {
  return {
    id: t.id,
    serviceId: t.serviceId,
    priority: t.priority !== null,
    issuedAt: t.issuedAt,
    seq: t.seq,
    ...(t.booking ? { booking: t.booking } : {}),
  };
}

interface Lane {
  readonly tickets: LineTicket[];
  /** Index of the first ticket not called yet: a pointer, so a long line is not shifted on every call. */
  next: number;
}

/** A lane whose tickets may be called out of issue order (booked ones, by their session): called ones are marked. */
interface LooseLane {
  readonly tickets: LineTicket[];
  readonly called: Set<LineTicket>;
}

interface ServiceLanes {
  readonly priority: Lane;
  readonly walkIn: Lane;
  readonly booked: LooseLane;
}

/** How a counter calls: the site's priority ratio and booking rule (the same settings `CallNext` reads). */
export interface CallRules {
  readonly ratio: PriorityRatio | null;
  readonly booking: BookingCallRule | null;
}

/**
 * The waiting tickets of each service, oldest first, in the lanes the call order tells apart (priority, walk-in,
 * booked). `take` gives a counter what `pickNext` would: it hands the heads of the counter's lanes to the domain's own
 * `chooseNext` with the counter's runs, so the forecast cannot drift from the hall's call order.
 */
export class Line {
  readonly lanes = new Map<string, ServiceLanes>();

  constructor(tickets: readonly LineTicket[]) {
    for (const t of tickets) {
      const lanes = this.lanesOf(t.serviceId);
      if (t.priority) lanes.priority.tickets.push(t);
      else if (t.booking) lanes.booked.tickets.push(t);
      else lanes.walkIn.tickets.push(t);
    }
    for (const lanes of this.lanes.values()) {
      lanes.priority.tickets.sort(byIssueTime);
      lanes.walkIn.tickets.sort(byIssueTime);
      lanes.booked.tickets.sort(byIssueTime);
    }
  }

  private lanesOf(serviceId: string): ServiceLanes {
    let lanes = this.lanes.get(serviceId);
    if (!lanes) {
      lanes = {
        priority: { tickets: [], next: 0 },
        walkIn: { tickets: [], next: 0 },
        booked: { tickets: [], called: new Set() },
      };
      this.lanes.set(serviceId, lanes);
    }
    return lanes;
  }

  /** The heads of the counter's lanes, and every booked ticket not called yet (a booked one may be due first). */
  private candidates(counter: CounterConfig): LineTicket[] {
    const found: LineTicket[] = [];
    for (const serviceId of counter.serviceIds) {
      const lanes = this.lanes.get(serviceId);
      if (!lanes) continue;
      for (const lane of [lanes.priority, lanes.walkIn]) {
        const head = lane.tickets[lane.next];
        if (head) found.push(head);
      }
      for (const t of lanes.booked.tickets) if (!lanes.booked.called.has(t)) found.push(t);
    }
    return found;
  }

  /** What `pickNext` would give this counter at `atMs` (a booked session may have started by then), removed. */
  take(
    counter: CounterConfig,
    streaks: CallStreaks | null,
    rules: CallRules,
    atMs: number,
  ): LineTicket | undefined {
    const calling: BookedCalling | undefined =
      rules.booking === null
        ? undefined
        : {
            rule: rules.booking,
            now: rules.booking.kind === 'booked-first' ? new Date(atMs).toISOString() : '',
          };
    const ticket = chooseNext(this.candidates(counter), streaks, rules.ratio, calling);
    if (!ticket) return undefined;
    const lanes = this.lanesOf(ticket.serviceId);
    if (ticket.booking && !ticket.priority) lanes.booked.called.add(ticket);
    else (ticket.priority ? lanes.priority : lanes.walkIn).next += 1;
    return ticket;
  }

  /** Tickets not called yet, per service and lane, in call order within each lane: for the fluid continuation. */
  *remaining(): Generator<{ serviceId: string; last: LineTicket | undefined; rest: LineTicket[] }> {
    for (const [serviceId, lanes] of this.lanes) {
      for (const lane of [lanes.priority, lanes.walkIn])
        yield { serviceId, last: lane.tickets[lane.next - 1], rest: lane.tickets.slice(lane.next) };
      const rest = lanes.booked.tickets.filter((t) => !lanes.booked.called.has(t));
      const called = lanes.booked.tickets.filter((t) => lanes.booked.called.has(t));
      yield { serviceId, last: called[called.length - 1], rest };
    }
  }
}
