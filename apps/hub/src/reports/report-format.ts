import type { CellKind, CellValue } from './report-tables.ts';

const COUNT = new Intl.NumberFormat('id-ID');
const DECIMAL = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "4:07", or "1:02:07" past an hour: how the counter screen shows a duration. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** A cell as printed in Indonesian: 1.234 · 85,7% · 4:07 · — for "not applicable / no data". */
export function cellText(kind: CellKind, value: CellValue): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return COUNT.format(value);
    case 'decimal':
      return DECIMAL.format(value);
    case 'duration':
      return durationText(value);
    case 'share':
      return `${DECIMAL.format(value * 100)}%`;
    case 'text':
      return String(value);
  }
}

/** "25 November 2026", or "1 Januari 2026 – 31 Desember 2026" for a range. */
export function periodText(from: string, to: string): string {
  const date = (day: string) =>
    new Intl.DateTimeFormat('id-ID', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
  return from === to ? date(from) : `${date(from)} – ${date(to)}`;
}

/** "25 November 2026 10.05" in the site's zone. */
export function instantText(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

export function reportFileName(siteId: string, from: string, to: string, extension: string): string {
  return `laporan-${siteId}-${from === to ? from : `${from}_${to}`}.${extension}`;
}
