import { lateDeadline, nextDeadline, type QueueEvent } from '@giliran/domain';
import type { Logger } from 'pino';
import { SYSTEM } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';

// Also wake at least this often so a local-midnight roll-over or a clock jump is noticed.
const MAX_SLEEP_MS = 60 * 60_000;

/**
 * Sleeps until the earliest late-service deadline of any waiting ticket, then lets the domain raise what is due.
 * A commit only looks at the tickets it touched: a new ticket can bring the alarm forward, while a ticket that
 * left the queue just leaves an early alarm that finds nothing due, and the full scan happens then, once.
 */
export class DeadlineScheduler {
  private cancel: (() => void) | null = null;
  private alarmAt = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly engine: QueueEngine,
    private readonly bus: CommandBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** After a commit: bring the alarm forward if a touched ticket is now due sooner. */
  onCommitted(events: readonly QueueEvent[]): void {
    const { state, config } = this.engine;
    for (const event of events) {
      if (!('ticketId' in event) || event.ticketId === null) continue;
      const ticket = state.tickets.get(event.ticketId);
      const due = ticket ? lateDeadline(ticket, config, ticket.lateTier + 1) : null;
      if (due !== null && due < this.alarmAt) this.arm(due);
    }
  }

  /** Raises what is due now, then sets the alarm for the next deadline found by a full scan. */
  async fire(): Promise<void> {
    try {
      await this.bus.executeSystem({ type: 'CheckDeadlines', now: this.engine.nowIso(), by: SYSTEM.id });
    } catch (error) {
      this.logger.error({ err: error }, 'deadline check failed');
    }
    const next = nextDeadline(this.engine.state, this.engine.config);
    this.arm(next === null ? this.clock.now() + MAX_SLEEP_MS : Date.parse(next));
  }

  private arm(at: number): void {
    this.cancel?.();
    this.cancel = null;
    if (this.stopped) return;
    const now = this.clock.now();
    this.alarmAt = Math.min(at, now + MAX_SLEEP_MS);
    this.cancel = this.clock.setTimer(
      () => {
        this.alarmAt = Number.POSITIVE_INFINITY;
        void this.fire();
      },
      Math.max(0, this.alarmAt - now),
    );
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }
}
