import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff.ts';
import { RetryLoop, type RetryLoopOptions } from './retry-loop.ts';

const TIMING = { heartbeatMs: 10_000, baseBackoffMs: 1000, maxBackoffMs: 8000 };

/** A loop whose rounds answer from `script` (true: more waits; an Error: the round fails), timed on fake timers. */
function loopOf(script: (boolean | Error)[], options: Partial<RetryLoopOptions> = {}) {
  const rounds: number[] = [];
  const failures: { failures: number; retryInMs: number }[] = [];
  const loop = new RetryLoop({
    ...TIMING,
    round: () => {
      rounds.push(Date.now());
      const next = script.shift() ?? false;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    onFailure: (_error, count, retryInMs) => {
      failures.push({ failures: count, retryInMs });
    },
    ...options,
  });
  return { loop, rounds, failures };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RetryLoop', () => {
  it('runs at once, again at once while more waits, then after the heartbeat', async () => {
    const { loop, rounds } = loopOf([true, true, false, false]);
    loop.start();
    // (Fake timers count a zero delay as 1 ms.)
    await vi.advanceTimersByTimeAsync(5);
    expect(rounds).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(9_996);
    expect(rounds).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toEqual([0, 1, 2, 10_002]);
    await loop.stop();
  });

  it('backs off exponentially up to the ceiling after failures in a row, and returns to the heartbeat after a success', async () => {
    const down = new Error('ECONNREFUSED');
    // random() = 1: every wait is its ceiling.
    const { loop, rounds, failures } = loopOf([down, down, down, down, down, false, false], {
      random: () => 1,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(failures.map((f) => f.retryInMs)).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(failures.map((f) => f.failures)).toEqual([1, 2, 3, 4, 5]);
    expect(rounds.slice(0, 7)).toEqual([0, 1000, 3000, 7000, 15_000, 23_000, 33_000]);
    await loop.stop();
  });

  it('jitters each wait over the whole range from none to its ceiling', () => {
    for (let failures = 1; failures <= 8; failures += 1) {
      const ceiling = Math.min(TIMING.maxBackoffMs, TIMING.baseBackoffMs * 2 ** (failures - 1));
      const waits = Array.from({ length: 200 }, () => backoffDelay(failures, TIMING));
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...waits)).toBeLessThanOrEqual(ceiling);
      // Spread, not a fixed wait: hubs back after the same outage arrive apart.
      expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(ceiling / 2);
    }
    expect(backoffDelay(3, TIMING, () => 0)).toBe(0);
    expect(backoffDelay(3, TIMING, () => 0.5)).toBe(2000);
  });

  it('wakes on demand: brings a far heartbeat forward, never starts a second round alongside one under way', async () => {
    let release: (more: boolean) => void = () => undefined;
    const rounds: number[] = [];
    const loop = new RetryLoop({
      ...TIMING,
      round: () => {
        rounds.push(Date.now());
        return new Promise<boolean>((resolve) => {
          release = resolve;
        });
      },
      onFailure: () => undefined,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toEqual([0]);
    expect(loop.wake(0)).toBe(true); // under way: its caller asks it to go again, no second round
    await vi.advanceTimersByTimeAsync(100);
    expect(rounds).toEqual([0]);
    release(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(loop.wake(200)).toBe(true); // the heartbeat is 9 s away: 200 ms instead
    await vi.advanceTimersByTimeAsync(199);
    expect(rounds).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toEqual([0, 1300]);
    release(false);
    await loop.stop();
  });

  it('ignores a wake-up while failing: the backoff keeps its pace', async () => {
    const { loop, rounds } = loopOf([new Error('down'), false], { random: () => 1 });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(loop.wake(0)).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toEqual([0, 1000]);
    expect(loop.wake(0)).toBe(true);
    await loop.stop();
  });

  it('stops: waits for the round under way, starts none after, and ignores wake-ups', async () => {
    let release: () => void = () => undefined;
    let rounds = 0;
    const loop = new RetryLoop({
      ...TIMING,
      round: () => {
        rounds += 1;
        return new Promise<boolean>((resolve) => {
          release = () => {
            resolve(true);
          };
        });
      },
      onFailure: () => undefined,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(loop.wake(0)).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rounds).toBe(1);
  });
});
