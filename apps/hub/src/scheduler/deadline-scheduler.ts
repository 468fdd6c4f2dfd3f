import { nextDeadline } from '@giliran/domain';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import { SYSTEM } from '../auth/actor.ts';

// Also wake at least this often so a local-midnight roll-over or a clock jump is noticed.
const MAX_SLEEP_MS = 60 * 60_000;

/**
 * Sleeps until the earliest late-service deadline of any waiting ticket, then lets the domain raise
 * what is due. Re-armed after every commit, so it never scans tickets on a fixed tick.
 */
export class DeadlineScheduler {
  private cancel: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly engine: QueueEngine,
    private readonly bus: CommandBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  rearm(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.stopped) return;
    const due = nextDeadline(this.engine.state, this.engine.config);
    const delay = due === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Date.parse(due) - this.clock.now());
    this.cancel = this.clock.setTimer(
      () => {
        this.fire();
      },
      Math.max(0, delay),
    );
  }

  /** Raises what is due now; commits trigger `rearm` through the bus listener. */
  fire(): void {
    try {
      this.bus.executeSystem({ type: 'CheckDeadlines', now: this.engine.nowIso(), by: SYSTEM.id });
    } catch (error) {
      this.logger.error({ err: error }, 'deadline check failed');
    }
    this.rearm();
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }
}
