import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino, type Level } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { HubError } from '../hub-error.ts';
import { errorHandler } from './error-handler.ts';
import { requestLog } from './request-log.ts';

interface Line {
  level: number;
  msg: string;
  req: { id?: number; method: string; url: string };
  res: { statusCode: number };
  code?: string;
  responseTime?: number;
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
});

/** A real server with the request log and the error handler, as the hub mounts them; every line is collected. */
async function serve(level: Level): Promise<{ get: (path: string) => Promise<void>; lines: Line[] }> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  const logger = pino({ level }, sink);
  const app = express();
  app.use(requestLog(logger, (url) => url === '/api/health'));
  const api = express.Router();
  api.get('/tickets/:id', (_req, res) => res.status(200).json({ ok: true }));
  api.get('/forbidden', () => {
    throw new HubError('FORBIDDEN');
  });
  api.get('/busy', () => {
    throw new HubError('EXPORT_BUSY', undefined, 5);
  });
  api.get('/broken', () => {
    throw new Error('disk on fire');
  });
  api.get('/health', (_req, res) => res.end());
  app.use('/api', api);
  app.use(errorHandler(logger));
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const get = async (path: string) => {
    await (await fetch(`${url}${path}`, { headers: { authorization: 'Bearer secret-token' } })).text();
  };
  return { get, lines };
}

describe('request log and error handler', () => {
  it('at debug level: one line per good answer, refusals once at warn with their code, never a token', async () => {
    const { get, lines } = await serve('debug');
    await get('/api/tickets/t1?token=demo-kiosk');
    await get('/api/forbidden?token=leaked');
    await get('/api/health');
    await get('/api/tickets/t2');
    await expect.poll(() => lines.length).toBe(3);
    expect(lines.map((l) => [l.level, l.msg, l.req.method, l.req.url, l.res.statusCode, l.code])).toEqual([
      [20, 'request completed', 'GET', '/api/tickets/t1?[redacted]', 200, undefined],
      [40, 'request refused', 'GET', '/api/forbidden?[redacted]', 403, 'FORBIDDEN'],
      [20, 'request completed', 'GET', '/api/tickets/t2', 200, undefined],
    ]);
    expect(lines[2]?.req.id).toBe((lines[0]?.req.id ?? 0) + 2);
    expect(lines[0]?.responseTime).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(lines)).not.toContain('secret-token');
    expect(JSON.stringify(lines)).not.toContain('demo-kiosk');
    expect(JSON.stringify(lines)).not.toContain('leaked');
  });

  it('at info level writes only refusals and failures, a failure with its error', async () => {
    const { get, lines } = await serve('info');
    await get('/api/tickets/t1');
    await get('/api/forbidden');
    await get('/api/busy'); // load shed as designed: sixty retrying browsers must not write a warning each
    await get('/api/broken');
    await expect.poll(() => lines.length).toBe(2);
    expect(lines.map((l) => [l.level, l.msg, l.res.statusCode])).toEqual([
      [40, 'request refused', 403],
      [50, 'unhandled error', 500],
    ]);
    expect(JSON.stringify(lines[1])).toContain('disk on fire');
  });
});
