/** How the hub's links to central retry: the first retry after `baseMs`, each further one doubling up to `maxMs`. */
export interface BackoffTiming {
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
}

/**
 * The wait before the next try after `failures` failures in a row, with full jitter: a random time up to the
 * ceiling, so many hubs coming back after the same outage do not all arrive at once.
 */
export function backoffDelay(
  failures: number,
  timing: BackoffTiming,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(timing.maxBackoffMs, timing.baseBackoffMs * 2 ** Math.max(0, failures - 1));
  return Math.round(random() * ceiling);
}
