import { randomInt } from 'node:crypto';

export interface FuzzSeed {
  /** `fresh` (new each run, or FUZZ_SEED's) or `regression` (fixed, replays what earlier runs covered). */
  readonly label: 'fresh' | 'regression';
  readonly seed: number;
}

/**
 * The two seeds a fuzz test runs with: a fresh one each run, so every run searches somewhere new, and the fixed
 * one it always had, so what was once found stays covered. Printed so a failing fresh seed can be replayed with
 * FUZZ_SEED=<seed> (fast-check's failure message names the seed too).
 */
export function fuzzSeeds(name: string, regressionSeed: number): readonly FuzzSeed[] {
  const fresh = process.env.FUZZ_SEED === undefined ? randomInt(2 ** 31 - 1) : Number(process.env.FUZZ_SEED);
  console.log(
    `${name}: fresh seed ${fresh} (replay with FUZZ_SEED=${fresh}), regression seed ${regressionSeed}; ` +
      `FUZZ_RUNS=${process.env.FUZZ_RUNS ?? 1} scales the runs`,
  );
  return [
    { label: 'fresh', seed: fresh },
    { label: 'regression', seed: regressionSeed },
  ];
}
