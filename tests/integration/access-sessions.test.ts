import { IssuedTicket } from '@giliran/protocol';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { codedError } from '../support/access-world.ts';
import {
  command,
  demoSite,
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  startTestHub,
  type ClientSocket,
  type TestHub,
} from '../support/hub-harness.ts';
import { routeInventory } from '../support/route-inventory.ts';

// What the other suites do not already show (they do show: PIN lockout and its window in rest-api.test.ts, the
// login rate limit in security.test.ts, the kiosk limit over REST in printing.test.ts, a socket's next command
// after expiry in printing.test.ts, 413 on a few routes and the socket's 16 KB drop in bad-input.test.ts, sessions
// ended by a PIN reset or a disabled account in settings-accounts.test.ts).

const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const HOUR = 3_600_000;
const SESSION = 12 * HOUR;

/** Resolves with the reason the hub closed the socket; fails when it stays open for 3 seconds. */
function closed(socket: ClientSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected) resolve('already');
    const timer = setTimeout(() => {
      reject(new Error('the socket is still open'));
    }, 3000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Whether a handshake with this token is refused, with the catalogue's coded error. */
function handshake(url: string, token: string): Promise<'connected' | 'UNAUTHENTICATED'> {
  return new Promise((resolve, reject) => {
    const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.disconnect();
      if (error.data?.code === 'UNAUTHENTICATED') resolve('UNAUTHENTICATED');
      else reject(error);
    });
  });
}

/** Counts the staff broadcasts one socket hears. */
function listen(socket: ClientSocket): { issued: number } {
  const heard = { issued: 0 };
  socket.on('ticket:issued', () => {
    heard.issued += 1;
  });
  return heard;
}

describe('sessions end on time and at sign-out, over REST and Socket.IO', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  it('a session token works until 12 hours after sign-in, and not a millisecond longer', async () => {
    const clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({ clock });
    const token = await t.login('loket1');
    clock.advance(SESSION - 1);
    expect((await t.api('GET', '/counters', { token })).status).toBe(200);
    clock.advance(1);
    for (const [method, path] of [
      ['GET', '/counters'],
      ['POST', '/counters/loket-1/call-next'],
      ['POST', '/auth/logout'],
    ] as const) {
      const res = await t.api(method, path, { token });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(codedError(res.status, res.body)).toBe('UNAUTHENTICATED');
    }
    // Device tokens are not sessions: a kiosk and a display keep working the next day.
    expect((await t.api('GET', '/services', { token: KIOSK_TOKEN })).status).toBe(200);
    expect((await t.api('GET', '/counters', { token: DISPLAY_TOKEN })).status).toBe(200);
  });

  it('an expired session’s socket hears nothing more, gets no snapshot, acts no more and cannot reconnect', async () => {
    const clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({ clock });
    const token = await t.login('mod');
    const socket = await t.socket(token);
    const heard = listen(socket);
    clock.advance(HOUR);
    const staff = await t.socket(await t.login('fo')); // signed in an hour later: still valid at MOD's expiry
    const staffHeard = listen(staff);
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    await expect.poll(() => heard.issued).toBe(1);

    clock.advance(SESSION - HOUR);
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    await expect.poll(() => staffHeard.issued).toBe(2);
    expect(heard.issued).toBe(1);

    const snapshot = await command<{ ok: boolean; error?: unknown }>(socket, 'sync:snapshot', {});
    expect(snapshot.ok).toBe(false);
    expect(codedError(401, { error: snapshot.error })).toBe('UNAUTHENTICATED');
    await closed(socket);
    expect(await handshake(t.hub.url, token)).toBe('UNAUTHENTICATED');
  });

  it('signing out closes that session’s sockets at once, and only that session’s', async () => {
    t = await startTestHub();
    const token = await t.login('loket1');
    const socket = await t.socket(token);
    const heard = listen(socket);
    const otherSession = await t.login('loket1');
    const otherSocket = await t.socket(otherSession);
    const otherHeard = listen(otherSocket);

    const gone = closed(socket);
    expect((await t.api('POST', '/auth/logout', { token })).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } });
    await expect.poll(() => otherHeard.issued).toBe(1);
    expect(heard.issued).toBe(0);
    expect(otherSocket.connected).toBe(true);

    expect(await handshake(t.hub.url, token)).toBe('UNAUTHENTICATED');
    const rest = await t.api('POST', '/counters/loket-1/call-next', { token });
    expect(codedError(rest.status, rest.body)).toBe('UNAUTHENTICATED');
    // The other session of the same officer works on, over REST and its socket.
    expect((await t.api('POST', '/counters/loket-1/call-next', { token: otherSession })).status).toBe(200);
    expect(await command(otherSocket, 'counter:recall', { counterId: 'loket-1' })).toMatchObject({
      ok: true,
    });
  });
});

describe('limits', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  it('every route that takes a body refuses one over 16 KB with 413 PAYLOAD_TOO_LARGE, token or not', async () => {
    t = await startTestHub();
    const mod = await t.login('mod');
    const routes = routeInventory(t.hub.app).filter((r) => r.method === 'POST' || r.method === 'PUT');
    expect(routes.length).toBeGreaterThan(30);
    const big = JSON.stringify({ text: 'x'.repeat(17 * 1024) });
    for (const route of routes) {
      const path = route.path.replace(/^\/api/, '').replace(/:(\w+)/g, 'x1');
      for (const token of [undefined, mod]) {
        const res = await t.api(route.method, path, { body: big, ...(token ? { token } : {}) });
        expect(res.status, `${route.method} ${route.path}`).toBe(413);
        expect(codedError(res.status, res.body)).toBe('PAYLOAD_TOO_LARGE');
      }
    }
    // Just under the limit is read, and judged on what it says.
    const under = JSON.stringify({ serviceId: 'ktp-el', pad: 'x'.repeat(16 * 1024 - 40) });
    expect(Buffer.byteLength(under)).toBeLessThan(16 * 1024);
    const res = await t.api('POST', '/tickets', { token: mod, body: under });
    expect(codedError(res.status, res.body)).toBe('VALIDATION_FAILED');
    expect((await t.api('GET', '/health')).status).toBe(200);
  });

  it('a kiosk’s ticket budget is one for REST and Socket.IO together, refused tickets take no number', async () => {
    const clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({ clock, site: demoSite({ kioskMaxTicketsPerMinute: 10 }) });
    const kiosk = await t.socket(KIOSK_TOKEN);
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
      numbers.push(IssuedTicket.parse(res.body).number);
    }
    for (let i = 0; i < 5; i++) {
      const ack = await command<{ ok: boolean; data?: unknown }>(kiosk, 'ticket:issue', { serviceId: 'kk' });
      numbers.push(IssuedTicket.parse(ack.data).number);
    }
    const overSocket = await command<{ ok: boolean; error?: unknown }>(kiosk, 'ticket:issue', {
      serviceId: 'kk',
    });
    expect(overSocket.ok).toBe(false);
    expect(codedError(429, { error: overSocket.error })).toBe('RATE_LIMITED');
    const overRest = await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    expect(codedError(overRest.status, overRest.body)).toBe('RATE_LIMITED');

    clock.advance(60_000);
    const next = await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    numbers.push(IssuedTicket.parse(next.body).number);
    expect(numbers).toEqual(Array.from({ length: 11 }, (_, i) => `B${String(i + 1).padStart(3, '0')}`));
  });
});
