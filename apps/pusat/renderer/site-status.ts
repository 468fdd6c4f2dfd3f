import type { CentralSiteView } from './wire.ts';

export type Light = 'green' | 'amber' | 'red' | 'grey';

export interface StatusLine {
  readonly light: Light;
  /** The text key and its values, translated by the page. */
  readonly key: 'status_in_sync' | 'status_behind' | 'status_offline' | 'status_never' | 'status_disabled';
  readonly minutes?: number;
  readonly since?: string;
}

/**
 * A site's light as the region reads it: green in sync, amber behind by N minutes (the hub has events central
 * does not), red offline since its last contact, grey when disabled. Central decides the status (its clock);
 * the page only words it.
 */
export function statusLine(site: CentralSiteView): StatusLine {
  if (site.disabled) return { light: 'grey', key: 'status_disabled' };
  if (site.status === 'offline')
    return site.lastContactAt === null
      ? { light: 'red', key: 'status_never' }
      : { light: 'red', key: 'status_offline', since: site.lastContactAt };
  if (site.status === 'behind')
    return { light: 'amber', key: 'status_behind', minutes: Math.max(1, Math.round(site.behindMinutes)) };
  return { light: 'green', key: 'status_in_sync' };
}

/** Offline and behind sites first (they need someone's attention), then by name. */
export function attentionOrder(a: CentralSiteView, b: CentralSiteView): number {
  const rank = (s: CentralSiteView) =>
    s.disabled ? 3 : s.status === 'offline' ? 0 : s.status === 'behind' ? 1 : 2;
  return rank(a) - rank(b) || a.name.localeCompare(b.name, 'id');
}
