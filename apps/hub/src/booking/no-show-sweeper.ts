import type { HubEvent } from '@giliran/domain';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import { MISSED_BATCH } from './booking-store.ts';

// Also wake at least this often, so a jump of the PC's clock is noticed (as the deadline schedulers do); retry a
// failed sweep a minute later.
const MAX_SLEEP_MS = 60 * 60_000;
const RETRY_MS = 60_000;

export interface NoShowSweeperDeps {
  /** Marks what is due as of the hub's now; answers how many it marked. */
  readonly sweep: () => number;
  /** The earliest check-in window of an open booking that closes at or after `now` (ISO), or null. */
  readonly nextClose: (now: string) => string | null;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Marks open bookings as no-shows when their check-in window closes: sleeps until the earliest window closes, on
 * the hub's Clock, instead of polling every minute on the wall clock. Nothing writes between those moments, so a
 * test's measurement is never interrupted by a sweep, and a test's clock that jumps thirty days wakes it once per
 * window that closes (and once an hour), not once per minute. A booking made or moved brings the alarm forward.
 */
export class NoShowSweeper {
  private cancel: (() => void) | null = null;
  private alarmAt = Number.POSITIVE_INFINITY;
  private stopped = false;
  /** Sweeps run so far: for tests. */
  sweeps = 0;

  constructor(private readonly deps: NoShowSweeperDeps) {}

  /** Sweeps now (the hub's start: windows that closed while it was down), then sleeps until the next close. */
  fire(): void {
    this.alarmAt = Number.POSITIVE_INFINITY;
    this.sweeps++;
    let marked: number;
    try {
      marked = this.deps.sweep();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'marking missed bookings failed');
      this.arm(this.deps.clock.now() + RETRY_MS);
      return;
    }
    const now = this.deps.clock.now();
    // A full batch leaves more behind: the next batch at once, on a later turn.
    if (marked >= MISSED_BATCH) this.arm(now);
    else this.arm(closesAt(this.deps.nextClose(new Date(now).toISOString())));
  }

  /** After a commit: a booking made or moved may close its window before the alarm. */
  onCommitted(events: readonly HubEvent[]): void {
    for (const event of events) {
      if (event.type !== 'booking:made' && event.type !== 'booking:moved') continue;
      const at = closesAt(event.checkInUntil);
      if (at < this.alarmAt) this.arm(at);
    }
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  private arm(at: number): void {
    this.cancel?.();
    this.cancel = null;
    if (this.stopped) return;
    const now = this.deps.clock.now();
    this.alarmAt = Math.min(at, now + MAX_SLEEP_MS);
    this.cancel = this.deps.clock.setTimer(
      () => {
        this.fire();
      },
      Math.max(0, this.alarmAt - now),
    );
  }
}

/** A booking is missed once now is past its window's end (`check_in_until < now`): one millisecond after it. */
function closesAt(checkInUntil: string | null): number {
  return checkInUntil === null ? Number.POSITIVE_INFINITY : Date.parse(checkInUntil) + 1;
}
