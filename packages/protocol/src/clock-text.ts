/*
 * The one way a time of day is written on every screen, ticket, printout and file, in both languages: "09.30", hours
 * and minutes joined by a full stop as Indonesian spelling (PUEBI) has it and British English accepts (issue 14:
 * screens had "09.30" in Indonesian, "09:30" in English and on the ticket).
 */

const zoned = new Map<string, Intl.DateTimeFormat>();

/** "09.05" from an hour 0–23 and a minute. */
export function clockText(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}.${String(minute).padStart(2, '0')}`;
}

/** The time of day of an instant in a site's zone, as `clockText` writes it. */
export function instantClockText(instant: string | number | Date, timeZone: string): string {
  let formatter = zoned.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zoned.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return clockText(part('hour'), part('minute'));
}
