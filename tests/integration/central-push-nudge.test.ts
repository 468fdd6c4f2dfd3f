import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** A stand-in central that acknowledges every batch and notes when each event arrived. */
function fakeCentral(arrived: Map<string, number>): Server {
  return createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (req.method === 'PUT') {
        res.writeHead(204).end();
        return;
      }
      const batch = (text ? JSON.parse(text) : { after: 0, events: [] }) as {
        after: number;
        events: { seq: number; payload: { ticketId?: string } }[];
      };
      for (const e of batch.events) if (e.payload.ticketId) arrived.set(e.payload.ticketId, Date.now());
      const ackedSeq = batch.events.at(-1)?.seq ?? batch.after;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ siteId: 'mpp-nudge', ackedSeq, stored: batch.events.length }));
    });
  });
}

describe('the hub pushes soon after a commit, not at the next heartbeat', () => {
  const arrived = new Map<string, number>();
  let server: Server;
  let hub: TestHub;

  beforeAll(async () => {
    server = fakeCentral(arrived);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    hub = await startTestHub({
      site: demoSite({ id: 'mpp-nudge', central: { url, siteId: 'mpp-nudge', key: 'k'.repeat(32) } }),
      // A heartbeat far beyond the test: only the nudge after a commit can bring the ticket to central in time.
      centralTiming: { nudgeDelayMs: 50, heartbeatMs: 60_000, baseBackoffMs: 50, maxBackoffMs: 200 },
    });
  });
  afterAll(async () => {
    await hub.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a ticket issued while the pusher waits for its heartbeat reaches central within moments', async () => {
    // The start-up push has gone and the pusher sits on its 60 s heartbeat.
    await expect.poll(() => hub.hub.pusher.status().lastSuccessAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await hub.api<{ id: string }>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: 'kk' },
      });
      expect(res.status).toBe(201);
      await expect.poll(() => arrived.get(res.body.id), { timeout: 5000 }).toBeDefined();
      expect((arrived.get(res.body.id) ?? Infinity) - started).toBeLessThan(3000);
      await new Promise((r) => setTimeout(r, 300));
    }
  });
});
