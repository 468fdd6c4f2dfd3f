import { afterEach, describe, expect, it, vi } from 'vitest';
import { fuzzSeeds } from '../support/fuzz-seeds.ts';

// The fuzz tests' seeds: a new one each run (so runs search different inputs) plus the fixed regression seed.
describe('fuzzSeeds', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('gives a fresh seed each run, then the fixed regression seed, and prints both', () => {
    vi.stubEnv('FUZZ_SEED', undefined);
    vi.stubEnv('FUZZ_RUNS', undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const runs = Array.from({ length: 5 }, () => fuzzSeeds('fuzz-x', 20_250_310));
    const fresh = runs.map(([first]) => first?.seed);
    expect(new Set(fresh).size).toBeGreaterThan(1);
    for (const seeds of runs) {
      expect(seeds.map((s) => s.label)).toEqual(['fresh', 'regression']);
      expect(seeds[1]?.seed).toBe(20_250_310);
    }
    expect(log.mock.calls[0]?.[0]).toBe(
      `fuzz-x: fresh seed ${String(fresh[0])} (replay with FUZZ_SEED=${String(fresh[0])}), ` +
        'regression seed 20250310; FUZZ_RUNS=1 scales the runs',
    );
    log.mockRestore();
  });

  it('replays FUZZ_SEED as the fresh seed', () => {
    vi.stubEnv('FUZZ_SEED', '737105371');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(fuzzSeeds('fuzz-x', 1).map((s) => s.seed)).toEqual([737_105_371, 1]);
  });
});
