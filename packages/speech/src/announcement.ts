import type { SpeechLang } from './speech-lang.ts';
import { digitTokens, letterTokens, nameToken, numberTokens } from './clip-tokens.ts';
import {
  digitsToWords,
  englishDigitsToWords,
  englishNumberToWords,
  letterName,
  MAX_SPOKEN_NUMBER,
  numberToWords,
} from './number-words.ts';

export interface AnnouncementInput {
  /** The ticket number as printed, e.g. `A012`. */
  readonly number: string;
  /** The counter as named in the site config, e.g. `Loket 3`. */
  readonly counterName: string;
}

/** `words`: A dua belas; `digits`: A nol satu dua. */
export type NumberStyle = 'words' | 'digits';

export interface AnnouncementOptions {
  readonly style?: NumberStyle;
  readonly lang?: SpeechLang;
}

interface ParsedTicket {
  readonly letters: string;
  readonly digits: string;
}

interface ParsedCounter {
  /** Null for a plain "Loket N", which every clip set can say. */
  readonly label: string | null;
  readonly number: number | null;
}

function parseTicket(number: string): ParsedTicket {
  const match = /^([A-Za-z]*)(\d+)$/.exec(number.trim());
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new TypeError(`Not a ticket number (letters then digits, e.g. A012): "${number}"`);
  }
  return { letters: match[1].toUpperCase(), digits: match[2] };
}

function parseCounter(counterName: string): ParsedCounter {
  const match = /^(.*?)\s*(\d+)$/.exec(counterName.trim());
  const label = (match === null ? counterName : (match[1] ?? '')).trim();
  const number = match?.[2] === undefined ? null : Number(match[2]);
  if (label === '' && number === null) throw new TypeError('A counter needs a name to be announced');
  // A bare number is a loket too: "3" is announced as "loket tiga".
  return { label: label === '' || /^loket$/i.test(label) ? null : label, number };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function spokenLetters(letters: string, lang: SpeechLang): string {
  // Capitalised so the commonest prefix reads as on the signs ("A dua belas"); speech is the same either way.
  return letters
    .split('') // ASCII letters only: parseTicket checked them
    .map((letter) => (lang === 'id' ? capitalise(letterName(letter)) : letter))
    .join(' ');
}

/** Words as configured; past a thousand trillion (never a day's sequence) digit by digit rather than fail. */
function inWords(digits: string, style: NumberStyle): boolean {
  return style === 'words' && Number(digits) <= MAX_SPOKEN_NUMBER;
}

function spokenDigits(digits: string, style: NumberStyle, lang: SpeechLang): string {
  if (!inWords(digits, style)) return lang === 'id' ? digitsToWords(digits) : englishDigitsToWords(digits);
  return lang === 'id' ? numberToWords(Number(digits)) : englishNumberToWords(Number(digits));
}

function spokenCounter({ label, number }: ParsedCounter, lang: SpeechLang): string {
  const name = label ?? (lang === 'id' ? 'loket' : 'counter');
  if (number === null) return name;
  return `${name} ${lang === 'id' ? numberToWords(number) : englishNumberToWords(number)}`;
}

/**
 * The call as one sentence for a text-to-speech voice:
 * "Nomor antrean, A, dua belas, silakan menuju loket tiga." The commas give the voice its pauses.
 */
export function announcementText(input: AnnouncementInput, options: AnnouncementOptions = {}): string {
  const { style = 'words', lang = 'id' } = options;
  const ticket = parseTicket(input.number);
  const counter = parseCounter(input.counterName);
  const parts = [
    lang === 'id' ? 'Nomor antrean' : 'Queue number',
    ...(ticket.letters === '' ? [] : [spokenLetters(ticket.letters, lang)]),
    spokenDigits(ticket.digits, style, lang),
    `${lang === 'id' ? 'silakan menuju' : 'please go to'} ${spokenCounter(counter, lang)}`,
  ];
  return `${parts.join(', ')}.`;
}

/**
 * The same call as a sequence of clip names for the clip engine. Tokens are language-neutral: the
 * folder of clips decides the language.
 */
export function announcementTokens(input: AnnouncementInput, options: AnnouncementOptions = {}): string[] {
  const { style = 'words' } = options;
  const ticket = parseTicket(input.number);
  const counter = parseCounter(input.counterName);
  const digits = inWords(ticket.digits, style)
    ? numberTokens(Number(ticket.digits))
    : digitTokens(ticket.digits);
  const counterTokens =
    counter.label === null ? ['silakan-menuju-loket'] : ['silakan-menuju', nameToken(counter.label)];
  return [
    'nomor-antrean',
    ...letterTokens(ticket.letters),
    ...digits,
    ...counterTokens,
    ...(counter.number === null ? [] : numberTokens(counter.number)),
  ];
}
