/**
 * Krejcie & Morgan (1970), the sample table PermenPAN-RB 14/2017 refers to:
 * s = X²·N·P(1−P) / (d²·(N−1) + X²·P(1−P)) with X² = 3.841 (1 df, 95 %), P = 0.5 and d = 0.05, rounded to the
 * nearest whole respondent as in their published table (50 → 44.34 → 44, 500 → 217.47 → 217).
 * Multiplying through by 4000 leaves whole numbers only, s = 3841·N / (10·N + 3831), so the rounding is done in
 * integers: population 100 → 80, 1,000 → 278, 10,000 → 370.
 */
export function krejcieMorganSampleSize(population: number): number {
  if (!Number.isInteger(population) || population < 0)
    throw new RangeError('population must be a whole number');
  const numerator = 3841 * population;
  const denominator = 10 * population + 3831;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
