import { describe, expect, it } from 'vitest';
import { counterFigures } from './counter-figures.ts';
import { fold } from './state.ts';
import { called, finished, issued, noShow, stepStarted } from './testing/builders.ts';
import { at, testConfig } from './testing/fixtures.ts';

const served = (id: string, number: string, seq: number, call: number, steps: number[], end: number) => [
  issued(id, number, seq, 0),
  called(id, 'c1', call),
  ...steps.map((minute, i) => stepStarted(id, 'c1', (4 + i) as 4 | 5 | 6 | 7 | 8, minute)),
  finished(id, 'c1', end),
];

describe("a counter's figures for the day", () => {
  it('are empty before anything is served', () => {
    const figures = counterFigures(fold([issued('a1', 'A001', 1, 0)]), testConfig, 'c1', at(10));
    expect(figures).toEqual({
      counterId: 'c1',
      serviceDay: '2026-11-25',
      served: 0,
      noShows: 0,
      averageServiceSeconds: null,
      withinStandard: 0,
      withinStandardShare: null,
    });
  });

  it('average the service time from the first step to finish and count tickets that kept every standard', () => {
    const state = fold([
      // Steps 4–8 standards 2, 2, 5, 5, 1 minutes: a1 keeps them all in 10 minutes.
      ...served('a1', 'A001', 1, 5, [6, 8, 10, 14, 15], 16),
      // a2's step 6 takes 9 minutes (standard 5): late, though finished in 20 minutes.
      ...served('a2', 'A002', 2, 20, [21, 22, 23, 32, 33], 41),
      issued('a3', 'A003', 3, 1),
      called('a3', 'c1', 42),
      noShow('a3', 'c1', 50),
    ]);
    const figures = counterFigures(state, testConfig, 'c1', at(60));
    expect(figures.served).toBe(2);
    expect(figures.noShows).toBe(1);
    expect(figures.averageServiceSeconds).toBe(((16 - 6 + (41 - 21)) * 60) / 2);
    expect(figures.withinStandard).toBe(1);
    expect(figures.withinStandardShare).toBe(0.5);
  });

  it("leave out other counters' tickets", () => {
    const state = fold(served('a1', 'A001', 1, 5, [6], 8));
    expect(counterFigures(state, testConfig, 'c2', at(10)).served).toBe(0);
  });
});
