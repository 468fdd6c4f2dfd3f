import { isCalendarDate } from '@giliran/domain';
import { z } from 'zod';

/**
 * The widest window any date field accepts, before the hub narrows it to the site's own (from the day it opened
 * to a year ahead): a year 0001 or 9999 is a typo or a probe, never a service day.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

export function isSaneYear(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A service day `YYYY-MM-DD` that exists in the calendar and lies in 2000–2099. */
export const SaneDate = z
  .string()
  .refine(isCalendarDate, 'YYYY-MM-DD, a real calendar date')
  .refine(isSaneYear, `a date from ${FIRST_YEAR} to ${LAST_YEAR}`);
