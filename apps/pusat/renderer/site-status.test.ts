import { describe, expect, it } from 'vitest';
import { attentionOrder, statusLine } from './site-status.ts';
import type { CentralSiteView } from './wire.ts';

const site = (over: Partial<CentralSiteView>): CentralSiteView => ({
  id: 'mpp-a',
  kind: 'hall',
  name: 'MPP A',
  region: 'Kalbar',
  disabled: false,
  lastSeq: 10,
  lastEventAt: '2026-03-02T02:00:00Z',
  lastContactAt: '2026-03-02T02:00:05Z',
  behindEvents: 0,
  behindMinutes: 0,
  status: 'in_sync',
  serviceDay: '2026-03-02',
  today: null,
  ...over,
});

describe('a site’s status light on /pusat', () => {
  it('green in sync, amber behind by whole minutes (at least one), red offline or never, grey disabled', () => {
    expect(statusLine(site({}))).toEqual({ light: 'green', key: 'status_in_sync' });
    expect(statusLine(site({ status: 'behind', behindMinutes: 7.4 }))).toMatchObject({
      light: 'amber',
      minutes: 7,
    });
    expect(statusLine(site({ status: 'behind', behindMinutes: 0.2 }))).toMatchObject({ minutes: 1 });
    expect(statusLine(site({ status: 'offline' }))).toEqual({
      light: 'red',
      key: 'status_offline',
      since: '2026-03-02T02:00:05Z',
    });
    expect(statusLine(site({ status: 'offline', lastContactAt: null })).key).toBe('status_never');
    expect(statusLine(site({ disabled: true, status: 'offline' })).light).toBe('grey');
  });

  it('lists the sites that need attention first', () => {
    const sorted = [
      site({ id: 'a', name: 'B hall' }),
      site({ id: 'b', name: 'Z hall', status: 'offline' }),
      site({ id: 'c', name: 'A hall', status: 'behind' }),
      site({ id: 'd', name: 'C hall', disabled: true }),
    ].sort(attentionOrder);
    expect(sorted.map((s) => s.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});
