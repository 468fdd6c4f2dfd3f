import fc from 'fast-check';

/**
 * Text as a ticket really carries it: Indonesian words (some longer than a 58 mm line at double size),
 * numbers with units, URLs, and the non-ASCII a site file or translation brings in (typographic dashes and
 * quotes, ±, accented names, scripts the printer cannot print at all).
 */
const WORDS = [
  'Perekaman',
  'dan',
  'Pencetakan',
  'KTP',
  'Elektronik',
  '(KTP-el)',
  'Dinas',
  'Kependudukan',
  'Pencatatan',
  'Sipil',
  'Kabupaten',
  'Kubu',
  'Raya',
  'Mal',
  'Pelayanan',
  'Publik',
  'Ketenagakerjaan',
  'Penyelenggaraan',
  'Pertanggungjawaban',
  'Surat',
  'Keterangan',
  'Catatan',
  'Kepolisian',
  'orang',
  'menunggu',
  'di',
  'depan',
  'Anda',
  'Perkiraan',
  'waktu',
  'tunggu',
  '12',
  'menit',
  '09:12',
  'WITA',
  'Rabu,',
  '25',
  'Nov',
  '2026',
  'https://antrean.mpp-kuburaya.go.id/t/7QX2-A012',
  '±',
  '·',
  '—',
  '–',
  '…',
  '“Pelayanan”',
  '‘Prima’',
  'Séksi',
  'Bürgeramt',
  'São',
  'Ñusantara',
  '日本語',
  'Σ',
  '🙂',
  '€5',
  '×2',
];

const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\u00a0', ' - '];

/** Indonesian-like text of up to `maxWords` words, lengths spread over the whole range (`size: 'max'`). */
export function indonesianText(maxWords: number): fc.Arbitrary<string> {
  const word = fc.constantFrom(...WORDS);
  const separated = fc.tuple(word, fc.constantFrom(...SEPARATORS)).map(([w, sep]) => w + sep);
  return fc.array(separated, { maxLength: maxWords, size: 'max' }).map((parts) => parts.join('').trimEnd());
}

/** Any text a form or file may hold: Indonesian words, or arbitrary Unicode graphemes at full length. */
export function anyTicketText(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: indonesianText(Math.ceil(maxLength / 6)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength, size: 'max' }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength, size: 'max' }) },
  );
}

/** min / median / p90 / max of `values`, for printing what a generator produced. */
export function lengthQuantiles(values: readonly number[]): {
  min: number;
  median: number;
  p90: number;
  max: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
  return { min: at(0), median: at(0.5), p90: at(0.9), max: at(1) };
}

export const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
