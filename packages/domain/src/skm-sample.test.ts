import { describe, expect, it } from 'vitest';
import { krejcieMorganSampleSize } from './skm-sample.ts';

describe('krejcieMorganSampleSize (X² = 3.841, P = 0.5, d = 0.05)', () => {
  it.each([
    [100, 80],
    [1_000, 278],
    [10_000, 370],
  ])('population %i needs %i respondents (docs/domain/skm.md)', (population, sample) => {
    expect(krejcieMorganSampleSize(population)).toBe(sample);
  });

  it.each([
    // Krejcie & Morgan (1970), Table 1: rounded to the nearest respondent (44.34 → 44, 217.47 → 217).
    [10, 10],
    [50, 44],
    [200, 132],
    [500, 217],
    [100_000, 383],
    [1_000_000, 384],
  ])('matches the published table: %i → %i', (population, sample) => {
    expect(krejcieMorganSampleSize(population)).toBe(sample);
  });

  it('needs nobody from an empty population and everyone from a population of one', () => {
    expect(krejcieMorganSampleSize(0)).toBe(0);
    expect(krejcieMorganSampleSize(1)).toBe(1);
  });

  it('never asks for more respondents than the population', () => {
    for (let population = 1; population <= 2000; population++) {
      expect(krejcieMorganSampleSize(population)).toBeLessThanOrEqual(population);
    }
  });

  it('refuses a population that is not a whole number', () => {
    expect(() => krejcieMorganSampleSize(-1)).toThrow(RangeError);
    expect(() => krejcieMorganSampleSize(2.5)).toThrow(RangeError);
  });
});
