/** A histogram as stored: `[seconds, count, seconds, count, …]` with ascending seconds. */
export type EncodedHistogram = ArrayLike<number>;

export interface DurationStats {
  readonly count: number;
  /** Mean in whole seconds, rounded half up; null when there is no sample. */
  readonly averageSeconds: number | null;
  /** 90th percentile by nearest rank; null when there is no sample. */
  readonly p90Seconds: number | null;
  readonly maxSeconds: number | null;
}

/** Durations up to here (about 9 hours) are counted in a flat array; the rare longer ones in a map. */
const DENSE_LIMIT = 1 << 15;

/**
 * Durations (whole seconds, as `secondsBetween` floors them) kept as a count per second. Every duration is already a
 * whole second, so this loses nothing: merging the histograms of many days and reading a percentile from the merge
 * gives exactly the percentile of all the durations together, which averaging per-day percentiles would not.
 * Counts sit in a flat array indexed by the second, so adding a year of day histograms is a few million array
 * increments rather than map look-ups.
 */
export class Histogram {
  private dense = new Float64Array(0);
  private readonly overflow = new Map<number, number>();

  add(seconds: number, count = 1): void {
    if (seconds >= this.dense.length) {
      if (seconds >= DENSE_LIMIT) {
        this.overflow.set(seconds, (this.overflow.get(seconds) ?? 0) + count);
        return;
      }
      const grown = new Float64Array(
        Math.min(DENSE_LIMIT, Math.max(64, 2 ** Math.ceil(Math.log2(seconds + 1)))),
      );
      grown.set(this.dense);
      this.dense = grown;
    }
    this.dense[seconds] = (this.dense[seconds] ?? 0) + count;
  }

  addEncoded(encoded: EncodedHistogram): void {
    for (let i = 0; i + 1 < encoded.length; i += 2) this.add(encoded[i] ?? 0, encoded[i + 1] ?? 0);
  }

  merge(other: Histogram): void {
    for (const [seconds, count] of other.entries()) this.add(seconds, count);
  }

  /** [seconds, count] in ascending seconds, empty seconds skipped. */
  *entries(): Generator<readonly [number, number]> {
    for (let seconds = 0; seconds < this.dense.length; seconds++) {
      const count = this.dense[seconds] ?? 0;
      if (count > 0) yield [seconds, count];
    }
    for (const seconds of [...this.overflow.keys()].sort((a, b) => a - b))
      yield [seconds, this.overflow.get(seconds) ?? 0];
  }

  encode(): number[] {
    const flat: number[] = [];
    for (const [seconds, count] of this.entries()) flat.push(seconds, count);
    return flat;
  }

  /**
   * Nearest-rank percentile: the smallest sample such that at least p % of all samples are ≤ it, i.e. the sample at
   * 1-based rank ⌈p/100 × N⌉ of the sorted samples. It is always one of the real durations (no interpolation), so a
   * figure in the report can be found in the ticket list.
   */
  percentile(p: number): number | null {
    let total = 0;
    for (const [, count] of this.entries()) total += count;
    if (total === 0) return null;
    // p × N first: (90 / 100) × 70 is 63.000…01 in floating point and would round up to the wrong rank.
    const rank = Math.min(total, Math.max(1, Math.ceil((p * total) / 100)));
    let seen = 0;
    for (const [seconds, count] of this.entries()) {
      seen += count;
      if (seen >= rank) return seconds;
    }
    return null;
  }

  stats(): DurationStats {
    let count = 0;
    let sum = 0;
    let max: number | null = null;
    for (const [seconds, n] of this.entries()) {
      count += n;
      sum += seconds * n;
      max = seconds;
    }
    return {
      count,
      averageSeconds: count === 0 ? null : Math.round(sum / count),
      p90Seconds: this.percentile(90),
      maxSeconds: max,
    };
  }
}
