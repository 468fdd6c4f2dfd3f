import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOP_STANDARDS, type SopStandards, type SopStep } from './config.ts';
import { fitStandardsToTotal } from './service-standard.ts';

const sum = (s: SopStandards): number => Object.values(s).reduce((a, b) => a + b, 0);

describe('a service standard given as a total for steps 1–8', () => {
  it('fits the SOP table (18 minutes) into a 15-minute letter, in quarter minutes', () => {
    const fitted = fitStandardsToTotal(DEFAULT_SOP_STANDARDS, {}, 15);
    expect(fitted).toEqual({ 1: 0.75, 2: 0.75, 3: 0.75, 4: 1.75, 5: 1.75, 6: 4.25, 7: 4.25, 8: 0.75 });
    expect(fitted && sum(fitted)).toBe(15);
  });

  it('keeps the steps the service sets itself and shares the rest', () => {
    const fitted = fitStandardsToTotal(DEFAULT_SOP_STANDARDS, { 7: 10 }, 20);
    expect(fitted?.[7]).toBe(10);
    expect(fitted && sum(fitted)).toBe(20);
  });

  it('refuses a total the fixed steps already use up', () => {
    expect(fitStandardsToTotal(DEFAULT_SOP_STANDARDS, { 6: 10, 7: 10 }, 20)).toBeNull();
    expect(fitStandardsToTotal(DEFAULT_SOP_STANDARDS, {}, 1)).toBeNull();
  });

  it('always adds up to the total exactly, every step positive and a whole number of seconds', () => {
    const minutes = fc.integer({ min: 1, max: 240 }).map((q) => q / 4);
    const steps = fc.dictionary(
      fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8'),
      fc.integer({ min: 1, max: 40 }).map((q) => q / 4),
      { maxKeys: 7 },
    );
    fc.assert(
      fc.property(steps, minutes, (raw, extra) => {
        const fixed = Object.fromEntries(Object.entries(raw).map(([k, v]) => [Number(k), v])) as Partial<
          Record<SopStep, number>
        >;
        const freeSteps = 8 - Object.keys(fixed).length;
        const total = Object.values(fixed).reduce((a, b) => a + b, 0) + freeSteps / 4 + extra;
        const fitted = fitStandardsToTotal(DEFAULT_SOP_STANDARDS, fixed, total);
        expect(fitted).not.toBeNull();
        if (!fitted) return;
        expect(sum(fitted)).toBeCloseTo(total, 9);
        for (const value of Object.values(fitted)) {
          expect(value).toBeGreaterThan(0);
          expect(Number.isInteger(value * 60)).toBe(true);
        }
        for (const [step, value] of Object.entries(fixed))
          expect(fitted[Number(step) as SopStep]).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });
});
