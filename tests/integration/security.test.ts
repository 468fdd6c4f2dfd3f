import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const AGENCY_PAGE = 'http://intranet.dukcapil.example';

describe('hub security at the edge', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  it('sends security headers on pages and API answers', async () => {
    t = await startTestHub();
    const page = await fetch(`${t.hub.url}/kiosk`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers.get('x-powered-by')).toBeNull();

    // An API answer is never a page: nothing may load from it or frame it.
    const issued = await fetch(`${t.hub.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KIOSK_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'kk' }),
    });
    expect(issued.status).toBe(201);
    expect(issued.headers.get('content-type')).toBe('application/json; charset=utf-8');
    for (const res of [await fetch(`${t.hub.url}/api/health`), issued]) {
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('etag')).toBeNull();
    }
  });

  it('answers cross-origin calls only for the origins the site names, REST and socket alike', async () => {
    t = await startTestHub({ site: demoSite({ allowedOrigins: [AGENCY_PAGE] }) });
    const from = async (origin: string) =>
      (await fetch(`${t.hub.url}/api/health`, { headers: { origin } })).headers.get(
        'access-control-allow-origin',
      );
    expect(await from(AGENCY_PAGE)).toBe(AGENCY_PAGE);
    expect(await from('http://evil.example')).toBeNull();

    const socketFrom = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(t.hub.url, {
          auth: { token: KIOSK_TOKEN },
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: { origin },
        });
        socket.on('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.on('connect_error', () => {
          resolve('refused');
        });
      });
    expect(await socketFrom('http://evil.example')).toBe('refused');
    expect(await socketFrom(AGENCY_PAGE)).toBe('connected');
    expect(await socketFrom(t.hub.url)).toBe('connected');
  });

  it('limits sign-in attempts per address, whatever the usernames', async () => {
    t = await startTestHub({ site: demoSite({ loginsPerMinutePerAddress: 3 }) });
    const attempt = (username: string) => t.api('POST', '/auth/login', { body: { username, pin: '0000' } });
    for (const name of ['a', 'b', 'c']) expect((await attempt(name)).status).toBe(401);
    const fourth = await attempt('d');
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({ error: { code: 'SIGN_IN_RATE_LIMITED' } });
    // It says what it is: sign-in attempts, not tickets, and when to try again.
    const { message } = (fourth.body as { error: { message: { id: string; en: string } } }).error;
    expect(message.en).toMatch(/sign-in/i);
    expect(message.id).toMatch(/masuk/i);
    expect(`${message.id} ${message.en}`).not.toMatch(/tiket|ticket/i);
    expect(fourth.headers.get('retry-after')).toBe('60');
  });

  it('never writes PINs or tokens to its log, even at debug level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startTestHub({ logger: pino({ level: 'debug' }, sink) });
    const login = await t.api<{ token: string }>('POST', '/auth/login', {
      body: { username: 'mod', pin: '1234' },
    });
    await t.api('POST', '/auth/login', { body: { username: 'mod', pin: '98765' } });
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    await t.api('GET', '/compensations', { token: login.body.token });
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [login.body.token, KIOSK_TOKEN, '98765', '"pin"']) expect(log).not.toContain(secret);
  });
});
