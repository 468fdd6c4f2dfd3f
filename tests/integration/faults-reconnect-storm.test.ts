import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ack, Snapshot } from '@giliran/protocol';
import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { fromSnapshot } from '../../apps/counter/renderer/desk-state.ts';
import { freePort } from '../support/free-port.ts';
import { HubSupervisor } from '../support/faults-hub-supervisor.ts';
import { SyncedClient } from '../support/faults-synced-client.ts';
import { sleep, waitUntil } from '../support/faults-util.ts';
import { DEMO_SITE_PATH, DISPLAY_TOKEN, KIOSK_TOKEN } from '../support/hub-harness.ts';

// 200 screens (the shared HubClient: reconnectionDelay 500 ms, at most 10 s, randomizationFactor 0.5) connected to
// a hub that is killed and comes back after a few seconds, as after a crash and a service restart. All of them
// must come back and resync by themselves, and not as a herd: their reconnections must be spread over seconds,
// not land in the same instant the hub is back.

const CLIENTS = 200;
const KIOSKS = 20;
const DOWNTIME_MS = 3000;
const WINDOW_MS = 100;
/** Backoff caps at 10 s; with the connection itself, every screen must be back well within this. */
const BACK_WITHIN_MS = 15_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

/** The most reconnections that fall within any window of `width` ms. */
function busiestWindow(sorted: readonly number[], width: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= width) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function deviceSnapshot(url: string): Promise<Snapshot> {
  const socket = connect(url, {
    auth: { token: DISPLAY_TOKEN },
    transports: ['websocket'],
    reconnection: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(10_000).emitWithAck('sync:snapshot', {})) as Ack<Snapshot>;
    if (!ack.ok) throw new Error(ack.error.code);
    return ack.data;
  } finally {
    socket.close();
  }
}

describe('a hub restart with 200 screens connected', () => {
  it('brings every screen back and resynced, with reconnections spread by backoff and jitter', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'giliran-storm-'));
    const siteFile = join(workDir, 'site.json');
    const demo = JSON.parse(readFileSync(DEMO_SITE_PATH, 'utf8')) as Record<string, unknown>;
    writeFileSync(siteFile, JSON.stringify({ ...demo, kioskMaxTicketsPerMinute: 10_000 }));
    const hub = new HubSupervisor({
      dataDir: join(workDir, 'data'),
      siteFile,
      port: await freePort(),
      standbys: 1,
    });
    const screens: SyncedClient[] = [];
    try {
      await hub.start();
      for (let i = 0; i < CLIENTS; i++) {
        const kiosk = i < KIOSKS;
        screens.push(
          new SyncedClient(kiosk ? `kiosk${i}` : `display${i}`, hub.url, kiosk ? KIOSK_TOKEN : DISPLAY_TOKEN),
        );
      }
      await waitUntil(
        () => screens.every((s) => s.synced),
        30_000,
        () => `${screens.filter((s) => !s.synced).length} screens not connected at start`,
      );
      // Some queue for the screens to show and to miss.
      for (const serviceId of ['ktp-el', 'kk', 'stnk', 'ktp-el']) {
        const ack = await screens[0]?.hub.command('ticket:issue', { serviceId });
        expect(ack?.number).toMatch(/^[A-Z]\d{3}$/);
      }
      await hub.standbyReady();

      const before = screens.map((s) => s.connectedAt.length);
      const killedAt = performance.now();
      await hub.kill();
      await waitUntil(
        () => screens.every((s) => !s.online),
        10_000,
        () => 'screens did not notice the hub was gone',
      );
      await sleep(DOWNTIME_MS);
      await hub.start();
      const upAt = performance.now();
      // While the screens come back, the hub's state moves on: each must end up with it all the same.
      for (const serviceId of ['kk', 'stnk']) {
        const res = await fetch(`${hub.url}/api/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KIOSK_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId }),
        });
        expect(res.status).toBe(201);
      }
      await waitUntil(
        () => screens.every((s, i) => s.connectedAt.length > (before[i] ?? 0) && s.synced),
        BACK_WITHIN_MS + 5000,
        () => `${screens.filter((s) => !s.synced).length} screens not back`,
      );
      const snapshot = await deviceSnapshot(hub.url);
      await waitUntil(
        () => screens.every((s) => s.desk.lastEventId === snapshot.lastEventId),
        5000,
        () => 'screens behind the hub',
      );
      expect(snapshot.tickets).toHaveLength(6);
      const expected = fromSnapshot(snapshot);
      for (const s of screens) expect(s.desk, s.label).toEqual(expected);

      // ---- the spread ----
      const back = screens
        .map((s, i) => (s.connectedAt[before[i] ?? 0] ?? Number.NaN) - upAt)
        .sort((a, b) => a - b);
      const first = back[0] ?? Number.NaN;
      const last = back.at(-1) ?? Number.NaN;
      const p10 = percentile(back, 0.1);
      const p90 = percentile(back, 0.9);
      const busiest = busiestWindow(back, WINDOW_MS);
      const histogram = new Map<number, number>();
      for (const ms of back)
        histogram.set(Math.floor(ms / 1000), (histogram.get(Math.floor(ms / 1000)) ?? 0) + 1);
      console.log(
        `hub down ${Math.round(upAt - killedAt)} ms; ${CLIENTS} screens back after the hub was up: first ${Math.round(first)} ms, ` +
          `p10 ${Math.round(p10)}, median ${Math.round(percentile(back, 0.5))}, p90 ${Math.round(p90)}, last ${Math.round(last)} ms; ` +
          `busiest ${WINDOW_MS} ms window ${busiest}; per second: ` +
          [...histogram].map(([s, n]) => `${s}s:${n}`).join(' '),
      );
      expect(back.every(Number.isFinite)).toBe(true);
      expect(last, 'every screen back within the backoff cap').toBeLessThan(BACK_WITHIN_MS);
      // Not a herd: no instant takes more than a fifth of the screens, and the bulk is spread over seconds.
      expect(busiest).toBeLessThanOrEqual(CLIENTS / 5);
      expect(back.filter((ms) => ms < WINDOW_MS).length).toBeLessThan(CLIENTS / 5);
      expect(p90 - p10).toBeGreaterThanOrEqual(1500);
      expect(screens.flatMap((s) => s.errors)).toEqual([]);
    } finally {
      for (const s of screens) s.close();
      await hub.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 90_000);
});
