// Call latency: from a counter app sending `counter:call-next` over its socket to the `ticket:called` broadcast having reached ALL
// 70 connected clients (60 counter screens, 10 displays), p50/p99 of the time to the last client.
// Baseline in the same run: a bare Socket.IO server (no hub) with the same 70 clients, where a client emits
// a message of the same size and the server broadcasts it to everyone; measured the same way.
// Hub, server and clients share this one process in both cases, so the comparison is like for like.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { loadSiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { createHub } from '../../apps/hub/src/hub.ts';
import { httpRequest, isMain, progress, runBench, type BenchResult } from './run-all.ts';
import { summarise, connectClient } from './bench-support.ts';

const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
/** The demo site with the per-kiosk rate limit lifted, so the queue can be filled quickly. */
const SITE = { ...loadSiteConfig(SITE_FILE), kioskMaxTicketsPerMinute: 10_000 };
const KIOSK_TOKEN = 'demo-kiosk';
const DISPLAY_TOKEN = 'demo-display';
const OFFICERS = 12;
const COUNTER_CLIENTS = 60;
const DISPLAY_CLIENTS = 10;
const CLIENTS = COUNTER_CLIENTS + DISPLAY_CLIENTS;
const WARMUP = 50;
const SAMPLES = Number(process.env.BENCH_CALL_SAMPLES ?? 500);
const PHASE_TIME_LIMIT_MS = 60_000;
const EVENT_TIMEOUT_MS = 5000;
const CALLING_COUNTER = 'loket-1';
const CALLING_SERVICE = 'ktp-el';
const TARGET_RATIO = 2;

interface Payload {
  readonly counterId?: unknown;
  readonly ticketId?: unknown;
}

/** Resolves with performance.now() at the moment the LAST of `sockets` received a matching `event`. */
function lastArrival(
  sockets: readonly Socket[],
  event: string,
  matches: (p: Payload) => boolean,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let pending = sockets.length;
    const listeners = new Map<Socket, (p: Payload) => void>();
    const cleanup = () => {
      for (const [socket, listener] of listeners) socket.off(event, listener);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(`${event}: ${pending} of ${sockets.length} clients got nothing in ${EVENT_TIMEOUT_MS} ms`),
      );
    }, EVENT_TIMEOUT_MS);
    for (const socket of sockets) {
      const listener = (payload: Payload) => {
        if (!matches(payload)) return;
        socket.off(event, listener);
        listeners.delete(socket);
        pending--;
        if (pending === 0) {
          clearTimeout(timer);
          resolve(performance.now());
        }
      };
      listeners.set(socket, listener);
      socket.on(event, listener);
    }
  });
}

/** JSON over a keep-alive node:http agent (see httpRequest). */
async function http(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await httpRequest(agent, port, method, path, token, body);
  return { status: res.status, body: res.body ? (JSON.parse(res.body) as unknown) : null };
}

