import { chooseNext, type BookedCalling, type CallStreaks } from './call-order.ts';
import type { BookingCallRule } from './booking-rules.ts';
import type { CounterConfig, PriorityRatio } from './config.ts';
import type { LineTicket } from './line-heads.ts';
import { byIssueTime } from './state.ts';

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
  /** The regular (walk-in or booked) ticket called last, for the fluid continuation of the regular lane. */
  lastRegular: LineTicket | undefined;
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

  /** `sorted`: the tickets come in call order already (heads read from the state's indexes, `lineHeads`). */
  constructor(tickets: readonly LineTicket[], sorted = false) {
    for (const t of tickets) {
      const lanes = this.lanesOf(t.serviceId);
      if (t.priority) lanes.priority.tickets.push(t);
      else if (t.booking) lanes.booked.tickets.push(t);
      else lanes.walkIn.tickets.push(t);
    }
    if (sorted) return;
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
        lastRegular: undefined,
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
    if (ticket.priority) lanes.priority.next += 1;
    else {
      if (ticket.booking) lanes.booked.called.add(ticket);
      else lanes.walkIn.next += 1;
      lanes.lastRegular = ticket;
    }
    return ticket;
  }

  /** How far the play got in a service's priority or regular lane: tickets called, and the last of them. */
  progress(serviceId: string, priority: boolean): { called: number; last: LineTicket | undefined } {
    const lanes = this.lanes.get(serviceId);
    if (!lanes) return { called: 0, last: undefined };
    if (priority)
      return { called: lanes.priority.next, last: lanes.priority.tickets[lanes.priority.next - 1] };
    return { called: lanes.walkIn.next + lanes.booked.called.size, last: lanes.lastRegular };
  }

  /** Each service's priority and regular lane (walk-in and booked merged), in issue order. */
  *lanesInOrder(): Generator<{ serviceId: string; priority: boolean; tickets: readonly LineTicket[] }> {
    for (const [serviceId, lanes] of this.lanes) {
      yield { serviceId, priority: true, tickets: lanes.priority.tickets };
      const regular = [...lanes.walkIn.tickets, ...lanes.booked.tickets].sort(byIssueTime);
      yield { serviceId, priority: false, tickets: regular };
    }
  }
}
