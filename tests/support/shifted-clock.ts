import { systemClock, type Clock } from '../../apps/hub/src/clock.ts';

/**
 * Real time running from a chosen instant, with jumps: a hub's and central's timers (push, pull, retries) stay real
 * while the booking calendar is fixed.
 */
export class ShiftedClock implements Clock {
  private offset: number;
  constructor(start: string) {
    this.offset = Date.parse(start) - Date.now();
  }
  now(): number {
    return Date.now() + this.offset;
  }
  setTimer(callback: () => void, delayMs: number): () => void {
    return systemClock.setTimer(callback, delayMs);
  }
  jumpTo(instant: string): void {
    this.offset = Date.parse(instant) - Date.now();
  }
}
