import type { SpeechLang } from './speech-lang.ts';
import { englishNumberToWords, letterName, numberToWords } from './number-words.ts';

const TENS = [20, 30, 40, 50, 60, 70, 80, 90];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/**
 * The default clip set: 0–19, whole tens and the hundred/thousand words compose any number 0–9999,
 * so a site records 61 short clips instead of one per number.
 */
export const CLIP_TOKENS: readonly string[] = [
  'nomor-antrian',
  'silakan-menuju-loket',
  'silakan-menuju',
  ...LETTERS.map((letter) => `letter-${letter}`),
  ...Array.from({ length: 20 }, (_, n) => `num-${n}`),
  ...TENS.map((n) => `num-${n}`),
  'seratus',
  'ratus',
  'seribu',
  'ribu',
];

const PHRASES: Readonly<Record<string, Readonly<Record<SpeechLang, string>>>> = {
  'nomor-antrian': { id: 'nomor antrian', en: 'queue number' },
  'silakan-menuju-loket': { id: 'silakan menuju loket', en: 'please go to counter' },
  'silakan-menuju': { id: 'silakan menuju', en: 'please go to' },
  // English reuses the Indonesian token names, so one token sequence serves either clip folder.
  seratus: { id: 'seratus', en: 'one hundred' },
  ratus: { id: 'ratus', en: 'hundred' },
  seribu: { id: 'seribu', en: 'one thousand' },
  ribu: { id: 'ribu', en: 'thousand' },
};

function belowHundredTokens(n: number): string[] {
  if (n < 20) return [`num-${n}`];
  const unit = n % 10;
  return unit === 0 ? [`num-${n}`] : [`num-${n - unit}`, `num-${unit}`];
}

function belowThousandTokens(n: number): string[] {
  if (n < 100) return belowHundredTokens(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? ['seratus'] : [`num-${hundreds}`, 'ratus'];
  return rest === 0 ? head : [...head, ...belowHundredTokens(rest)];
}

/** Clips that speak `n` (0–9999) as words: 2345 → num-2 ribu num-3 ratus num-40 num-5. */
export function numberTokens(n: number): string[] {
  numberToWords(n); // the same range check and error as the spoken words
  if (n < 1000) return belowThousandTokens(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands === 1 ? ['seribu'] : [`num-${thousands}`, 'ribu'];
  return rest === 0 ? head : [...head, ...belowThousandTokens(rest)];
}

/** One clip per digit, leading zeros kept: '012' → num-0 num-1 num-2. */
export function digitTokens(digits: string): string[] {
  if (!/^\d+$/.test(digits)) throw new TypeError(`Not a string of digits: "${digits}"`);
  return digits.split('').map((d) => `num-${d}`); // ASCII digits only, checked above
}

/** One clip per letter of a service prefix: 'AB' → letter-a letter-b. */
export function letterTokens(letters: string): string[] {
  return letters.split('').map((letter) => {
    letterName(letter); // rejects anything but A–Z, half a surrogate pair included
    return `letter-${letter.toLowerCase()}`;
  });
}

/** A clip for a counter that is not a plain "Loket N"; no default clip exists, the site records it. */
export function nameToken(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug === '') throw new TypeError(`Cannot make a clip name from "${name}"`);
  return `name-${slug}`;
}

const LETTER = /^letter-([a-z])$/;
const NUMBER = /^num-(0|[1-9]\d*)$/;

/** What the clip `token` says, in `lang`: the text espeak-ng reads when generating the default clip set. */
export function clipText(token: string, lang: SpeechLang): string {
  const phrase = PHRASES[token];
  if (phrase !== undefined) return phrase[lang];
  const letter = LETTER.exec(token)?.[1];
  // espeak-ng and system voices both spell a lone capital letter by its name in their own language.
  if (letter !== undefined) return lang === 'id' ? letterName(letter) : letter.toUpperCase();
  const number = NUMBER.exec(token)?.[1];
  if (number !== undefined && (Number(number) < 20 || TENS.includes(Number(number)))) {
    return lang === 'id' ? numberToWords(Number(number)) : englishNumberToWords(Number(number));
  }
  if (token.startsWith('name-') && token.length > 'name-'.length) {
    return token.slice('name-'.length).replaceAll('-', ' ');
  }
  throw new TypeError(`Unknown clip token "${token}"`);
}
