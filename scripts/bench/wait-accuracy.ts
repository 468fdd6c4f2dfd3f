// `npm run bench -- wait-accuracy`: how right the promised waits are. Replays simulated MPP days (parameters and
// their sources in wait-accuracy-params.ts) through the real domain and judges every promise made at issue against
// the ticket's real call, for the estimator and, on the same tickets, the naive "people ahead × mean service time ÷
// open counters".
import { accuracyOf, type AccuracyFigures, type JudgedQuote } from '@giliran/domain';
import { isMain, progress, runBench, type BenchResult, type Figure, type Target } from './run-all.ts';
import { DAY_PLAN, REGULAR_DESKS, SIM_SEED, type DayKind } from './wait-accuracy-params.ts';
import { simulateMonth, type SimDay } from './wait-accuracy-sim.ts';
import { breakdown, whatIf } from './wait-accuracy-breakdown.ts';

const FIRST_DAY = '2026-11-02';
const TARGET_MAE = 5;
const TARGET_WITHIN = 0.8;
const TARGET_MSE_CUT = 0.3;

interface Side {
  readonly estimator: AccuracyFigures;
  readonly naive: AccuracyFigures;
}

/** Both estimates on the tickets where both gave a figure (the naive one says nothing while all counters pause). */
function sides(quotes: readonly JudgedQuote[]): Side {
  const both = quotes.filter((q) => q.naiveMinutes !== null);
  return {
    estimator: accuracyOf(both.map((q) => ({ quoted: q.minutes, actual: q.actualMinutes }))),
    naive: accuracyOf(both.map((q) => ({ quoted: q.naiveMinutes ?? 0, actual: q.actualMinutes }))),
  };
}

const n = (value: number | null): number => value ?? Number.NaN;

function figures(label: string, side: Side): Figure[] {
  const pair = (
    name: string,
    unit: string,
    pick: (f: AccuracyFigures) => number | null,
    scale = 1,
  ): Figure => ({
    label: `${label} ${name}`,
    unit,
    value: n(pick(side.estimator)) * scale,
    baseline: n(pick(side.naive)) * scale,
    baselineLabel: 'naive estimate, same tickets',
  });
  return [
    pair('MAE', 'min', (f) => f.mae),
    pair('P90 |error|', 'min', (f) => f.p90Error),
    pair('within ±max(5 min, 25 %)', '%', (f) => f.withinTolerance, 100),
    pair('MSE', 'min²', (f) => f.mse),
    pair('bias', 'min', (f) => f.bias),
  ];
}

function table(days: readonly SimDay[]): string {
  const rows = days.map((d) => {
    const s = sides(d.quotes);
    const cell = (v: number | null, digits = 1): string => (v === null ? '—' : v.toFixed(digits));
    return [
      d.day,
      d.kind.padEnd(6),
      String(d.issued).padStart(4),
      String(d.uncalled).padStart(3),
      `${cell(s.estimator.mae).padStart(5)} / ${cell(s.naive.mae).padStart(5)}`,
      `${cell(s.estimator.p90Error).padStart(5)} / ${cell(s.naive.p90Error).padStart(5)}`,
      `${cell(n(s.estimator.withinTolerance) * 100, 0).padStart(3)} % / ${cell(n(s.naive.withinTolerance) * 100, 0).padStart(3)} %`,
    ].join('  ');
  });
  return ['day         kind    tix unc    MAE new/naive   P90 new/naive   within new/naive', ...rows].join(
    '\n',
  );
}

function run(): Promise<BenchResult> {
  progress(`replaying ${String(DAY_PLAN.length)} simulated days (seed ${String(SIM_SEED)})`);
  const started = performance.now();
  const days = simulateMonth(FIRST_DAY, DAY_PLAN, SIM_SEED);
  progress(`simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.stderr.write(`${table(days)}\n`);
  if (process.argv.includes('--breakdown')) {
    process.stderr.write(`${breakdown(days)}\n`);
    process.stderr.write(
      `${whatIf((people, seed) => simulateMonth(FIRST_DAY, DAY_PLAN, seed, { people }))}\n`,
    );
  }
  const of = (kinds: readonly DayKind[]): Side =>
    sides(days.filter((d) => kinds.includes(d.kind)).flatMap((d) => d.quotes));
  const all = of(['quiet', 'normal', 'friday', 'peak']);
  const normal = of(['normal']);
  const kinds: DayKind[] = ['quiet', 'normal', 'friday', 'peak'];
  const mseCut = 1 - n(all.estimator.mse) / n(all.naive.mse);
  const targets: Target[] = [
    {
      label: `MAE ≤ ${String(TARGET_MAE)} min on normal days`,
      pass: n(normal.estimator.mae) <= TARGET_MAE,
      detail: `${n(normal.estimator.mae).toFixed(2)} min (naive ${n(normal.naive.mae).toFixed(2)})`,
    },
    {
      label: `≥ ${String(TARGET_WITHIN * 100)} % within ±max(5 min, 25 %), all days`,
      pass: n(all.estimator.withinTolerance) >= TARGET_WITHIN,
      detail: `${(n(all.estimator.withinTolerance) * 100).toFixed(1)} % (naive ${(n(all.naive.withinTolerance) * 100).toFixed(1)} %)`,
    },
    {
      label: `MSE ≥ ${String(TARGET_MSE_CUT * 100)} % lower than naive, all days`,
      pass: mseCut >= TARGET_MSE_CUT,
      detail: `${(mseCut * 100).toFixed(1)} % lower (${n(all.estimator.mse).toFixed(1)} vs ${n(all.naive.mse).toFixed(1)} min²)`,
    },
  ];
  const quotes = days.reduce((sum, d) => sum + d.quotes.length, 0);
  progress('the same days with regular desks, to see what limits the figures');
  const regularDays = simulateMonth(FIRST_DAY, DAY_PLAN, SIM_SEED, { people: REGULAR_DESKS });
  const regular = sides(regularDays.filter((d) => d.kind === 'normal').flatMap((d) => d.quotes));
  return Promise.resolve({
    name: 'wait-accuracy',
    figures: [
      ...figures('all days', all),
      ...kinds.flatMap((k) => figures(`${k} days`, of([k]))),
      ...figures('regular desks, normal days', regular),
    ],
    targets,
    notes: [
      `${String(days.length)} days, ${String(quotes)} promises judged at issue (tickets never called are left out)`,
      'parameters and their sources: scripts/bench/wait-accuracy-params.ts; method: docs/wait-estimate.md',
      'where the error comes from: npx tsx scripts/bench/wait-accuracy.ts --breakdown',
      'the best any estimator could promise on these days: npx tsx scripts/bench/wait-accuracy-oracle.ts (minutes)',
    ],
  });
}

if (isMain(import.meta.url)) await runBench(run);
