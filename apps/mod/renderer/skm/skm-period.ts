/** A period of service days, both included, as `YYYY-MM-DD` labels in the site's zone. */
export interface SkmPeriod {
  readonly from: string;
  readonly to: string;
}

export type SkmPreset = 'month' | 'semester' | 'year';
export const SKM_PRESETS: readonly SkmPreset[] = ['month', 'semester', 'year'];

/** Today in the site's zone, whatever the PC's own zone. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

/**
 * The periods agencies publish the SKM for, up to today: the month, the half-year (semester I January–June,
 * II July–December) and the year.
 */
export function presetPeriod(preset: SkmPreset, today: string): SkmPeriod {
  const year = today.slice(0, 4);
  if (preset === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  if (preset === 'year') return { from: `${year}-01-01`, to: today };
  return { from: today.slice(5, 7) <= '06' ? `${year}-01-01` : `${year}-07-01`, to: today };
}

export interface SkmScopeChoice {
  readonly agencyId: string | null;
  readonly serviceId: string | null;
}

export function skmQuery(period: SkmPeriod, scope: SkmScopeChoice, format?: 'xlsx' | 'pdf'): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (scope.serviceId !== null) params.set('serviceId', scope.serviceId);
  else if (scope.agencyId !== null) params.set('agencyId', scope.agencyId);
  if (format !== undefined) params.set('format', format);
  return params.toString();
}
