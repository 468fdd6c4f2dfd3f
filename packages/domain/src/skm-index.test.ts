import { describe, expect, it } from 'vitest';
import { skmCategory, skmIndex, skmIndexFromNrr, tallySkm, type SkmTally } from './skm-index.ts';
import { SKM_UNSUR, type SkmScore } from './skm-unsur.ts';

/** n respondents whose scores add up to `grand`, spread as evenly as possible over the nine unsur. */
function tallyWithGrand(n: number, grand: number): SkmTally {
  const base = Math.floor(grand / 9);
  const extra = grand - base * 9;
  return { respondents: n, totals: Array.from({ length: 9 }, (_, i) => base + (i < extra ? 1 : 0)) };
}

describe('IKM on agencies’ published SKM tables', () => {
  it('reproduces Dinas Pertanahan dan Tata Ruang Kabupaten Bantul 2023: IKM 87.28, mutu B (Baik)', () => {
    // Source: Pemerintah Kabupaten Bantul, SKM portal, "Nilai IKM Dinas Pertanahan dan Tata Ruang (Kundha Niti
    // Mandala Sarta Tata Sasana) 2023", https://skm.bantulkab.go.id/skpd-45c48cce2e2d7fbdea1afc51c7c6ad26
    // NRR as published (the page lists U8 Penanganan Pengaduan before U9 Sarana; the order does not change the sum).
    const published = {
      nrr: [3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39, 3.76, 3.35],
      ikm2023: 87.28,
    };
    const result = skmIndexFromNrr(published.nrr);
    expect(result.converted).toBe(published.ikm2023);
    expect(result.mutu).toBe('B');
    expect(result.kinerja.id).toBe('Baik');
    // The printed weight 0.111 would have given 87.19, not the published 87.28: the weight is exactly 1/9.
    const withPrintedWeight = Math.round(published.nrr.reduce((s, v) => s + v * 0.111, 0) * 25 * 100) / 100;
    expect(withPrintedWeight).toBe(87.19);
  });

  it('puts the same portal’s per-service IKM in the categories it published', () => {
    // Same page: Layanan Informasi 75.56 C (Kurang Baik), Layanan Konsultasi 86.29 B (Baik),
    // Layanan Rekomendasi Tata Ruang 94.61 A (Sangat Baik).
    expect(skmCategory(75.56)).toEqual({ mutu: 'C', kinerja: { id: 'Kurang Baik', en: 'Poor' } });
    expect(skmCategory(86.29).mutu).toBe('B');
    expect(skmCategory(94.61)).toEqual({ mutu: 'A', kinerja: { id: 'Sangat Baik', en: 'Very good' } });
  });

  it('reproduces Disdukcapil Tulang Bawang Barat 2023 semester 1: one respondent, all 4 → IKM 100 (Sangat Baik)', () => {
    // Source: Pemerintah Kabupaten Tulang Bawang Barat, e-SMILE, "Pengolahan data survei kepuasan masyarakat per
    // responden dan per unsur pelayanan tahun 2023 semester 1, Dinas Kependudukan dan Pencatatan Sipil",
    // https://e-smile.tubaba.go.id/main/skm/laporan/online — Σ nilai/unsur 4, NRR/unsur 4, "IKM UNIT PELAYANAN 100".
    // It prints the weighted NRR as 0.44 (4 × 0.111) each, which would sum to 3.96 (99.00): only 1/9 gives its 100.
    const result = skmIndex(tallySkm([Array<SkmScore>(9).fill(4)]));
    expect(result?.converted).toBe(100);
    expect(result?.ikm).toBe(4);
    expect(result?.mutu).toBe('A');
    expect(result?.kinerja.id).toBe('Sangat Baik');
  });
});

