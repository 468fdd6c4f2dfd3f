import { describe, expect, it } from 'vitest';
import { OFFLINE_AFTER_MS, siteStatus } from './site-views.ts';

const NOW = Date.parse('2026-03-09T04:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms);

function site(overrides: Partial<Parameters<typeof siteStatus>[0]> = {}): Parameters<typeof siteStatus>[0] {
  return {
    id: 'mpp-a',
    kind: 'hall',
    name: 'MPP A',
    region: 'Kalbar',
    disabled_at: null,
    last_seq: '100',
    last_event_at: ago(30_000),
    last_contact_at: ago(5_000),
    hub_head: '100',
    hub_head_at: ago(30_000),
    service_day: '2026-03-09',
    ...overrides,
  };
}

describe('the status light of a site', () => {
  it('in sync when central holds what the hub has and it was heard lately', () => {
    expect(siteStatus(site(), NOW)).toEqual({ status: 'in_sync', behindMinutes: 0 });
  });

  it('behind by the hub-time distance between its newest event and central’s, in minutes', () => {
    const behind = site({ last_seq: '60', last_event_at: ago(10 * 60_000), hub_head_at: ago(30_000) });
    expect(siteStatus(behind, NOW)).toEqual({ status: 'behind', behindMinutes: 9.5 });
  });

  it('a few events in flight within a minute of the hub still count as in sync', () => {
    expect(siteStatus(site({ last_seq: '98', last_event_at: ago(40_000) }), NOW).status).toBe('in_sync');
  });

  it('offline when not heard for longer than the limit, or never', () => {
    expect(siteStatus(site({ last_contact_at: ago(OFFLINE_AFTER_MS + 1) }), NOW).status).toBe('offline');
    expect(siteStatus(site({ last_contact_at: null }), NOW).status).toBe('offline');
  });

  it('a hub clock minutes ahead of central changes nothing: lag is measured on the hub’s own clock', () => {
    const ahead = site({
      last_event_at: new Date(NOW + 5 * 60_000),
      hub_head_at: new Date(NOW + 5 * 60_000),
    });
    expect(siteStatus(ahead, NOW)).toEqual({ status: 'in_sync', behindMinutes: 0 });
  });
});
