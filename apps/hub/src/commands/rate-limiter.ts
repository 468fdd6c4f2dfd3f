import type { Clock } from '../clock.ts';

/** At most `limit` hits per key in any sliding window of `windowMs`. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Records a hit and says whether it is within the limit; a refused hit is not recorded. */
  tryTake(key: string): boolean {
    const now = this.clock.now();
    let hits = this.hits.get(key);
    if (!hits) {
      hits = [];
      this.hits.set(key, hits);
    }
    // Hits are in time order, so the expired ones are at the front.
    let expired = 0;
    while (expired < hits.length && (hits[expired] ?? now) <= now - this.windowMs) expired++;
    if (expired > 0) hits.splice(0, expired);
    if (hits.length >= this.limit) return false;
    hits.push(now);
    return true;
  }
}
