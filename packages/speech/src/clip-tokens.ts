import type { SpeechLang } from './speech-lang.ts';
import { englishNumberToWords, letterName, numberToWords, thousandGroups } from './number-words.ts';

const TENS = [20, 30, 40, 50, 60, 70, 80, 90];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/**
 * The default clip set: 0–19, whole tens and the hundred/thousand/million… words compose any number the
 * numbering can produce, so a site records 64 short clips instead of one per number.
 */
export const CLIP_TOKENS: readonly string[] = [
  'nomor-antrean',
  'silakan-menuju-loket',
  'silakan-menuju',
  ...LETTERS.map((letter) => `letter-${letter}`),
  ...Array.from({ length: 20 }, (_, n) => `num-${n}`),
  ...TENS.map((n) => `num-${n}`),
  'seratus',
  'ratus',
  'seribu',
  'ribu',
  'juta',
  'miliar',
  'triliun',
];

const PHRASES: Readonly<Record<string, Readonly<Record<SpeechLang, string>>>> = {
  'nomor-antrean': { id: 'nomor antrean', en: 'queue number' },
  'silakan-menuju-loket': { id: 'silakan menuju loket', en: 'please go to counter' },
  'silakan-menuju': { id: 'silakan menuju', en: 'please go to' },
  // English reuses the Indonesian token names, so one token sequence serves either clip folder.
  seratus: { id: 'seratus', en: 'one hundred' },
  ratus: { id: 'ratus', en: 'hundred' },
  seribu: { id: 'seribu', en: 'one thousand' },
  ribu: { id: 'ribu', en: 'thousand' },
  juta: { id: 'juta', en: 'million' },
  miliar: { id: 'miliar', en: 'billion' },
  triliun: { id: 'triliun', en: 'trillion' },
};

const SCALE_TOKENS = ['', 'ribu', 'juta', 'miliar', 'triliun'];

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

function groupTokens(group: number, scale: number): string[] {
  if (scale === 0) return belowThousandTokens(group);
  if (scale === 1 && group === 1) return ['seribu'];
  const word = SCALE_TOKENS[scale];
  if (word === undefined) throw new RangeError(`No clip for 1000^${scale}`);
  return [...belowThousandTokens(group), word];
}

/** Clips that speak `n` as words: 2345 → num-2 ribu num-3 ratus num-40 num-5; 12000 → num-12 ribu. */
export function numberTokens(n: number): string[] {
  if (n === 0) return ['num-0'];
  return thousandGroups(n).flatMap(([group, scale]) => groupTokens(group, scale)); // range-checked there
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
