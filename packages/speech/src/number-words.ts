const ID_UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

// How Indonesian letters are spelled aloud (ejaan), so "B" is read "be" and not as an English "bee".
const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'be',
  C: 'ce',
  D: 'de',
  E: 'e',
  F: 'ef',
  G: 'ge',
  H: 'ha',
  I: 'i',
  J: 'je',
  K: 'ka',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'o',
  P: 'pe',
  Q: 'ki',
  R: 'er',
  S: 'es',
  T: 'te',
  U: 'u',
  V: 've',
  W: 'we',
  X: 'eks',
  Y: 'ye',
  Z: 'zet',
};

/**
 * Up to 999 triliun: a day's sequence is unbounded in the numbering (A1000, A12345…), and every number a safe
 * JavaScript integer holds below a thousand trillion is said in words.
 */
export const MAX_SPOKEN_NUMBER = 999_999_999_999_999;

const ID_SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'];
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

function checkRange(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`Only whole numbers 0–${MAX_SPOKEN_NUMBER} can be spoken: ${n}`);
  }
}

/** `n` in groups of three digits, highest first, each with its scale index: 1_002_003 → [[1,2],[2,1],[3,0]]. */
export function thousandGroups(n: number): [group: number, scale: number][] {
  checkRange(n);
  const groups: [number, number][] = [];
  for (let rest = n, scale = 0; rest > 0; rest = Math.floor(rest / 1000), scale++) {
    if (rest % 1000 !== 0) groups.unshift([rest % 1000, scale]);
  }
  return groups;
}

function scaleWord(scales: readonly string[], scale: number): string {
  const word = scales[scale];
  if (word === undefined) throw new RangeError(`No scale word for 1000^${scale}`);
  return word;
}

function idUnit(n: number): string {
  const word = ID_UNITS[n];
  if (word === undefined) throw new RangeError(`Not a digit: ${n}`);
  return word;
}

function idBelowHundred(n: number): string {
  if (n < 10) return idUnit(n);
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${idUnit(n - 10)} belas`;
  const unit = n % 10;
  const tens = `${idUnit(Math.floor(n / 10))} puluh`;
  return unit === 0 ? tens : `${tens} ${idUnit(unit)}`;
}

function idBelowThousand(n: number): string {
  if (n < 100) return idBelowHundred(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  // "se-" replaces "satu" before ratus and ribu: seratus, seribu, never "satu ratus".
  const head = hundreds === 1 ? 'seratus' : `${idUnit(hundreds)} ratus`;
  return rest === 0 ? head : `${head} ${idBelowHundred(rest)}`;
}

function idGroup(group: number, scale: number): string {
  if (scale === 0) return idBelowThousand(group);
  // Only a lone thousand takes "se-" (seribu); 1 000 000 is "satu juta", 21 000 "dua puluh satu ribu".
  if (scale === 1 && group === 1) return 'seribu';
  return `${idBelowThousand(group)} ${scaleWord(ID_SCALES, scale)}`;
}

/** Indonesian words: `2345` → "dua ribu tiga ratus empat puluh lima", `12345` → "dua belas ribu tiga ratus…". */
export function numberToWords(n: number): string {
  if (n === 0) return idUnit(0);
  return thousandGroups(n)
    .map(([group, scale]) => idGroup(group, scale))
    .join(' ');
}

function enWord(list: readonly string[], n: number): string {
  const word = list[n];
  if (word === undefined || word === '') throw new RangeError(`No English word for ${n}`);
  return word;
}

function enBelowHundred(n: number): string {
  if (n < 20) return enWord(EN_UNITS, n);
  const unit = n % 10;
  const tens = enWord(EN_TENS, Math.floor(n / 10));
  return unit === 0 ? tens : `${tens}-${enWord(EN_UNITS, unit)}`;
}

function enBelowThousand(n: number): string {
  if (n < 100) return enBelowHundred(n);
  const rest = n % 100;
  const head = `${enWord(EN_UNITS, Math.floor(n / 100))} hundred`;
  return rest === 0 ? head : `${head} ${enBelowHundred(rest)}`;
}

/**
 * English words without "and" ("one hundred twelve", "twelve thousand three hundred forty-five"), so the words
 * match the clip sequence a recorded clip set composes them from.
 */
export function englishNumberToWords(n: number): string {
  if (n === 0) return enWord(EN_UNITS, 0);
  return thousandGroups(n)
    .map(([group, scale]) =>
      scale === 0 ? enBelowThousand(group) : `${enBelowThousand(group)} ${scaleWord(EN_SCALES, scale)}`,
    )
    .join(' ');
}

function splitDigits(digits: string): number[] {
  if (!/^\d+$/.test(digits)) throw new TypeError(`Not a string of digits: "${digits}"`);
  return digits.split('').map(Number); // ASCII digits only, checked above
}

/** Digit by digit, keeping leading zeros: `'012'` → "nol satu dua". */
export function digitsToWords(digits: string): string {
  return splitDigits(digits).map(idUnit).join(' ');
}

/** Digit by digit in English: `'012'` → "zero one two". */
export function englishDigitsToWords(digits: string): string {
  return splitDigits(digits)
    .map((d) => enWord(EN_UNITS, d))
    .join(' ');
}

/** The Indonesian name of a letter A–Z (either case): `'B'` → "be". */
export function letterName(letter: string): string {
  const name = LETTER_NAMES[letter.toUpperCase()];
  if (letter.length !== 1 || name === undefined) throw new TypeError(`Not a letter A–Z: "${letter}"`);
  return name;
}
