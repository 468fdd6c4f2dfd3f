// PIN hashing cost: the time one PIN check takes at today's scrypt cost (PIN_HASH_N) beside the old cost (2^14) in
// the same run, and what that means for someone who stole the database and tries every PIN on one core. A
// sign-in spends one check; the target keeps it inside the sign-in budget.
import { randomBytes } from 'node:crypto';
import { hashPin, PIN_HASH_N, verifyPin } from '../../apps/hub/src/auth/secrets.ts';
import { median, progress, runBench, isMain, type BenchResult } from './run-all.ts';

const RUNS = 9;
/** What an officer may wait for a sign-in on the hall's PC, the PIN check being almost all of it. */
const SIGN_IN_BUDGET_MS = 1000;
const OLD_N = 16384;

async function timeVerify(stored: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await verifyPin('000000', stored);
    times.push(performance.now() - started);
  }
  return median(times);
}

function oldHash(): string {
  // Only the cost matters for timing: any salt and key of the right shape.
  return `scrypt$${OLD_N}$8$1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;
}

const days = (ms: number) => ms / 86_400_000;

async function run(): Promise<BenchResult> {
  progress(`verifying ${RUNS}× at N=${PIN_HASH_N} and N=${OLD_N}`);
  const now = await timeVerify(await hashPin('123456'));
  const old = await timeVerify(oldHash());
  return {
    name: 'pin-hash',
    figures: [
      { label: 'one PIN check', unit: 'ms', value: now, baseline: old, baselineLabel: `N=${OLD_N}` },
      {
        label: 'all 6-digit PINs, one core',
        unit: 'days',
        value: days(now * 1e6),
        baseline: days(old * 1e6),
        baselineLabel: `N=${OLD_N}`,
      },
    ],
    targets: [
      {
        label: `one PIN check ≤ ${SIGN_IN_BUDGET_MS} ms`,
        pass: now <= SIGN_IN_BUDGET_MS,
        detail: `${now.toFixed(0)} ms (median of ${RUNS}), 64 MiB each`,
      },
    ],
    notes: [
      `a stolen database: every 6-digit PIN of one account takes ${days(now * 1e6).toFixed(1)} core-days ` +
        `(half that on average); a 4-digit PIN ${((now * 1e4) / 60_000).toFixed(0)} core-minutes`,
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
