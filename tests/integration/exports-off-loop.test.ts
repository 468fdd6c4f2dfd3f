import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { threadNices } from '../support/thread-nice.ts';

const SCHED_IDLE = 5;

/** The scheduling policy of every thread of a process (/proc stat's 41st field). */
function threadPolicies(pid: number | 'self'): number[] {
  return readdirSync(`/proc/${String(pid)}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${String(pid)}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38]);
  });
}

// Wednesday 2026-11-25, 10:00 WIB: "yesterday" (2026-11-24) is a closed day.
const NOW = Date.parse('2026-11-25T10:00:00+07:00');

describe('report exports rendered in a host process, capped and cached', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  /** The hub's own export pool: one host process, two exports accepted at once. */
  async function start(): Promise<{ hub: TestHub; mod: string }> {
    const hub = await startTestHub({ clock: new ManualClock(NOW) });
    t = hub;
    return { hub, mod: await hub.login('mod') };
  }

  async function download(hub: TestHub, token: string, query: string) {
    const res = await fetch(`${hub.hub.url}/api/reports${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
  }

  it('renders PDF and XLSX in a process of its own at the lowest priority, not on the hub’s loop', async () => {
    const { hub, mod } = await start();
    await hub.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    const nices = process.platform === 'linux' ? threadNices() : [];
    const pdf = await download(hub, mod, '/today?format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await download(hub, mod, '/today?format=xlsx');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    expect(hub.hub.exports.rendered).toBe(2);
    const host = hub.hub.exports.pid;
    expect(host).toBeDefined();
    expect(host).not.toBe(process.pid);
    if (process.platform !== 'linux') return;
    // Linux: every thread of the export host (its garbage collector's too) at SCHED_IDLE; the hub's loop, this
    // process, keeps its threads and their priority.
    expect(new Set(threadPolicies(host ?? 0))).toEqual(new Set([SCHED_IDLE]));
    expect(threadPolicies('self')).not.toContain(SCHED_IDLE);
    expect(threadNices()).toEqual(expect.arrayContaining(nices.slice(0, 1)));
  });

  it('answers 429 with Retry-After beyond the exports it accepts at once, and every accepted file is whole', async () => {
    const { hub, mod } = await start();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => download(hub, mod, '/today?format=pdf')),
    );
    const served = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(served.length + refused.length).toBe(12);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(served.length).toBeLessThanOrEqual(4);
    expect(refused.length).toBeGreaterThanOrEqual(8);
    for (const answer of served) expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
    for (const answer of refused) {
      expect(answer.retryAfter).toBe('5');
      expect(JSON.parse(answer.body.toString())).toMatchObject({ error: { code: 'EXPORT_BUSY' } });
    }
  });

  it('hands today’s figures to the export host once for every file made from them, not once per file', async () => {
    const { hub, mod } = await start();
    await hub.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    for (const format of ['pdf', 'xlsx', 'pdf'])
      expect((await download(hub, mod, `/today?format=${format}`)).status).toBe(200);
    expect(hub.hub.exports.rendered).toBe(3);
    expect(hub.hub.exports.viewsEncoded).toBe(1);
  });

  it('renders a closed day once and answers the next readers from the cache; today is rendered afresh', async () => {
    const { hub, mod } = await start();
    for (let i = 0; i < 3; i++)
      expect((await download(hub, mod, '?from=2026-11-24&format=pdf')).status).toBe(200);
    expect(hub.hub.exports.rendered).toBe(1);
    for (let i = 0; i < 2; i++) expect((await download(hub, mod, '/today?format=pdf')).status).toBe(200);
    expect(hub.hub.exports.rendered).toBe(3);
  });
});
