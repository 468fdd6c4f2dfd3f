import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler.ts';
import { jsonBody } from './json-body.ts';

const LIMIT = 100;
let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use(jsonBody(LIMIT));
  app.post('/echo', (req, res) => {
    res.json({ body: req.body as unknown, parsed: 'body' in req && req.body !== undefined });
  });
  app.use(errorHandler(pino({ level: 'silent' })));
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(() => {
  server.close();
});

async function post(body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function errorOf(json: Record<string, unknown>): { code: string; details?: { message: string }[] } {
  return json.error as { code: string; details?: { message: string }[] };
}

describe('jsonBody', () => {
  it('parses a UTF-8 JSON object, with or without a charset, and drops a byte-order mark', async () => {
    expect((await post('{"serviceId":"kk","nama":"Budi Śantoso"}')).json.body).toEqual({
      serviceId: 'kk',
      nama: 'Budi Śantoso',
    });
    const withCharset = await post('[1,2]', { 'content-type': 'Application/JSON; charset="UTF-8"' });
    expect(withCharset.json.body).toEqual([1, 2]);
    expect((await post('\uFEFF {"a":1}')).json.body).toEqual({ a: 1 });
  });

  it('reads an empty JSON body as an empty object and leaves other content types unread', async () => {
    expect((await post('')).json).toEqual({ body: {}, parsed: true });
    const text = await post('{"a":1}', { 'content-type': 'text/plain' });
    expect(text.json).toEqual({ parsed: false });
  });

  it("refuses what is not a JSON object or array, as body-parser's strict mode does", async () => {
    for (const body of ['{"a":', '"text"', '42', 'null', 'serviceId=kk']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(errorOf(res.json).code).toBe('VALIDATION_FAILED');
      expect(errorOf(res.json).details?.[0]?.message).toBe('body is not valid JSON');
    }
  });

  it('answers 413 for a body over the limit, declared or streamed, after reading it to the end', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(LIMIT) });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(errorOf(declared.json).code).toBe('PAYLOAD_TOO_LARGE');

    // Chunked: no Content-Length, so the limit is found while reading.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write(`{"n${String(i)}":"${'y'.repeat(20)}"}`);
      req.end();
    });
    expect(streamed).toBe(413);
  });

  it('refuses compressed bodies and charsets other than UTF-8 instead of decoding them', async () => {
    const gzip = await post('{"a":1}', { 'content-encoding': 'gzip' });
    expect(gzip.status).toBe(400);
    expect(errorOf(gzip.json).code).toBe('VALIDATION_FAILED');
    const latin1 = await post('{"a":1}', { 'content-type': 'application/json; charset=latin1' });
    expect(latin1.status).toBe(400);
    expect(errorOf(latin1.json).code).toBe('VALIDATION_FAILED');
  });

  it('keeps serving after a client drops its request mid-body', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '50' },
      });
      req.on('error', () => {
        resolve();
      });
      req.write('{"a":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect((await post('{"after":true}')).json.body).toEqual({ after: true });
  });
});
