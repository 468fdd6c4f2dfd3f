import type { Lang } from '@giliran/ui';
import type { ServiceView } from './wire.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  id: ['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** "Sen–Kam 08.00–12.00 · Jum 08.00–11.00": consecutive days with the same hours are joined. */
export function describeHours(hours: ServiceView['openingHours'], lang: Lang): string {
  const parts: string[] = [];
  let i = 0;
  while (i < DAYS.length) {
    const windows = hours[DAYS[i] ?? 'mon'] ?? [];
    const key = windows.map((w) => `${w.open}–${w.close}`).join(', ');
    let j = i;
    while (
      j + 1 < DAYS.length &&
      (hours[DAYS[j + 1] ?? 'mon'] ?? []).map((w) => `${w.open}–${w.close}`).join(', ') === key
    )
      j++;
    if (key) {
      const names = DAY_NAMES[lang];
      const days = i === j ? names[i] : `${names[i] ?? ''}–${names[j] ?? ''}`;
      parts.push(`${days ?? ''} ${key.replaceAll(':', '.')}`);
    }
    i = j + 1;
  }
  return parts.join(' · ');
}
