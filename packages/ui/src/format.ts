// The file alone, not the package's index: no schema code in the pages' bundles.
import { instantClockText } from '@giliran/protocol/clock-text';
import type { Lang } from './i18n.ts';

const ZONE_ABBREVIATION: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATION[timeZone] ?? timeZone;
}

// Building an Intl formatter costs far more than using one (a 500-row table re-renders every second):
// one per zone, language and style, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string, lang: Lang): Intl.DateTimeFormat {
  const key = `${timeZone}|${lang}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions = {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    };
    found = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * "09.12 WIB": the site's own clock, whatever zone the screen's computer is set to, written the one way of every
 * screen and ticket in either language (`clockText`). `lang` stays for callers that pass it.
 */
export function formatClock(instant: string | number | Date, timeZone: string, _lang?: Lang): string {
  return `${formatTime(instant, timeZone)} ${zoneAbbreviation(timeZone)}`;
}

/** "09.12": the time of day alone, where the zone is said elsewhere. */
export function formatTime(instant: string | number | Date, timeZone: string): string {
  return instantClockText(instant, timeZone);
}

export function formatDate(instant: string | number | Date, timeZone: string, lang: Lang): string {
  return dateFormatter(timeZone, lang).format(new Date(instant));
}

/**
 * A random key for one user action. `crypto.randomUUID` exists only in secure contexts (HTTPS or localhost), and a
 * hall's screens open the hub at a LAN address over plain HTTP; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "4:07" for a running timer or a duration; hours only when it really ran that long. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
