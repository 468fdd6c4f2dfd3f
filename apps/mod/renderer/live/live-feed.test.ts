import type { HubClient } from '@giliran/ui';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveDelta, LiveSnapshot, TimingView } from '../wire.ts';
import { LiveFeed } from './live-feed.ts';

const DAY = '2026-11-25';
const NOW = '2026-11-25T02:00:00.000Z';

function row(id: string, phase: TimingView['phase'] = 'waiting'): TimingView {
  return {
    ticketId: id,
    number: id.toUpperCase(),
    serviceId: 'ktp-el',
    counterId: phase === 'waiting' ? null : 'loket-1',
    phase,
    step: phase === 'serving' ? 4 : null,
    since: NOW,
    elapsedSeconds: 0,
    standardSeconds: 300,
    status: 'ok',
    compensationDueAt: null,
  };
}

const MIDNIGHT = '2026-11-25T17:00:00.000Z'; // 00:00 WIB on the 26th

function snapshot(lastEventId: number, rows: TimingView[], serviceDay = DAY): LiveSnapshot {
  const dayEndsAt = serviceDay === DAY ? MIDNIGHT : '2026-11-26T17:00:00.000Z';
  return { lastEventId, serviceDay, dayEndsAt, now: NOW, timings: rows, counters: [], services: [] };
}

function delta(afterEventId: number, lastEventId: number, change: Partial<LiveDelta> = {}): LiveDelta {
  return {
    afterEventId,
    lastEventId,
    serviceDay: DAY,
    now: NOW,
    timings: [],
    removed: [],
    counters: [],
    services: [],
    ...change,
  };
}

/** The edge of the page: a socket that the test drives and a hub that answers the snapshots it is given. */
class FakeHub {
  readonly snapshots: LiveSnapshot[] = [];
  readonly asked: string[] = [];
  private readonly handlers = new Map<string, ((payload: unknown) => void)[]>();
  readonly socket = {
    connected: true,
    on: (name: string, handler: (payload: unknown) => void) => {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    },
  };

  get(path: string): Promise<unknown> {
    this.asked.push(path);
    if (path === '/api/live') {
      const next = this.snapshots.shift();
      return next ? Promise.resolve(next) : Promise.reject(new Error('no snapshot'));
    }
    return Promise.resolve([]);
  }

  send(name: string, payload: unknown): void {
    for (const handler of this.handlers.get(name) ?? []) handler(payload);
  }

  asClient(): HubClient {
    return this as unknown as HubClient;
  }
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
const ids = (feed: LiveFeed) => feed.current.timings.map((t) => t.ticketId).sort();

describe('the MOD live feed keeps its table from deltas', () => {
  let hub: FakeHub;
  let feed: LiveFeed;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] });
    hub = new FakeHub();
  });
  afterEach(() => {
    feed.close();
    vi.useRealTimers();
  });

  it('applies each delta that follows on from its snapshot, and skips one it already has', async () => {
    hub.snapshots.push(snapshot(10, [row('a'), row('b')]));
    feed = new LiveFeed(hub.asClient());
    await settle();
    expect(ids(feed)).toEqual(['a', 'b']);

    hub.send('live:delta', delta(10, 12, { timings: [row('c'), row('b', 'called')], removed: ['a'] }));
    expect(ids(feed)).toEqual(['b', 'c']);
    expect(feed.current.timings.find((t) => t.ticketId === 'b')?.phase).toBe('called');

    // Already in the table (e.g. sent while the snapshot was being taken): nothing changes.
    hub.send('live:delta', delta(9, 10, { removed: ['b'] }));
    expect(ids(feed)).toEqual(['b', 'c']);
    expect(hub.asked.filter((p) => p === '/api/live')).toHaveLength(1);
  });

  it('takes a new snapshot when a delta is missing, then applies what came meanwhile', async () => {
    hub.snapshots.push(snapshot(10, [row('a')]));
    feed = new LiveFeed(hub.asClient());
    await settle();

    // 11–12 never arrived: the rows may be stale, so the page asks again.
    hub.snapshots.push(snapshot(13, [row('a'), row('b')]));
    hub.send('live:delta', delta(12, 13, { timings: [row('b')] }));
    hub.send('live:delta', delta(13, 14, { timings: [row('c')] }));
    await settle();
    expect(hub.asked.filter((p) => p === '/api/live')).toHaveLength(2);
    expect(ids(feed)).toEqual(['a', 'b', 'c']);
  });

  it('starts afresh when the day rolls over', async () => {
    hub.snapshots.push(snapshot(10, [row('a')]));
    feed = new LiveFeed(hub.asClient());
    await settle();

    hub.snapshots.push(snapshot(11, [row('x')], '2026-11-26'));
    hub.send('live:delta', delta(10, 11, { serviceDay: '2026-11-26', timings: [row('x')] }));
    await settle();
    expect(feed.current.serviceDay).toBe('2026-11-26');
    expect(ids(feed)).toEqual(['x']);
  });

  it('takes a new snapshot at local midnight although no event comes overnight', async () => {
    vi.setSystemTime(Date.parse(MIDNIGHT) - 10_000);
    hub.snapshots.push({
      ...snapshot(10, [row('a')]),
      now: new Date(Date.parse(MIDNIGHT) - 10_000).toISOString(),
    });
    feed = new LiveFeed(hub.asClient());
    await settle();
    expect(ids(feed)).toEqual(['a']);

    // The hub closes yesterday's queue at midnight: its snapshot then is the new, empty day.
    hub.snapshots.push(snapshot(10, [], '2026-11-26'));
    await vi.advanceTimersByTimeAsync(9000);
    expect(hub.asked.filter((p) => p === '/api/live')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(hub.asked.filter((p) => p === '/api/live')).toHaveLength(2);
    expect(feed.current.serviceDay).toBe('2026-11-26');
    expect(ids(feed)).toEqual([]);

    // Once: the new snapshot's own midnight is a day away.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(hub.asked.filter((p) => p === '/api/live')).toHaveLength(2);
  });

  it('tries the snapshot again when it fails while still connected', async () => {
    feed = new LiveFeed(hub.asClient());
    await settle();
    expect(ids(feed)).toEqual([]);

    hub.snapshots.push(snapshot(5, [row('a')]));
    await vi.advanceTimersByTimeAsync(3000);
    await settle();
    expect(ids(feed)).toEqual(['a']);
  });

  it('stops trying once closed, and a reconnect does not start a second round of tries', async () => {
    feed = new LiveFeed(hub.asClient());
    await settle();
    const asked = () => hub.asked.filter((p) => p === '/api/live').length;
    expect(asked()).toBe(1);

    // The socket comes back while a retry waits: it asks at once, and the waiting retry is dropped.
    hub.send('connect', undefined);
    await settle();
    expect(asked()).toBe(2);
    await vi.advanceTimersByTimeAsync(3000);
    await settle();
    expect(asked()).toBe(3);

    // The page left the live tab: no more snapshots are asked for.
    feed.close();
    await vi.advanceTimersByTimeAsync(10_000);
    await settle();
    expect(asked()).toBe(3);
  });
});
