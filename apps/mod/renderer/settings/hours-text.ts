import type { OpeningHours, WeekdayKey } from '@giliran/protocol';

// Opening hours as an officer types them: "08:00-12:00, 13:00-15:30" per day; empty means closed.

export const WEEKDAYS: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type DayTexts = Readonly<Record<WeekdayKey, string>>;

interface Window {
  readonly open: string;
  readonly close: string;
}

export function formatWindows(windows: readonly Window[] | undefined): string {
  return (windows ?? []).map((w) => `${w.open}-${w.close}`).join(', ');
}

export function hoursToTexts(hours: OpeningHours): DayTexts {
  const texts: Partial<Record<WeekdayKey, string>> = {};
  for (const day of WEEKDAYS) texts[day] = formatWindows(hours[day]);
  return texts as DayTexts;
}

/** "8.00" and "08:00" both mean 08:00: Indonesian writing uses a dot between hours and minutes. */
function clock(text: string): { text: string; minutes: number } | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return { text: `${String(hours).padStart(2, '0')}:${match[2] ?? '00'}`, minutes: hours * 60 + minutes };
}

/** The windows of one day, or null when the text is not understood (or windows overlap or run backwards). */
export function parseWindows(text: string): Window[] | null {
  if (text.trim() === '') return [];
  const windows: Window[] = [];
  let lastClose = -1;
  for (const part of text.split(/[,;]/)) {
    const [from, to, ...rest] = part.split(/[-–—]/);
    if (from === undefined || to === undefined || rest.length > 0) return null;
    const open = clock(from);
    const close = clock(to);
    if (!open || !close || open.minutes >= close.minutes || open.minutes < lastClose) return null;
    windows.push({ open: open.text, close: close.text });
    lastClose = close.minutes;
  }
  return windows;
}

/** The week as the hub takes it (closed days left out), or null when a day is not understood. */
export function textsToHours(texts: DayTexts): OpeningHours | null {
  const hours: Partial<Record<WeekdayKey, Window[]>> = {};
  for (const day of WEEKDAYS) {
    const windows = parseWindows(texts[day]);
    if (windows === null) return null;
    if (windows.length > 0) hours[day] = windows;
  }
  return hours;
}