async function hubPhase(): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-call-'));
  const hub = await createHub({
    dataDir,
    site: SITE,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
  });
  const sockets: Socket[] = [];
  const senders: Socket[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    const { port } = hub;
    const tokens = await Promise.all(
      Array.from({ length: OFFICERS }, async (_, i) => {
        const res = await http(agent, port, 'POST', '/api/auth/login', undefined, {
          username: `loket${i + 1}`,
          pin: '1234',
        });
        if (res.status !== 200) throw new Error(`login loket${i + 1}: HTTP ${res.status}`);
        return (res.body as { token: string }).token;
      }),
    );
    const officer = tokens[0] ?? '';
    progress(`hub: connecting ${COUNTER_CLIENTS} counter and ${DISPLAY_CLIENTS} display clients`);
    for (let i = 0; i < CLIENTS; i++) {
      const token = i < COUNTER_CLIENTS ? (tokens[i % OFFICERS] ?? '') : DISPLAY_TOKEN;
      sockets.push(await connectClient(hub.url, token));
    }

    // The sender is a 71st client, like the baseline's: the 70 measured receivers stay the same on both sides.
    const counterApp = await connectClient(hub.url, officer);
    senders.push(counterApp);
    const total = WARMUP + SAMPLES;
    progress(`hub: issuing ${total} tickets`);
    for (let i = 0; i < total; i++) {
      const res = await http(agent, port, 'POST', '/api/tickets', KIOSK_TOKEN, {
        serviceId: CALLING_SERVICE,
      });
      if (res.status !== 201) throw new Error(`issue: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    }
    // Let the issue broadcasts drain before timing anything.
    await new Promise((resolve) => setTimeout(resolve, 300));

    progress(`hub: ${total} call-next → step → finish cycles`);
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < total && performance.now() - started < PHASE_TIME_LIMIT_MS; i++) {
      const arrived = lastArrival(sockets, 'ticket:called', (p) => p.counterId === CALLING_COUNTER);
      const sent = performance.now();
      // The counter app sends its commands over its socket, as the baseline's sender does.
      const call = (await counterApp.emitWithAck('counter:call-next', { counterId: CALLING_COUNTER })) as {
        ok: boolean;
        data?: { id: string } | null;
      };
      if (!call.ok || !call.data) throw new Error(`call-next: ${JSON.stringify(call)}`);
      const last = await arrived;
      if (i >= WARMUP) samples.push(last - sent);

      // Free the counter, and wait for those broadcasts too, so the next sample starts from a quiet hub.
      const ticketId = call.data.id;
      const finished = lastArrival(sockets, 'ticket:finished', (p) => p.ticketId === ticketId);
      const step = await http(agent, port, 'POST', `/api/tickets/${ticketId}/step`, officer);
      if (step.status !== 200) throw new Error(`step: HTTP ${step.status}`);
      const finish = await http(agent, port, 'POST', `/api/tickets/${ticketId}/finish`, officer);
      if (finish.status !== 200) throw new Error(`finish: HTTP ${finish.status}`);
      await finished;
    }
    return samples;
  } finally {
    agent.destroy();
    for (const s of [...sockets, ...senders]) s.disconnect();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function baselinePhase(): Promise<number[]> {
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on('trigger', (payload: unknown) => {
      io.emit('ticket:called', payload);
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  try {
    progress(`baseline: connecting ${CLIENTS} clients and a sender`);
    for (let i = 0; i < CLIENTS; i++) sockets.push(await connectClient(url, 'bench'));
    const sender = await connectClient(url, 'bench');
    const total = WARMUP + SAMPLES;
    progress(`baseline: ${total} broadcasts`);
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < total && performance.now() - started < PHASE_TIME_LIMIT_MS; i++) {
      // The same shape and size as the hub's ticket:called broadcast.
      const payload = {
        type: 'ticket:called',
        ticketId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        counterId: CALLING_COUNTER,
        via: 'next',
        at: new Date().toISOString(),
        by: 'loket1',
        eventId: i + 1,
      };
      const arrived = lastArrival(sockets, 'ticket:called', (p) => p.ticketId === payload.ticketId);
      const sent = performance.now();
      // The bare server's one event is not part of the hub's contract.
      (sender as unknown as Socket).emit('trigger', payload);
      const last = await arrived;
      if (i >= WARMUP) samples.push(last - sent);
    }
    sender.disconnect();
    return samples;
  } finally {
    for (const s of sockets) s.disconnect();
    await io.close();
  }
}

export async function run(): Promise<BenchResult> {
  const baseline = summarise(await baselinePhase());
  const hub = summarise(await hubPhase());
  const baselineLabel = `bare Socket.IO broadcast, ${CLIENTS} clients`;
  const ratio = hub.p99 / baseline.p99;
  return {
    name: 'call-latency',
    figures: [
      {
        label: 'call → all 70 clients, p50',
        unit: 'ms',
        value: hub.p50,
        baseline: baseline.p50,
        baselineLabel,
      },
      {
        label: 'call → all 70 clients, p99',
        unit: 'ms',
        value: hub.p99,
        baseline: baseline.p99,
        baselineLabel,
      },
      {
        label: 'call → all 70 clients, max',
        unit: 'ms',
        value: hub.max,
        baseline: baseline.max,
        baselineLabel,
      },
    ],
    targets: [
      {
        label: `p99 ≤ ${TARGET_RATIO}× baseline`,
        pass: ratio <= TARGET_RATIO,
        detail: `${hub.p99.toFixed(2)} ms vs ${baseline.p99.toFixed(2)} ms = ${ratio.toFixed(2)}×`,
      },
    ],
    notes: [
      `${hub.n} hub samples, ${baseline.n} baseline samples after ${WARMUP} warm-up; ` +
        `${COUNTER_CLIENTS} counter clients on ${OFFICERS} officer tokens + ${DISPLAY_CLIENTS} displays`,
      'hub figure includes the socket command, the fsync of the commit and the broadcast; clients in the same process',
    ],
  };
}

if (isMain(import.meta.url)) await runBench(run);
