import type { Clock } from '../clock.ts';

/** What the refresh drives: the status pages being followed, and their refresh. */
export interface Watched {
  watching(): boolean;
  refresh(): void;
}

/**
 * Refreshes the followed status pages each `intervalMs` on the hub's Clock, and only while a phone follows a
 * ticket: a wait estimate moves with time alone (a pause runs on, a desk goes through its steps), and a refresh
 * that shows a new estimate logs it as a promise, a write. On the wall clock that write could land in the middle
 * of a test's measurement; on the hub's Clock it happens when the test moves time, and a hub nobody follows has no
 * timer at all, so a test's thirty-day jump plays no minute of it.
 */
export class TimeOnlyRefresh {
  private cancel: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly watched: Watched,
    private readonly intervalMs: number,
  ) {}

  /** A phone started following a ticket: arm the refresh unless it is armed. */
  wake(): void {
    if (this.cancel !== null || this.stopped || !this.watched.watching()) return;
    this.cancel = this.clock.setTimer(() => {
      this.cancel = null;
      this.watched.refresh();
      this.wake();
    }, this.intervalMs);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
  }
}
