import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino, type Level } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { levelOf, requestLog } from './request-log.ts';

interface Line {
  level: number;
  msg: string;
  req: { id: number; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

let server: Server | undefined;
afterEach(() => {
  server?.close();
});

/** A real server with the middleware under test; every log line it writes is collected. */
async function serve(level: Level): Promise<{ url: string; lines: Line[] }> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  const app = express();
  app.use(requestLog(pino({ level }, sink), (url) => url === '/api/health'));
  app.use(
    '/api',
    express.Router().get('/status/:code', (req, res) => res.status(Number(req.params.code)).end()),
  );
  app.get('/api/health', (_req, res) => res.end());
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, lines };
}

describe('requestLog', () => {
  it('grades outcomes: good answers are debug, refusals warn, failures error', () => {
    expect(levelOf(200, false)).toBe('debug');
    expect(levelOf(204, false)).toBe('debug');
    expect(levelOf(403, false)).toBe('warn');
    expect(levelOf(200, true)).toBe('warn');
    expect(levelOf(500, false)).toBe('error');
  });

  it('writes one line per request with method, full url, status and time, and nothing else', async () => {
    const { url, lines } = await serve('debug');
    await fetch(`${url}/api/status/201?x=1`, { headers: { authorization: 'Bearer secret-token' } });
    await fetch(`${url}/api/status/404`);
    await fetch(`${url}/api/health`);
    await expect.poll(() => lines.length).toBe(2);
    expect(lines.map((l) => [l.level, l.msg, l.req.method, l.req.url, l.res.statusCode])).toEqual([
      [20, 'request completed', 'GET', '/api/status/201?x=1', 201],
      [40, 'request completed', 'GET', '/api/status/404', 404],
    ]);
    expect(lines[1]?.req.id).toBe((lines[0]?.req.id ?? 0) + 1);
    expect(JSON.stringify(lines)).not.toContain('secret-token');
    for (const line of lines)
      expect(Object.keys(line).sort()).toEqual([
        'hostname',
        'level',
        'msg',
        'pid',
        'req',
        'res',
        'responseTime',
        'time',
      ]);
  });

  it('at info level writes only refusals and failures', async () => {
    const { url, lines } = await serve('info');
    await fetch(`${url}/api/status/200`);
    await fetch(`${url}/api/status/503`);
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]?.res.statusCode).toBe(503);
    expect(lines[0]?.level).toBe(50);
  });
});
