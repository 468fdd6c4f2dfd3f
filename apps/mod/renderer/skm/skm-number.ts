import type { Lang } from '@giliran/ui';
import type { SkmText } from './texts.ts';

/** 87,28 in Indonesian, 87.28 in English; — when there is nothing to show. */
export function decimalText(value: number | null, digits: number, lang: Lang): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** The tab's translator, as its parts receive it. */
export type SkmT = (key: SkmText, vars?: Readonly<Record<string, string | number>>) => string;
