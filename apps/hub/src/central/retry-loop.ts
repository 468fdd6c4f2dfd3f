import { backoffDelay, type BackoffTiming } from './backoff.ts';

export interface RetryLoopOptions extends BackoffTiming {
  /** The wait after a round that left nothing more to do. */
  readonly heartbeatMs: number;
  /** One round of work; answers whether more waits (then the next round starts at once). Throws when it failed. */
  readonly round: () => Promise<boolean>;
  /** A round failed: told the error, the failures in a row and the wait before the retry. */
  readonly onFailure: (error: unknown, failures: number, retryInMs: number) => void;
  /** The jitter's source (tests fix it). */
  readonly random?: () => number;
}

/**
 * The hub's links to central (the push and the feed pull) run as this loop, on timers only and never inside a
 * command: one round at a time; the next one at once while more waits, after the heartbeat when nothing does, and
 * after a failure with exponential backoff and full jitter, so a slow or absent central costs the hall nothing and
 * many hubs returning after the same outage do not arrive together. Whatever a round throws, the loop goes on.
 */
export class RetryLoop {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the pending timer fires (wall clock), so a wake-up can bring a far heartbeat forward. */
  private timerDue = 0;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = true;

  constructor(private readonly options: RetryLoopOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** No round starts after this; answers once the one under way (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Something to do: run within `delayMs`, unless a round is under way (its caller tells it to go again) or the
   * link is failing (the backoff keeps its pace). Answers false when stopped or failing: the wake-up was ignored.
   */
  wake(delayMs = 0): boolean {
    if (this.stopped || this.failures > 0) return false;
    if (this.running === null && (this.timer === null || this.timerDue > Date.now() + delayMs))
      this.schedule(delayMs);
    return true;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
      });
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    if (this.stopped) return;
    let next = this.options.heartbeatMs;
    try {
      const more = await this.options.round();
      this.failures = 0;
      if (more) next = 0;
    } catch (error) {
      this.failures += 1;
      next = backoffDelay(this.failures, this.options, this.options.random);
      this.options.onFailure(error, this.failures, next);
    } finally {
      // Whatever went wrong, the loop goes on: one that stopped would leave the link down for good.
      this.schedule(next);
    }
  }
}
