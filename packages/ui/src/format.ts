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

/** "09.12 WIB": the site's own clock, whatever zone the screen's computer is set to. */
export function formatClock(instant: string | number | Date, timeZone: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${text} ${zoneAbbreviation(timeZone)}`;
}

export function formatDate(instant: string | number | Date, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
