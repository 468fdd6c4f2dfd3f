import type { Clock } from '../../apps/hub/src/index.ts';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
}

const turn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/**
 * Compressed time for a hub under load: the clock moves only when the driver says, like the tests' ManualClock,
 * but between two due timers it yields to the event loop as real time would. The hub's deadline scheduler commits
 * its check (a setImmediate group commit) and only then re-arms for the next deadline: a clock that fired every
 * due timer in one synchronous sweep would raise the later ones late, at the end of the step, after the driver had
 * already called those tickets. Fired and cancelled timers are dropped, so a soak of many days keeps no garbage
 * that would be mistaken for the hub's.
 */
export class SteppedClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): () => void {
    const timer: Timer = { at: this.current + Math.max(0, delayMs), seq: this.seq++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves to `target` (never back), firing each due timer at its own instant and letting the hub settle after it. */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      let due: Timer | undefined;
      for (const t of this.timers)
        if (t.at <= target && (!due || t.at < due.at || (t.at === due.at && t.seq < due.seq))) due = t;
      if (!due) break;
      const fired = due;
      this.timers = this.timers.filter((t) => t !== fired);
      this.current = Math.max(this.current, fired.at);
      fired.callback();
      // Two turns: the group commit runs on the next one, the scheduler re-arms in the promise callbacks after it.
      await turn();
      await turn();
    }
    this.current = Math.max(this.current, target);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }
}
