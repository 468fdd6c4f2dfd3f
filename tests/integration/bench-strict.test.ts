import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ratioTarget } from '../../scripts/bench/ratio-target.ts';
import { failedTargets, type BenchResult } from '../../scripts/bench/run-all.ts';

// `npm run bench -- --strict`: the exit code says whether every target passed. The benches themselves take
// minutes, so the command is run here on a stand-in bench file that goes through the same runBench.
const STAND_IN = fileURLToPath(new URL('../support/bench-stand-in.ts', import.meta.url));

function runStandIn(args: readonly string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', STAND_IN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

describe('bench targets', () => {
  it('lists the targets that failed', () => {
    const results: BenchResult[] = [
      {
        name: 'a',
        figures: [],
        notes: [],
        targets: [
          { label: 'p99 ≤ 50 ms', pass: false, detail: '' },
          { label: 'p99 ≤ 2× bare', pass: true, detail: '' },
        ],
      },
      { name: 'b', figures: [], notes: [], targets: [{ label: 'rss', pass: false, detail: '' }] },
    ];
    expect(failedTargets(results)).toEqual(['a: p99 ≤ 50 ms', 'b: rss']);
  });

  it('passes a ratio target within its bound and fails one beyond it or without a baseline', () => {
    expect(ratioTarget('p99', 127, 102, 2, 'bare p99')).toEqual({
      label: 'p99 ≤ 2× bare p99',
      pass: true,
      detail: '127.0 ms vs 102.0 ms = 1.25×',
    });
    expect(ratioTarget('p99', 250, 102, 2, 'bare p99').pass).toBe(false);
    expect(ratioTarget('p99', 5, 0, 2, 'bare p99').pass).toBe(false);
  });

  it('exits 0 with a failed target without --strict, 2 with it, and prints every figure either way', () => {
    const lenient = runStandIn([], { BENCH_STAND_IN_PASS: 'false' });
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('FAIL  stand-in: p99 ≤ 50 ms');
    expect(lenient.stdout).toContain('call → display, p99');

    const strict = runStandIn(['--strict'], { BENCH_STAND_IN_PASS: 'false' });
    expect(strict.status).toBe(2);
    expect(strict.stdout).toContain('call → display, p99');
    expect(strict.stdout).toContain('--strict: 1 target(s) failed:\n  stand-in: p99 ≤ 50 ms');

    const passing = runStandIn(['--strict'], { BENCH_STAND_IN_PASS: 'true' });
    expect(passing.status).toBe(0);
    expect(passing.stdout).toContain('PASS  stand-in: p99 ≤ 50 ms');
  });
});
