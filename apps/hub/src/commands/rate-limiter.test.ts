import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/manual-clock.ts';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows `limit` hits per sliding window, per key', () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(3, 60_000, clock);
    expect([1, 2, 3, 4].map(() => limiter.tryTake('k1'))).toEqual([true, true, true, false]);
    expect(limiter.tryTake('k2')).toBe(true);
    clock.advance(59_999);
    expect(limiter.tryTake('k1')).toBe(false);
    clock.advance(1);
    expect(limiter.tryTake('k1')).toBe(true);
  });
});