describe('skmIndex', () => {
  it('gives NRR per unsur as sum / respondents and the index as their mean × 25', () => {
    const answers: SkmScore[][] = [
      [4, 3, 3, 4, 3, 3, 4, 2, 3],
      [3, 3, 2, 4, 3, 4, 4, 3, 3],
      [2, 3, 3, 4, 3, 3, 3, 3, 2],
    ];
    const result = skmIndex(tallySkm(answers));
    expect(result?.unsur.map((u) => u.total)).toEqual([9, 9, 8, 12, 9, 10, 11, 8, 8]);
    expect(result?.unsur[0]?.nrr).toBe(3);
    expect(result?.unsur[2]?.nrr).toBeCloseTo(8 / 3, 12);
    // Σ totals = 84, IKM = 84 / 27 = 3.1111…, × 25 = 77.777… → 77.78, B.
    expect(result?.ikm).toBeCloseTo(84 / 27, 12);
    expect(result?.converted).toBe(77.78);
    expect(result?.mutu).toBe('B');
    expect(result?.unsur[3]).toMatchObject({ nrr: 4, converted: 100, mutu: 'A' });
    expect(result?.unsur[2]).toMatchObject({ converted: 66.67, mutu: 'C' });
  });

  it('gives 100.00 and A when everyone answers 4', () => {
    const result = skmIndex(tallyWithGrand(250, 250 * 36));
    expect(result?.converted).toBe(100);
    expect(result?.mutu).toBe('A');
  });

  it('gives 25.00 and D when everyone answers 1', () => {
    const result = skmIndex(tallyWithGrand(40, 40 * 9));
    expect(result?.converted).toBe(25);
    expect(result?.mutu).toBe('D');
  });

  it.each([
    // n = 2500 respondents: converted = 2500 × grand / (9 × 2500) = grand / 9 hundredths, so each value is exact.
    [9 * 8831, 88.31, 'A'],
    [9 * 8830, 88.3, 'B'],
    [9 * 7661, 76.61, 'B'],
    [9 * 7660, 76.6, 'C'],
    [9 * 6500, 65, 'C'],
    [9 * 6499, 64.99, 'D'],
  ] as const)('puts an exact %i (→ %f) in band %s', (grand, converted, mutu) => {
    const result = skmIndex(tallyWithGrand(2500, grand));
    expect(result?.converted).toBe(converted);
    expect(result?.mutu).toBe(mutu);
  });

  it('rounds only the result, half up: exactly 88.305 is published as 88.31 and so A', () => {
    // 2500 × 158949 / (9 × 5000) = 8830.5 hundredths exactly.
    const result = skmIndex(tallyWithGrand(5000, 158949));
    expect(result?.ikm).toBeCloseTo(3.5322, 4);
    expect(result?.converted).toBe(88.31);
    expect(result?.mutu).toBe('A');
  });

  it('does not round the NRR before summing', () => {
    // Three respondents, NRR 10/3 each: rounded to 3.33 first it would give 83.25; the exact mean gives 83.33.
    const result = skmIndex({ respondents: 3, totals: Array<number>(9).fill(10) });
    expect(result?.converted).toBe(83.33);
  });

  it('is null without respondents and refuses impossible tallies', () => {
    expect(skmIndex({ respondents: 0, totals: Array<number>(9).fill(0) })).toBeNull();
    expect(() => skmIndex({ respondents: 2, totals: Array<number>(9).fill(9) })).toThrow(RangeError);
    expect(() => skmIndex({ respondents: 2, totals: Array<number>(8).fill(4) })).toThrow(RangeError);
  });
});

describe('skmCategory', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ] as const)('%f is %s', (converted, mutu) => {
    expect(skmCategory(converted).mutu).toBe(mutu);
  });
});

describe('SKM_UNSUR', () => {
  it('has the nine unsur of PermenPAN-RB 14/2017, each with its own four answers in both languages', () => {
    expect(SKM_UNSUR.map((u) => u.code)).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    expect(SKM_UNSUR[2]?.labels.map((label) => label.id)).toEqual([
      'Tidak cepat',
      'Kurang cepat',
      'Cepat',
      'Sangat cepat',
    ]);
    expect(SKM_UNSUR[3]?.labels.map((label) => label.id)).toEqual([
      'Sangat mahal',
      'Cukup mahal',
      'Murah',
      'Gratis',
    ]);
    for (const unsur of SKM_UNSUR) {
      for (const label of unsur.labels) expect(label.id.length * label.en.length).toBeGreaterThan(0);
    }
  });
});
