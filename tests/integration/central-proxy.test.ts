import { SyncAck, type SyncEvent } from '@giliran/protocol';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertAccount } from '../../apps/central/src/index.ts';
import { migrate } from '../../apps/central/src/db/migrate.ts';
import { CENTRAL_ADMIN, callJson, freshCentralDatabase } from '../support/central-harness.ts';
import { spawnCentral, type CentralProcess } from '../support/central-process.ts';
import { freePort } from '../support/free-port.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';
import { startProxy, type TestProxy } from '../support/sticky-proxy.ts';

const DAY = '2026-03-09';

/** `n` tickets issued at a hall from sequence `first`: what a hub pushes. */
function issued(n: number, first: number): SyncEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(Date.parse(`${DAY}T01:00:00.000Z`) + (first + i) * 60_000).toISOString();
    return {
      seq: first + i,
      type: 'ticket:issued',
      serviceDay: DAY,
      at,
      payload: {
        type: 'ticket:issued',
        ticketId: `t-${first + i}`,
        code: `C${first + i}`,
        serviceId: 'ktp-el',
        serviceDay: DAY,
        seq: first + i,
        number: `A${first + i}`,
        priority: null,
        channel: 'kiosk',
        issuedAt: at,
        by: 'device:kiosk-1',
      },
    };
  });
}

/**
 * Two central processes (`npm run central`, each its own Node process) on one database, behind a reverse proxy as
 * the README deploys them: a /pusat dashboard connected through the proxy hears what a hub pushed to the other
 * process, over long polling too, which needs the proxy to be sticky.
 */
describe('two central processes behind a sticky reverse proxy', { timeout: 120_000 }, () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;
  const processes: { port: number; central: CentralProcess }[] = [];
  let proxy: TestProxy;
  let token: string;
  let site: { id: string; key: string };
  let pushed = 0;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    cluster = await startPostgres();
    databaseUrl = await freshCentralDatabase(cluster);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    await migrate(pool);
    await upsertAccount(pool, { ...CENTRAL_ADMIN, name: 'Admin Wilayah', role: 'regional_admin' });
    await pool.end();
    const ports = [await freePort(), await freePort()];
    const started = await Promise.all(ports.map((port) => spawnCentral(databaseUrl, port)));
    started.forEach((central, i) => processes.push({ port: ports[i] ?? 0, central }));
    proxy = await startProxy(ports, true);
    const login = await callJson<{ token: string }>(proxy.url, 'POST', '/auth/login', {
      body: CENTRAL_ADMIN,
    });
    token = login.body.token;
    const enrolled = await callJson<{ id: string; key: string }>(proxy.url, 'POST', '/central/sites', {
      token,
      body: { id: 'mpp-sintang', kind: 'hall', name: 'MPP Sintang', region: 'Kalimantan Barat' },
    });
    site = enrolled.body;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await proxy.close();
    await Promise.all(processes.map(({ central }) => central.kill9()));
    await cluster.stop();
  });

  /** The process the proxy sends this test's requests to, and the other one. */
  async function pinnedAndOther(): Promise<{ pinned: number; other: number }> {
    const res = await fetch(`${proxy.url}/api/health`);
    const pinned = Number(res.headers.get('x-upstream'));
    const other = processes.find((p) => p.port !== pinned)?.port ?? 0;
    expect(other).not.toBe(0);
    return { pinned, other };
  }

  async function dashboard(url: string, transports: ('polling' | 'websocket')[]): Promise<Socket> {
    const socket = connect(url, { auth: { token }, transports, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** A hub's batch of `n` new tickets, pushed straight to the process on `port`. */
  async function push(port: number, n: number): Promise<number> {
    const events = issued(n, pushed + 1);
    const res = await callJson(`http://127.0.0.1:${port}`, 'POST', '/central/sync', {
      token: site.key,
      body: { siteId: site.id, after: pushed, head: pushed + n, headAt: events.at(-1)?.at, events },
    });
    expect(res.status).toBe(200);
    pushed = SyncAck.parse(res.body).ackedSeq;
    return pushed;
  }

  function heard(socket: Socket, ackedSeq: number): Promise<void> {
    return new Promise((resolve) => {
      const listener = (message: { siteId: string; ackedSeq: number }) => {
        if (message.siteId !== site.id || message.ackedSeq !== ackedSeq) return;
        socket.off('site:synced', listener);
        resolve();
      };
      socket.on('site:synced', listener);
    });
  }

  it('a dashboard on long polling through the proxy hears a batch the other process stored', async () => {
    const { other } = await pinnedAndOther();
    const socket = await dashboard(proxy.url, ['polling']);
    expect(socket.io.engine.transport.name).toBe('polling');
    // Several round trips of polling, each of which must reach the process that holds the session.
    for (let round = 0; round < 3; round++) {
      const seq = pushed + 2;
      const arrived = heard(socket, seq);
      await push(other, 2);
      await arrived;
    }
    expect(socket.connected).toBe(true);
  });

  it('a dashboard that upgrades to WebSocket through the proxy hears it too', async () => {
    const { other } = await pinnedAndOther();
    const socket = await dashboard(proxy.url, ['polling', 'websocket']);
    await new Promise<void>((resolve) => {
      if (socket.io.engine.transport.name === 'websocket') resolve();
      else
        socket.io.engine.once('upgrade', () => {
          resolve();
        });
    });
    const arrived = heard(socket, pushed + 3);
    await push(other, 3);
    await arrived;
  });

  it('without stickiness, long polling breaks: the session lives in one process only', async () => {
    const roundRobin = await startProxy(
      processes.map((p) => p.port),
      false,
    );
    try {
      await expect(dashboard(roundRobin.url, ['polling'])).rejects.toThrow();
    } finally {
      await roundRobin.close();
    }
  });

  it('the database drops every connection: both processes live on, and the dashboard hears the next batch', async () => {
    const { other } = await pinnedAndOther();
    const socket = await dashboard(proxy.url, ['polling']);
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [databaseUrl.split('/').at(-1)],
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(processes.map(({ central }) => central.child.exitCode)).toEqual([null, null]);
    // The adapter listens again within about 3 s; a batch stored before that is not announced, so push until heard.
    const state = { announced: false };
    socket.once('site:synced', () => {
      state.announced = true;
    });
    for (let attempt = 0; attempt < 40 && !state.announced; attempt++) {
      await push(other, 1).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(state.announced).toBe(true);
  });
});
