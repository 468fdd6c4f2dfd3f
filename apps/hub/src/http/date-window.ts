import { addDays } from '@giliran/domain';
import type { SiteConfig } from '../config/site-config.ts';
import { HubError } from '../hub-error.ts';

/** No Mal Pelayanan Publik existed before 2017: the floor when the site file does not say when the site opened. */
export const EARLIEST_MPP_DAY = '2017-01-01';
/** How far ahead a date may lie: a year (a leap year's 366 days) from today. */
export const DAYS_AHEAD = 366;

export interface DateWindow {
  readonly earliest: string;
  readonly latest: string;
}

/** The site's sane window of service days: from the day it opened to a year after today (site calendar). */
export function dateWindow(site: Pick<SiteConfig, 'openedOn'>, today: string): DateWindow {
  return { earliest: site.openedOn ?? EARLIEST_MPP_DAY, latest: addDays(today, DAYS_AHEAD) };
}

/**
 * Refuses, with a 400 naming each field, any date (`YYYY-MM-DD`, or the day of an instant) outside the window.
 * Fields left out are not checked.
 */
export function checkDates(window: DateWindow, fields: Readonly<Record<string, unknown>>): void {
  const details = Object.entries(fields).flatMap(([path, value]) => {
    if (typeof value !== 'string') return [];
    const day = value.slice(0, 10);
    if (day < window.earliest)
      return [{ path, message: `${day} is before the site opened (${window.earliest})` }];
    if (day > window.latest)
      return [{ path, message: `${day} is more than a year ahead (after ${window.latest})` }];
    return [];
  });
  if (details.length > 0) throw new HubError('VALIDATION_FAILED', details);
}

/** A calendar year (holidays): any year with a day in the window, so next year's SKB can be entered in October. */
export function checkYear(window: DateWindow, path: string, year: unknown): void {
  if (typeof year !== 'number') return;
  if (`${year}-12-31` < window.earliest || `${year}-01-01` > window.latest)
    throw new HubError('VALIDATION_FAILED', [
      { path, message: `${year} is outside ${window.earliest.slice(0, 4)}–${window.latest.slice(0, 4)}` },
    ]);
}
