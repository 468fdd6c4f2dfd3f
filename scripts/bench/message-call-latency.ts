// Messages never slow the queue (issue 18): the latency of `call-next` over REST while every waiting ticket has a
// WhatsApp number (each call decides "near" for all of them and a "called" message, each finish a survey link, and
// the sender talks to a provider, in another process, that takes 30 ms to answer), against the same hub with no
// messages at all as the in-run baseline. Hub and client share this one process in both runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadSiteConfig } from '../../apps/hub/src/config/site-config.ts';
import { createHub } from '../../apps/hub/src/hub.ts';
import { MessageSettings } from '../../apps/hub/src/config/message-settings.ts';
import { sql } from '../../apps/hub/src/db/statements.ts';
import { httpRequest, isMain, percentile, progress, runBench, type BenchResult } from './run-all.ts';

const SITE_FILE = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
const KIOSK_TOKEN = 'demo-kiosk';
const TICKETS = Number(process.env.BENCH_MESSAGE_TICKETS ?? 300);
const WARMUP = 20;
const PROVIDER_DELAY_MS = 30;
const TARGET_RATIO = 1.5;

/**
 * A WhatsApp Cloud API stand-in in a child process (a real provider is another machine: its work is not the hub's),
 * answering every message after a delay, as a distant provider does.
 */
async function slowProvider(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  const code = `
    let n = 0;
    const server = require('node:http').createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        n++;
        process.send({ received: n });
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.' + n }] }));
        }, ${String(PROVIDER_DELAY_MS)});
      });
    });
    server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));`;
  const child = fork('-e', [code], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let received = 0;
  const port = await new Promise<number>((resolve) => {
    child.on('message', (message: { port?: number; received?: number }) => {
      if (message.port !== undefined) resolve(message.port);
      if (message.received !== undefined) received = message.received;
    });
  });
  return {
    url: `http://127.0.0.1:${String(port)}`,
    received: () => received,
    close: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

interface Measured {
  readonly p50: number;
  readonly p99: number;
  readonly messages: number;
}

async function measure(withMessages: boolean, providerUrl: string): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-bench-messages-'));
  const site = { ...loadSiteConfig(SITE_FILE), kioskMaxTicketsPerMinute: 100_000 };
  const hub = await createHub({
    dataDir,
    port: 0,
    logger: pino({ level: 'silent' }),
    site: withMessages
      ? {
          ...site,
          messages: MessageSettings.parse({
            whatsapp: { apiUrl: providerUrl, phoneNumberId: '1', token: 'bench' },
            nearAhead: 5,
          }),
        }
      : site,
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    httpRequest(agent, hub.port, method, path, token, body);
  try {
    progress(`${withMessages ? 'messages' : 'baseline'}: issuing ${TICKETS} tickets`);
    for (let i = 0; i < TICKETS; i++) {
      const issued = await call('POST', '/api/tickets', KIOSK_TOKEN, { serviceId: 'ktp-el' });
      const { id } = JSON.parse(issued.body) as { id: string };
      if (withMessages)
        await call('POST', '/api/messages/contacts', KIOSK_TOKEN, {
          ticketId: id,
          phone: `0812${String(10_000_000 + i)}`,
        });
    }
    const login = await call('POST', '/api/auth/login', undefined, { username: 'loket1', pin: '1234' });
    const { token } = JSON.parse(login.body) as { token: string };
    const samples: number[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const started = performance.now();
      const called = await call('POST', '/api/counters/loket-1/call-next', token);
      const elapsed = performance.now() - started;
      if (called.status !== 200) throw new Error(`call-next answered ${String(called.status)}`);
      const { id } = JSON.parse(called.body) as { id: string };
      if (i >= WARMUP) samples.push(elapsed);
      await call('POST', `/api/tickets/${id}/step`, token);
      await call('POST', `/api/tickets/${id}/finish`, token);
    }
    samples.sort((a, b) => a - b);
    const messages = (sql(hub.db, 'SELECT COUNT(*) AS n FROM message_outbox').get() as { n: number }).n;
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), messages };
  } finally {
    agent.destroy();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult> {
  const provider = await slowProvider();
  try {
    const baseline = await measure(false, provider.url);
    const withMessages = await measure(true, provider.url);
    const ratio = withMessages.p99 / baseline.p99;
    const baselineLabel = 'same hub, no messages';
    return {
      name: 'message-call-latency',
      figures: [
        {
          label: 'call-next, p50',
          unit: 'ms',
          value: withMessages.p50,
          baseline: baseline.p50,
          baselineLabel,
        },
        {
          label: 'call-next, p99',
          unit: 'ms',
          value: withMessages.p99,
          baseline: baseline.p99,
          baselineLabel,
        },
      ],
      targets: [
        {
          label: `p99 ≤ ${String(TARGET_RATIO)}× baseline`,
          pass: ratio <= TARGET_RATIO,
          detail: `${withMessages.p99.toFixed(2)} ms vs ${baseline.p99.toFixed(2)} ms = ${ratio.toFixed(2)}×`,
        },
      ],
      notes: [
        `${String(TICKETS - WARMUP)} calls each after ${String(WARMUP)} warm-up, sequential over one keep-alive connection`,
        `${String(withMessages.messages)} messages written to the outbox, ${String(provider.received())} reached the provider during the run (${String(PROVIDER_DELAY_MS)} ms per answer)`,
      ],
    };
  } finally {
    await provider.close();
  }
}

if (isMain(import.meta.url)) await runBench(run);
