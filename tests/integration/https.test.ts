import { mkdtempSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../apps/hub/src/index.ts';
import { demoSite, KIOSK_TOKEN } from '../support/hub-harness.ts';
import { makeSelfSigned } from '../support/self-signed.ts';

/** GET over HTTPS trusting only `ca`; resolves with the status, rejects on a TLS refusal. */
function httpsGet(url: string, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', ...(ca ? { ca } : {}) }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The hall network: the hub serves HTTPS with the hall's own certificate; the demo stays on plain HTTP. */
describe('HTTPS on the hall network', () => {
  let hub: Hub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it('serves the API and the socket over TLS with the site file’s certificate, and no plain HTTP', async () => {
    const cert = makeSelfSigned();
    hub = await createHub({
      dataDir: mkdtempSync(join(tmpdir(), 'giliran-https-')),
      site: demoSite({ https: { certFile: cert.certFile, keyFile: cert.keyFile } }),
      logger: pino({ level: 'silent' }),
    });
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await httpsGet(`${hub.url}/api/health`, cert.cert)).toBe(200);
    // A client that does not trust the hall's certificate is refused by TLS itself.
    await expect(httpsGet(`${hub.url}/api/health`)).rejects.toThrow(/self-signed|self signed/);
    // Plain HTTP to the same port gets no API answer.
    const plain = await new Promise<string>((resolve) => {
      httpGet(`${hub?.url.replace('https', 'http') ?? ''}/api/health`, (res) => {
        resolve(String(res.statusCode));
      }).on('error', (error) => {
        resolve(error.message);
      });
    });
    expect(plain).not.toBe('200');

    const socket = connect(hub.url, {
      auth: { token: KIOSK_TOKEN },
      transports: ['websocket'],
      ca: cert.cert,
    });
    try {
      const hello = await new Promise<{ role: string }>((resolve, reject) => {
        socket.once('hub:hello', resolve);
        socket.once('connect_error', reject);
      });
      expect(hello.role).toBe('kiosk');
    } finally {
      socket.disconnect();
    }
  });

  it('takes the certificate from the options (HTTPS_CERT_FILE / HTTPS_KEY_FILE) too', async () => {
    const cert = makeSelfSigned();
    hub = await createHub({
      dataDir: mkdtempSync(join(tmpdir(), 'giliran-https-')),
      site: demoSite(),
      logger: pino({ level: 'silent' }),
      tls: { cert: cert.cert, key: cert.key },
    });
    expect(await httpsGet(`${hub.url}/api/health`, cert.cert)).toBe(200);
  });

  it('the demo stays on plain HTTP', async () => {
    hub = await createHub({
      dataDir: mkdtempSync(join(tmpdir(), 'giliran-https-')),
      site: demoSite(),
      logger: pino({ level: 'silent' }),
    });
    expect(hub.url).toMatch(/^http:\/\//);
    expect((await fetch(`${hub.url}/api/health`)).status).toBe(200);
  });
});
