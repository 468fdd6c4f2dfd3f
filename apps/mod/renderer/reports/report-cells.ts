import { formatDuration, type Lang } from '@giliran/ui';

/** Numbers as the reader's language writes them; "—" where a figure does not apply or has no data. */
export interface Cells {
  count(value: number | null): string;
  decimal(value: number): string;
  duration(seconds: number | null): string;
  share(value: number | null): string;
}

export function cellsFor(lang: Lang): Cells {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const count = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    count: (value) => (value === null ? '—' : count.format(value)),
    decimal: (value) => decimal.format(value),
    duration: (seconds) => (seconds === null ? '—' : formatDuration(seconds)),
    share: (value) => (value === null ? '—' : `${decimal.format(value * 100)}%`),
  };
}
