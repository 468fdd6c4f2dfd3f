// Days and opening hours are the site's, not the server's: every calendar question goes through the site's IANA zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface LocalTime {
  /** Calendar date in the site's zone, `YYYY-MM-DD`. */
  readonly date: string;
  readonly weekday: Weekday;
  /** Minutes since local midnight. */
  readonly minuteOfDay: number;
}

// Every zone's offset is a whole number of minutes, so one minute has one answer. The hub asks many times per
// command (service day, opening hours) and formatToParts is costly: keep the last minute's answer per zone.
const lastAnswer = new Map<string, { readonly minute: number; readonly time: LocalTime }>();

export function localTime(instant: string, timeZone: string): LocalTime {
  const ms = Date.parse(instant);
  const minute = Math.floor(ms / 60_000);
  const cached = lastAnswer.get(timeZone);
  if (cached?.minute === minute) return cached.time;
  const time = computeLocalTime(ms, timeZone);
  if (Number.isFinite(minute)) lastAnswer.set(timeZone, { minute, time });
  return time;
}

function computeLocalTime(ms: number, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: part('weekday').toLowerCase() as Weekday,
    minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

/** The service day an instant belongs to: numbering restarts when it changes (local midnight). */
export function serviceDayOf(instant: string, timeZone: string): string {
  return localTime(instant, timeZone).date;
}

// A site has a handful of distinct "HH:MM" strings, read on every issue (opening hours): parse each once.
const parsedClocks = new Map<string, number>();

export function parseClock(hhmm: string): number {
  let minutes = parsedClocks.get(hhmm);
  if (minutes === undefined) {
    const [h, m] = hhmm.split(':').map(Number);
    minutes = (h ?? 0) * 60 + (m ?? 0);
    if (parsedClocks.size < 1000) parsedClocks.set(hhmm, minutes);
  }
  return minutes;
}
