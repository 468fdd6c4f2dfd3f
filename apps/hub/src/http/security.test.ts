import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_POLICY, securityHeaders } from './security.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function headersFrom(listener: RequestListener, path: string): Promise<Headers> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  const res = await fetch(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}${path}`);
  return res.headers;
}

function securityOnly(headers: Headers): Record<string, string> {
  const transport = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  return Object.fromEntries([...headers].filter(([name]) => !transport.has(name)));
}

describe('securityHeaders', () => {
  it('gives pages exactly the headers helmet itself would set', async () => {
    // The hub turns Express's own X-Powered-By off (hub.ts); helmet would remove it, a fixed set cannot.
    const ours = express().disable('x-powered-by').use(securityHeaders());
    // The same policy run by helmet on every request, as before the headers were computed once.
    const direct = express().disable('x-powered-by').use(helmet(PAGE_POLICY));
    for (const app of [ours, direct]) app.use((_req, res) => res.status(200).end());
    const fromOurs = securityOnly(await headersFrom(ours, '/kiosk'));
    expect(fromOurs).toEqual(securityOnly(await headersFrom(direct, '/kiosk')));
    expect(fromOurs['content-security-policy']).toContain("script-src 'self'");
  });

  it('gives API answers the short set for data that is never a page', async () => {
    const app = express().disable('x-powered-by').use(securityHeaders());
    app.use((_req, res) => res.status(200).end());
    expect(securityOnly(await headersFrom(app, '/api/services'))).toEqual({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
  });
});
