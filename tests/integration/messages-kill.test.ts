import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessagesView } from '@giliran/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeWhatsApp, type FakeProvider } from '../support/fake-message-providers.ts';
import { sleep } from '../support/faults-util.ts';
import { demoSite, KIOSK_TOKEN } from '../support/hub-harness.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { WA_PHONE_ID, WA_TOKEN } from '../support/message-world.ts';

// Issue 18: the real hub as a child process, killed with SIGKILL while the WhatsApp provider holds its requests
// open, restarted on the same folder: every message arrives, none more than once more than it should.

const TICKETS = 10;
const ACCEPTED_BEFORE_KILL = 3;
const CONCURRENCY = 4;

async function call<T>(
  hub: HubProcess,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${hub.url}/api${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)} ${await response.text()}`);
  return (await response.json()) as T;
}

async function until(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('a hub killed while sending', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'giliran-messages-kill-'));
  let wa: FakeProvider | undefined;
  let hub: HubProcess | undefined;
  afterAll(async () => {
    hub?.child.kill('SIGKILL');
    await hub?.exited;
    await wa?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('sends each message at most once more after restart and loses none', { timeout: 90_000 }, async () => {
    wa = await fakeWhatsApp(WA_PHONE_ID, WA_TOKEN);
    const provider = wa;
    // The first few are answered; then the provider holds every request open, as a stalled network does.
    provider.behave((n) => (n < ACCEPTED_BEFORE_KILL ? 'accept' : 'hang'));
    const siteFile = join(workDir, 'site.json');
    const dataDir = join(workDir, 'data');
    const site = demoSite();
    writeFileSync(
      siteFile,
      JSON.stringify({
        ...site,
        messages: {
          whatsapp: { apiUrl: provider.url, phoneNumberId: WA_PHONE_ID, token: WA_TOKEN },
          retryBaseSeconds: 0.05,
          retryMaxSeconds: 0.2,
          concurrency: CONCURRENCY,
        },
      }),
    );
    hub = await spawnHub(dataDir, siteFile);
    const first = hub;
    const numbers: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const ticket = await call<{ id: string; number: string }>(first, 'POST', '/tickets', KIOSK_TOKEN, {
        serviceId: 'ktp-el',
      });
      await call(first, 'POST', '/messages/contacts', KIOSK_TOKEN, {
        ticketId: ticket.id,
        phone: `08123450${String(i).padStart(4, '0')}`,
      });
      numbers.push(ticket.number);
    }
    // The answered ones and a full set of held requests are in: kill the hub mid-send.
    await until('requests in flight', () => provider.received.length >= ACCEPTED_BEFORE_KILL + CONCURRENCY);
    first.child.kill('SIGKILL');
    await first.exited;
    const inFlightAtKill = provider.received.length - ACCEPTED_BEFORE_KILL;

    provider.behave(() => 'accept');
    hub = await spawnHub(dataDir, siteFile);
    const second = hub;
    const mod = (
      await call<{ token: string }>(second, 'POST', '/auth/login', undefined, {
        username: 'mod',
        pin: '1234',
      })
    ).token;
    await until('every message sent', async () => {
      const view = MessagesView.parse(await call(second, 'GET', '/messages?limit=500', mod));
      return view.messages.length === TICKETS && view.messages.every((m) => m.status === 'sent');
    });

    const received = (number: string) =>
      provider.received.filter((r) => r.text.includes(`antrean Anda ${number}`)).length;
    const counts = numbers.map(received);
    // None lost; none more than twice; the twice-received are those the killed hub had in flight, no others.
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    expect(counts.filter((c) => c === 2).length).toBeLessThanOrEqual(inFlightAtKill);
    expect(counts.filter((c) => c === 2).length).toBeGreaterThan(0);
    // What the provider had answered before the kill was recorded as sent: not sent again.
    const answered = provider.received
      .slice(0, ACCEPTED_BEFORE_KILL)
      .map((r) => /[A-Z]\d{3}/.exec(r.text)?.[0] ?? '');
    expect(answered.map(received)).toEqual([1, 1, 1]);
  });
});
