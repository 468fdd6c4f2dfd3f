import type { SkmReportView } from '@giliran/protocol';

// How the SKM report prints numbers and dates: Indonesian, as agencies publish it (87,28 · 1 Januari 2026).

const formats = new Map<number, Intl.NumberFormat>();

/** 3,49 for `decimal(3.4911, 2)`; — when there is nothing to show. */
export function decimal(value: number | null, digits: number): string {
  if (value === null) return '—';
  let format = formats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, format);
  }
  return format.format(value);
}

export function count(value: number): string {
  return decimal(value, 0);
}

function dateText(day: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** "1 Januari 2026 – 30 Juni 2026", or one date for a single day. */
export function periodText(from: string, to: string): string {
  return from === to ? dateText(from) : `${dateText(from)} – ${dateText(to)}`;
}

export function generatedText(view: SkmReportView): string {
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: view.site.timeZone,
  }).format(new Date(view.generatedAt));
}

export function scopeText(view: SkmReportView): string {
  if (view.scope.kind === 'site') return 'Cakupan: seluruh instansi dan layanan';
  return `${view.scope.kind === 'service' ? 'Layanan' : 'Instansi'}: ${view.scope.name.id}`;
}

/** The bands as every published report recalls them under the table. */
export const BAND_LEGEND =
  'Mutu pelayanan (nilai konversi): A Sangat Baik 88,31–100,00 · B Baik 76,61–88,30 · C Kurang Baik 65,00–76,60 · ' +
  'D Tidak Baik 25,00–64,99. Bobot setiap unsur tepat 1/9; pembulatan hanya pada hasil akhir.';

export function skmFileName(view: SkmReportView, extension: string): string {
  const scope = view.scope.id === null ? view.site.id : view.scope.id;
  const period = view.from === view.to ? view.from : `${view.from}_${view.to}`;
  return `skm-${scope}-${period}.${extension}`;
}
