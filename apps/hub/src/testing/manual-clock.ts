import type { Clock } from '../clock.ts';

interface Timer {
  readonly at: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/** A clock that only moves when a test says so; due timers fire in order as it advances. */
export class ManualClock implements Clock {
  private current: number;
  private readonly timers: Timer[] = [];

  constructor(start: string | number) {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): () => void {
    const timer: Timer = { at: this.current + Math.max(0, delayMs), callback, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => !t.cancelled && t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.cancelled = true;
      this.current = due.at;
      due.callback();
    }
    this.current = target;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}
