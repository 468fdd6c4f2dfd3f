// A bench that measures nothing, for tests/integration/bench-strict.test.ts: one figure, and one target that
// passes or fails as BENCH_STAND_IN_PASS says, run through the same runBench as every real bench.
import { runBench } from '../../scripts/bench/run-all.ts';

const pass = process.env.BENCH_STAND_IN_PASS === 'true';
await runBench(() =>
  Promise.resolve({
    name: 'stand-in',
    figures: [
      {
        label: 'call → display, p99',
        unit: 'ms',
        value: pass ? 40 : 127,
        baseline: 102,
        baselineLabel: 'bare',
      },
    ],
    targets: [{ label: 'p99 ≤ 50 ms', pass, detail: pass ? '40 ms' : '127 ms' }],
    notes: [],
  }),
);
