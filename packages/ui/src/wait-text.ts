import { translator, type Dictionary, type Lang } from './i18n.ts';

/** The wait as the hub sends it (WaitEstimateView): one figure when low === high, else a range. */
export interface ShownWait {
  readonly minutes: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly holdUp: 'paused' | 'closed' | null;
}

type Key = 'range' | 'single' | 'soon' | 'paused' | 'closed';

const TEXTS: Dictionary<Key> = {
  range: { id: 'sekitar {low}–{high} menit', en: 'about {low}–{high} min' },
  single: { id: '± {m} menit', en: '± {m} min' },
  soon: { id: 'segera', en: 'soon' },
  paused: { id: 'loket sedang istirahat', en: 'counters are on a break' },
  closed: { id: 'layanan belum buka', en: 'the service is not open yet' },
};

/**
 * "sekitar 20–30 menit" when the hub is unsure, "± 12 menit" when it is not, "segera" when nobody is ahead and a
 * counter is free. Never "0 menit" while counters are paused or closed: the hub then never sends 0, and the
 * reason is said beside the figure. Null when there is no estimate at all.
 */
export function waitText(wait: ShownWait, lang: Lang): string | null {
  const t = translator(TEXTS, lang);
  if (wait.minutes === null || wait.low === null || wait.high === null)
    return wait.holdUp === null ? null : t(wait.holdUp);
  const figure =
    wait.low < wait.high
      ? t('range', { low: wait.low, high: wait.high })
      : wait.minutes === 0 && wait.holdUp === null
        ? t('soon')
        : t('single', { m: Math.max(wait.holdUp === null ? 0 : 1, wait.minutes) });
  return wait.holdUp === null ? figure : `${figure} (${t(wait.holdUp)})`;
}
