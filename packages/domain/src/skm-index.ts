import type { LocalizedText } from './config.ts';
import { SKM_UNSUR_COUNT, type SkmScore } from './skm-unsur.ts';

// PermenPAN-RB 14/2017: NRR per unsur = sum of scores / respondents; IKM = Σ NRR × 1/9; converted = IKM × 25.
// Many published tables print the weight as 0.111, which caps a perfect score at 99.90: the weight here is exactly
// 1/9, and only the final figures are rounded (to two decimals, half up), never the steps in between.

export type SkmMutu = 'A' | 'B' | 'C' | 'D';

export interface SkmCategory {
  /** Mutu pelayanan. */
  readonly mutu: SkmMutu;
  /** Kinerja unit pelayanan. */
  readonly kinerja: LocalizedText;
}

/** Lower bounds of the bands on the converted score, in hundredths: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99. */
const BANDS: readonly { readonly from: number; readonly category: SkmCategory }[] = [
  { from: 8831, category: { mutu: 'A', kinerja: { id: 'Sangat Baik', en: 'Very good' } } },
  { from: 7661, category: { mutu: 'B', kinerja: { id: 'Baik', en: 'Good' } } },
  { from: 6500, category: { mutu: 'C', kinerja: { id: 'Kurang Baik', en: 'Poor' } } },
  { from: 0, category: { mutu: 'D', kinerja: { id: 'Tidak Baik', en: 'Very poor' } } },
];

/** Half up to two decimals; the 12-digit precision first drops binary noise (87.275 stored as 87.27499…). */
export function roundSkm(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

/** The category of a converted score (25–100), judged on its two-decimal published value. */
export function skmCategory(converted: number): SkmCategory {
  const hundredths = Math.round(Number((converted * 100).toPrecision(12)));
  const band = BANDS.find((b) => hundredths >= b.from) ?? BANDS[BANDS.length - 1];
  if (!band) throw new Error('no SKM band');
  return band.category;
}

/** What was answered in a period: how many respondents and, per unsur, the sum of their scores. */
export interface SkmTally {
  readonly respondents: number;
  /** Sum of scores of U1 … U9. */
  readonly totals: readonly number[];
}

export const EMPTY_SKM_TALLY: SkmTally = { respondents: 0, totals: Array<number>(SKM_UNSUR_COUNT).fill(0) };

export function tallySkm(responses: readonly (readonly SkmScore[])[]): SkmTally {
  const totals = Array<number>(SKM_UNSUR_COUNT).fill(0);
  for (const scores of responses) scores.forEach((score, i) => (totals[i] = (totals[i] ?? 0) + score));
  return { respondents: responses.length, totals };
}

export function addSkmTallies(a: SkmTally, b: SkmTally): SkmTally {
  return {
    respondents: a.respondents + b.respondents,
    totals: a.totals.map((total, i) => total + (b.totals[i] ?? 0)),
  };
}

export interface SkmUnsurResult {
  readonly total: number;
  /** Unrounded: totals and respondents are exact, so the NRR is the exact quotient. */
  readonly nrr: number;
  /** NRR × 25, two decimals: lets a reader see which unsur pulls the index down, on the same bands. */
  readonly converted: number;
  readonly mutu: SkmMutu;
}

export interface SkmIndex extends SkmCategory {
  readonly respondents: number;
  readonly unsur: readonly SkmUnsurResult[];
  /** Σ NRR × 1/9 on the 1–4 scale, unrounded. */
  readonly ikm: number;
  /** IKM × 25, rounded half up to two decimals: the published "IKM unit pelayanan". */
  readonly converted: number;
}

/** a/b × 25 to two decimals, half up, in integers: no float can tip 88.305 to 88.30. */
function convertedExact(sum: number, divisor: number): number {
  const numerator = 2500 * sum;
  return Math.floor((2 * numerator + divisor) / (2 * divisor)) / 100;
}

/** The index of a tally; null without respondents (there is nothing to publish, not a score of 0). */
export function skmIndex(tally: SkmTally): SkmIndex | null {
  const n = tally.respondents;
  if (!Number.isInteger(n) || n < 0) throw new RangeError('respondents must be a whole number');
  if (tally.totals.length !== SKM_UNSUR_COUNT) throw new RangeError(`an SKM has ${SKM_UNSUR_COUNT} unsur`);
  for (const total of tally.totals) {
    if (!Number.isInteger(total) || total < n || total > 4 * n) throw new RangeError('total out of range');
  }
  if (n === 0) return null;
  const grand = tally.totals.reduce((sum, total) => sum + total, 0);
  const converted = convertedExact(grand, SKM_UNSUR_COUNT * n);
  return {
    respondents: n,
    unsur: tally.totals.map((total) => {
      const unsurConverted = convertedExact(total, n);
      return { total, nrr: total / n, converted: unsurConverted, mutu: skmCategory(unsurConverted).mutu };
    }),
    ikm: grand / (SKM_UNSUR_COUNT * n),
    converted,
    ...skmCategory(converted),
  };
}

/**
 * The index from NRR values as a published report prints them (no raw answers): IKM = Σ NRR / 9, × 25.
 * Used to check the computation against agencies' own published tables.
 */
export function skmIndexFromNrr(nrr: readonly number[]): { ikm: number; converted: number } & SkmCategory {
  if (nrr.length !== SKM_UNSUR_COUNT) throw new RangeError(`an SKM has ${SKM_UNSUR_COUNT} unsur`);
  const ikm = nrr.reduce((sum, value) => sum + value, 0) / SKM_UNSUR_COUNT;
  const converted = roundSkm(ikm * 25);
  return { ikm, converted, ...skmCategory(converted) };
}
