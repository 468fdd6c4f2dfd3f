import type { Lang } from '@giliran/ui';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "25 Nov 2026" in the site's zone: the register's columns are narrow, the detail gives the weekday. */
export function shortDate(instant: string | number, timeZone: string, lang: Lang): string {
  const key = `${timeZone}|${lang}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(instant));
}
